/**
 * The lanes × stages grid. Each cell is its own component watching only its
 * own value, so typing re-renders one cell. Alt+Arrow keys move between cells
 * like a spreadsheet; Enter stays a newline (one card per line in card lanes).
 */
import type { JSX } from 'preact';
import { formatPath, LIMITS } from '../../src/model';
import { getCell, setCell } from '../edit';
import { useIssueText, usePanel, useSlice } from '../hooks';
import { shallowArrayEq } from '../store';
import { EmotionControl } from './EmotionControl';

const cellDomId = (row: number, col: number) => `cell-${row}-${col}`;

/** Alt+Arrow: focus the neighbouring cell's first control (or its checked radio). */
function onGridKeyDown(e: JSX.TargetedKeyboardEvent<HTMLTableElement>) {
  if (!e.altKey || e.ctrlKey || e.metaKey) return;
  const delta = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] }[e.key];
  if (!delta) return;
  const td = (e.target as HTMLElement).closest('td[data-row]') as HTMLElement | null;
  if (!td) return;
  const row = Number(td.dataset.row) + delta[0];
  const col = Number(td.dataset.col) + delta[1];
  const next = document.getElementById(cellDomId(row, col));
  if (!next) return;
  e.preventDefault();
  const target = next.querySelector<HTMLElement>('textarea, input[type=radio]:checked, input[type=radio]');
  target?.focus();
}

export function CellsTab() {
  const stageIds = useSlice((s) => s.map.stages.map((st) => st.id), shallowArrayEq);
  const laneIds = useSlice((s) => s.map.lanes.map((l) => l.id), shallowArrayEq);
  if (!laneIds.length) return <p class="empty">Add a lane on the Lanes tab to fill in cells.</p>;
  return (
    <div class="stack">
      <p class="hint" id="grid-hint">
        <kbd>Alt</kbd> + arrow keys move between cells. <kbd>Enter</kbd> starts a new line; in card lanes each line is
        one card.
      </p>
      <div class="grid-scroll">
        <table class="grid" aria-describedby="grid-hint" onKeyDown={onGridKeyDown}>
          <thead>
            <tr>
              <td class="corner" />
              {stageIds.map((id) => (
                <StageHeader key={id} id={id} />
              ))}
            </tr>
          </thead>
          <tbody>
            {laneIds.map((laneId, row) => (
              <LaneRow key={laneId} laneId={laneId} row={row} stageIds={stageIds} />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function StageHeader({ id }: { id: string }) {
  const name = useSlice((s) => s.map.stages.find((st) => st.id === id)?.name ?? '');
  return (
    <th scope="col" class="stage-head">
      {name || <span class="muted">Unnamed</span>}
    </th>
  );
}

const KIND_LABEL = { text: 'Text', cards: 'Cards', emotion: 'Emotion' } as const;

function LaneRow({ laneId, row, stageIds }: { laneId: string; row: number; stageIds: string[] }) {
  const title = useSlice((s) => s.map.lanes.find((l) => l.id === laneId)?.title ?? '');
  const kind = useSlice((s) => s.map.lanes.find((l) => l.id === laneId)?.kind ?? 'text');
  return (
    <tr>
      <th scope="row" class="lane-head">
        <span class="lane-title">{title || <span class="muted">Untitled</span>}</span>
        <span class="lane-kind">{KIND_LABEL[kind]}</span>
      </th>
      {stageIds.map((stageId, col) => (
        <td key={stageId} id={cellDomId(row, col)} data-row={row} data-col={col} class={`cell kind-${kind}`}>
          {kind === 'emotion' ? (
            <EmotionControl laneId={laneId} stageId={stageId} place="cell" compact />
          ) : (
            <CellText laneId={laneId} stageId={stageId} cards={kind === 'cards'} />
          )}
        </td>
      ))}
    </tr>
  );
}

function CellText({ laneId, stageId, cards }: { laneId: string; stageId: string; cards: boolean }) {
  const panel = usePanel();
  const value = useSlice((s) => {
    const v = getCell(s.map, laneId, stageId);
    return Array.isArray(v) ? v.join('\n') : typeof v === 'string' ? v : '';
  });
  const laneIndex = useSlice((s) => s.map.lanes.findIndex((l) => l.id === laneId));
  const laneTitle = useSlice((s) => s.map.lanes[laneIndex]?.title ?? '');
  const stageName = useSlice((s) => s.map.stages.find((st) => st.id === stageId)?.name ?? '');
  const path = formatPath(['lanes', laneIndex, 'cells', stageId]);
  const issue = useIssueText(path);
  const lines = cards ? value.split('\n').filter((l) => l.trim()).length : 0;
  return (
    <>
      <textarea
        aria-label={`${laneTitle || 'Lane'}, ${stageName || 'stage'}`}
        data-path={path}
        rows={3}
        value={value}
        maxLength={cards ? LIMITS.cardsPerCell * (LIMITS.itemText + 1) : LIMITS.longText}
        placeholder={cards ? 'One card per line' : ''}
        aria-invalid={issue ? true : undefined}
        onInput={(e) => {
          const text = e.currentTarget.value;
          const next = cards ? (text === '' ? undefined : text.split('\n')) : text === '' ? undefined : text;
          panel.edit((m) => setCell(m, laneId, stageId, next));
        }}
      />
      {cards && lines > 0 && (
        <span class="card-count">
          {lines} card{lines === 1 ? '' : 's'}
        </span>
      )}
      {issue && <p class="field-error">{issue}</p>}
    </>
  );
}
