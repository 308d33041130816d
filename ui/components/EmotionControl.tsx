/**
 * The score of one stage in one emotion lane: a radio group of five faces
 * (-2 … +2) plus an optional note. Arrow keys move within the group as in any
 * radio group; "Clear" removes the score.
 */
import { useId } from 'preact/hooks';
import { formatPath, LIMITS, type EmotionCell } from '../../src/model';
import { getCell, setCell } from '../edit';
import { useIssueText, usePanel, useSlice } from '../hooks';

export const LEVELS = [
  { score: -2, text: 'very negative' },
  { score: -1, text: 'negative' },
  { score: 0, text: 'neutral' },
  { score: 1, text: 'positive' },
  { score: 2, text: 'very positive' },
] as const;

const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0');

/** A small line-drawn face; the mouth bends with the score. Pure shapes: no emoji font needed. */
export function Face({ score }: { score: number }) {
  const bend = 8.5 + score * 1.6;
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <circle cx="8" cy="8" r="6.75" fill="none" stroke="currentColor" stroke-width="1.2" />
      <circle cx="5.7" cy="6.4" r="0.9" fill="currentColor" />
      <circle cx="10.3" cy="6.4" r="0.9" fill="currentColor" />
      <path
        d={`M5 10.3 Q8 ${bend + 2} 11 10.3`}
        fill="none"
        stroke="currentColor"
        stroke-width="1.2"
        stroke-linecap="round"
      />
    </svg>
  );
}

interface Props {
  laneId: string;
  stageId: string;
  /** Where the control sits, for unique DOM ids (the same cell is editable in two tabs). */
  place: 'stage' | 'cell';
  compact?: boolean;
}

export function EmotionControl({ laneId, stageId, place, compact }: Props) {
  const panel = usePanel();
  const uid = useId();
  const cell = useSlice((s) => getCell(s.map, laneId, stageId) as EmotionCell | undefined);
  const laneIndex = useSlice((s) => s.map.lanes.findIndex((l) => l.id === laneId));
  const laneTitle = useSlice((s) => s.map.lanes[laneIndex]?.title ?? '');
  const stageName = useSlice((s) => s.map.stages.find((st) => st.id === stageId)?.name ?? '');
  const path = formatPath(['lanes', laneIndex, 'cells', stageId]);
  const issue = useIssueText(path);
  const name = `emo-${place}-${laneId}-${stageId}-${uid}`;
  const domId = `${place}-${laneId}-${stageId}`;
  const set = (next: EmotionCell | undefined) => panel.edit((m) => setCell(m, laneId, stageId, next));
  const score = cell?.score;
  // Scores between the faces (a marker dragged on the canvas reads back in quarter points):
  // the nearest face is shown as chosen, and the exact value next to it.
  const nearest = score === undefined ? undefined : Math.max(-2, Math.min(2, Math.round(score))) + 0;
  const between = score !== undefined && !Number.isInteger(score);
  return (
    // aria-label names the stage too (the visible legend only names the lane); browsers differ in
    // how they join a visually hidden span into a legend's name, so spell it out.
    <fieldset
      class={`emotion${compact ? ' compact' : ''}`}
      id={domId}
      data-path={path}
      aria-label={`${laneTitle || 'Emotion'}, ${stageName || 'stage'}`}
    >
      {!compact && <legend>{laneTitle || 'Emotion'}</legend>}
      <div class="faces">
        {LEVELS.map((l) => (
          <label class="face" data-score={l.score} title={`${signed(l.score)} ${l.text}`} key={l.score}>
            {/* Named by aria-label rather than a visually hidden span: one clipped box fewer per face. */}
            <input
              type="radio"
              class="sr-only"
              name={name}
              value={String(l.score)}
              aria-label={`${signed(l.score)} ${l.text}`}
              checked={nearest === l.score}
              onChange={() => set({ ...(cell ?? {}), score: l.score })}
            />
            <Face score={l.score} />
          </label>
        ))}
        {between && (
          <span class="between" title="Exact score, between two faces">
            {signed(score)}
          </span>
        )}
        <button
          type="button"
          class="btn-link clear"
          disabled={score === undefined}
          onClick={() => set(undefined)}
          aria-label={`Clear ${laneTitle || 'emotion'} score`}
        >
          Clear
        </button>
      </div>
      <input
        type="text"
        class="note"
        aria-label={`${laneTitle || 'Emotion'} note, ${stageName || 'stage'}`}
        placeholder={score === undefined ? 'Score first' : 'Note (optional)'}
        disabled={score === undefined}
        maxLength={LIMITS.itemText}
        value={cell?.note ?? ''}
        data-path={`${path}.note`}
        onInput={(e) => {
          if (!cell) return;
          const note = e.currentTarget.value;
          const next: EmotionCell = { score: cell.score };
          if (note) next.note = note;
          set(next);
        }}
      />
      {issue && <p class="field-error">{issue}</p>}
    </fieldset>
  );
}
