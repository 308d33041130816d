/**
 * The score of one stage in one emotion lane, on the lane's scale (its chart's, for a curve
 * drawn on another lane's chart), plus an optional note. Scales of up to seven points are a
 * radio group of faces, the face bending with the point's place on the scale (on −2..+2 the
 * five familiar ones); longer scales (0–10) a select, which fits a grid cell. Arrow keys move
 * within either as usual; "Clear" (in a grid cell a small ×, shown while the cell is hovered or
 * focused) or Delete / Backspace on the faces removes the score.
 */
import { useId, useMemo } from 'preact/hooks';
import { formatPath, LIMITS, type EmotionCell, type Scale } from '../../src/model';
import { getCell, laneScale, nearestPoint, scoreLevels, setCell, setScore } from '../edit';
import { useIssueText, usePanel, useSlice } from '../hooks';
import './editors.css';

/** The levels of the default −2..+2 scale (what the faces say there). */
export const LEVELS = scoreLevels({ min: -2, max: 2 });
/** The faces' own range: each point of a scale shows the −2…+2 face at its place. */
const LEVELS_RANGE = { min: -2, max: 2 };

/** Scales with more points than this get a select instead of faces (seven fit a grid cell). */
const MAX_FACES = 7;

/**
 * A small line-drawn face; the mouth bends with the score (−2…+2). Pure shapes: no emoji font needed.
 * One path (head, eyes as discs of r 0.9: circles of r 0.3 stroked 1.2 wide, mouth), sized and
 * stroked by styles.css (`.face svg`): a grid shows a hundred faces, each element and attribute
 * fewer counts when the Cells tab opens.
 */
export function Face({ score }: { score: number }) {
  const bend = 8.5 + score * 1.6;
  return (
    <svg aria-hidden="true">
      <path d={`${FACE}M5 10.3Q8 ${bend + 2} 11 10.3`} />
    </svg>
  );
}
/** The head and the eyes, in px (the svg is 16 × 16). */
const FACE =
  'M1.25 8a6.75 6.75 0 1 0 13.5 0a6.75 6.75 0 1 0-13.5 0M5.4 6.4a.3 .3 0 1 0 .6 0a.3 .3 0 1 0-.6 0M10 6.4a.3 .3 0 1 0 .6 0a.3 .3 0 1 0-.6 0';

interface Props {
  laneId: string;
  stageId: string;
  /** Where the control sits, for unique DOM ids (the same cell is editable in two tabs). */
  place: 'stage' | 'cell';
  compact?: boolean;
}

/** The scale as one string, so the slice compares cheaply; `parseScale` reads it back. */
const scaleKey = (s: Scale) => JSON.stringify([s.min, s.max, s.low ?? null, s.high ?? null]);
function parseScale(key: string): Scale {
  const [min, max, low, high] = JSON.parse(key) as [number, number, string | null, string | null];
  const s: Scale = { min, max };
  if (low !== null) s.low = low;
  if (high !== null) s.high = high;
  return s;
}

export function EmotionControl({ laneId, stageId, place, compact }: Props) {
  const panel = usePanel();
  const uid = useId();
  const cell = useSlice((s) => getCell(s.map, laneId, stageId) as EmotionCell | undefined);
  const laneIndex = useSlice((s) => s.map.lanes.findIndex((l) => l.id === laneId));
  const laneTitle = useSlice((s) => s.map.lanes[laneIndex]?.title ?? '');
  const stageName = useSlice((s) => s.map.stages.find((st) => st.id === stageId)?.name ?? '');
  const key = useSlice((s) => scaleKey(laneScale(s.map, laneId)));
  const scale = useMemo(() => parseScale(key), [key]);
  const levels = useMemo(() => scoreLevels(scale), [scale]);
  const path = formatPath(['lanes', laneIndex, 'cells', stageId]);
  const issue = useIssueText(path);
  const name = `emo-${place}-${laneId}-${stageId}-${uid}`;
  const domId = `${place}-${laneId}-${stageId}`;
  const clear = () => panel.edit((m) => setCell(m, laneId, stageId, undefined));
  const choose = (score: number) => panel.edit((m) => setScore(m, laneId, stageId, score));
  const score = cell?.score;
  // Scores between the points (a marker dragged on the canvas reads back in quarter points):
  // the nearest point is shown as chosen, and the exact value next to it.
  const nearest = score === undefined ? undefined : nearestPoint(score, scale);
  const between = score !== undefined && !Number.isInteger(score);
  const number = (n: number) => (scale.min < 0 && n > 0 ? `+${n}` : n < 0 ? `−${-n}` : String(n));
  const what = `${laneTitle || 'Emotion'}, ${stageName || 'stage'}`;
  /** Where a point sits on the scale, as a −2…+2 face: its mouth, and (rounded) its colour. */
  const place4 = (s: number) => -2 + (4 * (s - scale.min)) / (scale.max - scale.min);
  // After the faces; in a grid cell a small × beside the note (no room beside 7 faces or an exact score).
  const clearButton = (
    <button
      type="button"
      class="btn-link clear"
      disabled={score === undefined}
      onClick={(e) => {
        // Focus stays in the control (on the faces) when the button, disabled now, would drop it.
        e.currentTarget.parentElement!.querySelector<HTMLElement>('input,select')!.focus();
        clear();
      }}
      aria-label={`Clear ${laneTitle || 'emotion'} score, ${stageName || 'stage'}`}
      title="Clear score (Delete)"
      // In the grid, no Tab stop of its own (Tab through a row stays as it was): the keyboard has Delete.
      tabIndex={compact ? -1 : undefined}
    >
      {compact ? '×' : 'Clear'}
    </button>
  );
  return (
    // aria-label names the stage too (the visible legend only names the lane); browsers differ in
    // how they join a visually hidden span into a legend's name, so spell it out.
    <fieldset class={`emotion${compact ? ' compact' : ''}`} id={domId} data-path={path} aria-label={what}>
      {!compact && <legend>{laneTitle || 'Emotion'}</legend>}
      <div
        class={`faces${levels.length > 5 ? ' many' : ''}`}
        onKeyDown={(e) => {
          // Delete or Backspace on the faces (or the select) clears the score, in the grid the quickest way.
          if ((e.key === 'Delete' || e.key === 'Backspace') && score !== undefined) {
            e.preventDefault();
            clear();
          }
        }}
      >
        {levels.length <= MAX_FACES ? (
          levels.map((l) => (
            <label class="face" data-score={nearestPoint(place4(l.score), LEVELS_RANGE)} title={l.text} key={l.score}>
              {/* Named by aria-label rather than a visually hidden span: one clipped box fewer per face. */}
              <input
                type="radio"
                class="sr-only"
                name={name}
                value={String(l.score)}
                aria-label={l.text}
                checked={nearest === l.score}
                onChange={() => choose(l.score)}
              />
              <Face score={place4(l.score)} />
            </label>
          ))
        ) : (
          <select
            class="score-select"
            aria-label={`${what}, score`}
            value={nearest === undefined ? '' : String(nearest)}
            onChange={(e) => (e.currentTarget.value === '' ? clear() : choose(Number(e.currentTarget.value)))}
          >
            <option value="">No score</option>
            {levels.map((l) => (
              <option value={String(l.score)} key={l.score}>
                {l.text}
              </option>
            ))}
          </select>
        )}
        {between && (
          <span class="between" title="Exact score, between two points">
            {number(score)}
          </span>
        )}
        {!compact && clearButton}
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
          panel.edit((m) => setCell(m, laneId, stageId, next));
        }}
      />
      {compact && clearButton}
      {issue && <p class="field-error">{issue}</p>}
    </fieldset>
  );
}
