/**
 * The lanes × stages grid. Each cell is its own component watching only its
 * own value, so typing re-renders one cell. Alt+Arrow keys move between cells
 * like a spreadsheet; Enter stays a newline (one card per line in card lanes).
 *
 * A grid of more than WINDOW_FROM_CELLS cells is windowed in both directions:
 * only the rows and columns in view (and, once it has scrolled, one more
 * ahead of the scroll on each axis) are in the DOM, between spacers as large
 * as what they stand for, so a 40 × 30 map puts a few dozen editors in the
 * page instead of 1200, and a keystroke paints and layerizes that much. Smaller grids (the templates have ~45 cells) are
 * rendered whole, so find-in-page and screen readers' browse mode see every
 * cell.
 *
 * Windowing changes nothing else. The cell that has (or last had) focus is
 * always rendered, however far the grid scrolls from it. Keyboard order is
 * the unwindowed one: Tab and Shift+Tab out of a cell, Alt+Arrow, and Tab into
 * the grid from before or after it reach the cell they would reach without
 * windowing, rendering it first if need be. The table tells assistive
 * technology the whole grid's size (aria-rowcount, aria-colcount) and where
 * each rendered row and cell sits in it (aria-rowindex, aria-colindex).
 */
import type { JSX } from 'preact';
import { useLayoutEffect, useReducer, useRef } from 'preact/hooks';
import { formatPath, LIMITS, type LaneKind, type TextCell } from '../../src/model';
import { getCell, setCell } from '../edit';
import { useIssueText, usePanel, useSlice } from '../hooks';
import { shallowArrayEq } from '../store';
import { EmotionControl } from './EmotionControl';
import { MetricCellEditor } from './MetricCell';
import { linkToText, textToLink } from '../formats/links';
import { pickIndices, sameSlots, toSlots, type Slot } from './virtual';

const cellDomId = (row: number, col: number) => `cell-${row}-${col}`;

/** Grids up to this many cells are rendered whole; larger ones are windowed. */
export const WINDOW_FROM_CELLS = 120;
/**
 * Rows and columns rendered beyond those in view, ahead of the scroll: on the side each axis last
 * scrolled towards, so the next row or column is there when it comes into view. None before the
 * grid first scrolls (the tab opens with only what is in view: a quarter fewer editors at 900 px).
 */
const OVERSCAN = 1;
/** Sizes in px until the rendered grid is measured (Inter 11px in Chromium): column, head row, lane heads, rows. */
const EST = {
  col: 150,
  head: 25,
  side: 96,
  row: { text: 69, cards: 80, emotion: 60, metric: 62, divider: 32 } as Record<LaneKind, number>,
};

const isRadio = (el: Element): el is HTMLInputElement => el instanceof HTMLInputElement && el.type === 'radio';

/** A cell's Tab stops in order; a radio group is one stop (its first radio stands for it). */
function tabStops(td: HTMLElement): HTMLElement[] {
  const stops: HTMLElement[] = [];
  const groups = new Set<string>();
  for (const el of Array.from(td.querySelectorAll<HTMLElement>('textarea, input, button, select, [tabindex]'))) {
    if ((el as HTMLInputElement).disabled || el.tabIndex < 0) continue;
    if (typeof el.checkVisibility === 'function' && !el.checkVisibility()) continue; // display: none
    if (isRadio(el)) {
      if (groups.has(el.name)) continue;
      groups.add(el.name);
    }
    stops.push(el);
  }
  return stops;
}

const sameStop = (a: HTMLElement | undefined, b: HTMLElement) =>
  a === b || (!!a && isRadio(a) && isRadio(b) && a.name === b.name);

/**
 * The control Tab, Shift+Tab (`last`) or Alt+Arrow lands on in a cell: its first
 * (last) stop; for a radio group, its checked radio, else its first (last) one.
 */
function entryControl(td: HTMLElement, last = false): HTMLElement | null {
  const stops = tabStops(td);
  const stop = last ? stops[stops.length - 1] : stops[0];
  if (!stop || !isRadio(stop)) return stop ?? null;
  const group = Array.from(td.querySelectorAll<HTMLInputElement>('input[type=radio]')).filter(
    (r) => r.name === stop.name,
  );
  return group.find((r) => r.checked) ?? (last ? group[group.length - 1] : group[0]);
}

export function CellsTab() {
  const stageIds = useSlice((s) => s.map.stages.map((st) => st.id), shallowArrayEq);
  const laneIds = useSlice((s) => s.map.lanes.map((l) => l.id), shallowArrayEq);
  const kinds = useSlice((s) => s.map.lanes.map((l) => l.kind), shallowArrayEq);
  if (!laneIds.length) return <p class="empty">Add a lane on the Lanes tab to fill in cells.</p>;
  return (
    <div class="stack">
      <p class="hint" id="grid-hint">
        <kbd>Alt</kbd> + arrow keys move between cells. <kbd>Enter</kbd> starts a new line; in card lanes each line is
        one card.
      </p>
      <Grid stageIds={stageIds} laneIds={laneIds} kinds={kinds} />
    </div>
  );
}

/** Measured sizes in px: rows by lane id, columns by stage id, the first row seen of each kind, head row, lane heads. */
interface Extents {
  rows: Map<string, number>;
  cols: Map<string, number>;
  kinds: Map<string, number>;
  head: number;
  side: number;
}

/** Kept across openings of the tab, so the grid opens with the sizes it had. */
const extents: Extents = { rows: new Map(), cols: new Map(), kinds: new Map(), head: EST.head, side: EST.side };

interface CellRef {
  lane: string;
  stage: string;
}

/** Record the rendered rows' and columns' sizes. Zero (no layout, as in jsdom) is ignored. */
function measure(table: HTMLTableElement): void {
  const e = extents;
  const note = (map: Map<string, number>, key: string | undefined, px: number, once = false) => {
    if (key && px > 0 && !(once && map.has(key))) map.set(key, px);
  };
  const head = table.tHead?.rows[0];
  if (head) {
    const h = head.getBoundingClientRect().height;
    const side = head.cells[0]?.getBoundingClientRect().width ?? 0;
    if (h > 0) e.head = h;
    if (side > 0) e.side = side;
    for (const th of Array.from(head.cells)) note(e.cols, th.dataset.stage, th.getBoundingClientRect().width);
  }
  for (const tr of Array.from(table.tBodies[0]?.rows ?? [])) {
    const h = tr.getBoundingClientRect().height;
    note(e.rows, tr.dataset.lane, h);
    note(e.kinds, tr.dataset.kind, h, true);
  }
}

function Grid({ stageIds, laneIds, kinds }: { stageIds: string[]; laneIds: string[]; kinds: LaneKind[] }) {
  const boxRef = useRef<HTMLDivElement>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  // The scroll box's size before it is laid out: styles.css caps it at 100vh - 250px.
  const view = useRef({ top: 0, left: 0, height: Math.max(160, innerHeight - 250), width: innerWidth });
  /** The cell that has (or last had) focus: rendered wherever the grid is scrolled. */
  const active = useRef<CellRef | null>(null);
  /** A cell the keyboard moved to before it was rendered: focused once it is (its last control if `last`). */
  const wanted = useRef<(CellRef & { last: boolean }) | null>(null);
  /** Set while the browser moves focus for a Tab key press (direction: `back` for Shift+Tab). */
  const tabbing = useRef<{ back: boolean } | null>(null);
  const shown = useRef<{ rows: Slot[]; cols: Slot[] }>({ rows: [], cols: [] });
  /** Which way each axis last scrolled: -1 up or left, 1 down or right, 0 not yet. */
  const heading = useRef({ rows: 0, cols: 0 });
  const props = useRef({ stageIds, laneIds, kinds });
  props.current = { stageIds, laneIds, kinds };

  /** Rows and columns to render, with the gaps between them, from the view and the measured sizes. */
  const layout = () => {
    const { stageIds, laneIds, kinds } = props.current;
    const e = extents;
    const v = view.current;
    const rowSizes = laneIds.map((id, i) => e.rows.get(id) ?? e.kinds.get(kinds[i]) ?? EST.row[kinds[i]]);
    const colSizes = stageIds.map((id) => e.cols.get(id) ?? EST.col);
    if (laneIds.length * stageIds.length <= WINDOW_FROM_CELLS) {
      const all = (sizes: number[]) => sizes.map((_, i) => i);
      return { rows: toSlots(all(rowSizes), rowSizes), cols: toSlots(all(colSizes), colSizes) };
    }
    const pinRows: number[] = [];
    const pinCols: number[] = [];
    for (const c of [active.current, wanted.current]) {
      if (!c) continue;
      const row = laneIds.indexOf(c.lane);
      const col = stageIds.indexOf(c.stage);
      if (row < 0 || col < 0) continue;
      pinRows.push(row);
      pinCols.push(col);
    }
    const ahead = (d: number): [number, number] => [d < 0 ? OVERSCAN : 0, d > 0 ? OVERSCAN : 0];
    // In body coordinates: the sticky head row and lane heads cover part of the box.
    const rows = pickIndices(rowSizes, v.top, v.top + v.height - e.head, ahead(heading.current.rows), pinRows);
    const cols = pickIndices(colSizes, v.left, v.left + v.width - e.side, ahead(heading.current.cols), pinCols);
    return { rows: toSlots(rows, rowSizes), cols: toSlots(cols, colSizes) };
  };

  /** After a render, a scroll or a resize: measure, and render again if other rows or columns are due. */
  const update = () => {
    const box = boxRef.current;
    const table = tableRef.current;
    if (!box || !table) return;
    measure(table);
    const h = heading.current;
    h.rows = Math.sign(box.scrollTop - view.current.top) || h.rows;
    h.cols = Math.sign(box.scrollLeft - view.current.left) || h.cols;
    view.current = {
      top: box.scrollTop,
      left: box.scrollLeft,
      height: box.clientHeight || view.current.height,
      width: box.clientWidth || view.current.width,
    };
    const next = layout();
    if (!sameSlots(next.rows, shown.current.rows) || !sameSlots(next.cols, shown.current.cols)) rerender(0);
  };

  /** Focus a cell (its last control if `last`), rendering it first if it is not. */
  const focusCell = (row: number, col: number, last: boolean) => {
    const td = document.getElementById(cellDomId(row, col));
    if (td) {
      entryControl(td, last)?.focus();
      return;
    }
    const { laneIds, stageIds } = props.current;
    wanted.current = { lane: laneIds[row], stage: stageIds[col], last };
    rerender(0);
  };

  useLayoutEffect(() => {
    const want = wanted.current;
    if (want) {
      const row = laneIds.indexOf(want.lane);
      const col = stageIds.indexOf(want.stage);
      const td = document.getElementById(cellDomId(row, col));
      if (td || row < 0 || col < 0) wanted.current = null;
      if (td) entryControl(td, want.last)?.focus();
    }
    update();
  });

  useLayoutEffect(() => {
    const box = boxRef.current;
    const ro = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => update());
    if (box) ro?.observe(box);
    // Which way a Tab press moves focus, for focus entering the grid (see onFocusIn).
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Tab' || e.altKey || e.ctrlKey || e.metaKey) return;
      tabbing.current = { back: e.shiftKey };
      setTimeout(() => (tabbing.current = null), 0);
    };
    document.addEventListener('keydown', onKey, true);
    return () => {
      ro?.disconnect();
      document.removeEventListener('keydown', onKey, true);
    };
  }, []);

  const onKeyDown = (e: JSX.TargetedKeyboardEvent<HTMLTableElement>) => {
    if (e.ctrlKey || e.metaKey) return;
    const target = e.target as HTMLElement;
    const td = target.closest<HTMLElement>('td[data-row]');
    if (!td) return;
    let row = Number(td.dataset.row);
    let col = Number(td.dataset.col);
    if (e.key === 'Tab' && !e.altKey) {
      // Leaving the cell by Tab: to the next cell in reading order, as without windowing.
      const stops = tabStops(td);
      if (!sameStop(e.shiftKey ? stops[0] : stops[stops.length - 1], target)) return;
      col += e.shiftKey ? -1 : 1;
      if (col < 0 || col >= stageIds.length) {
        row += e.shiftKey ? -1 : 1;
        col = e.shiftKey ? stageIds.length - 1 : 0;
      }
      // Out of the grid, or into a rendered cell: the browser's own order is the unwindowed one.
      if (row < 0 || row >= laneIds.length || document.getElementById(cellDomId(row, col))) return;
      e.preventDefault();
      focusCell(row, col, e.shiftKey);
      return;
    }
    // Alt+Arrow: the neighbouring cell's first control (or its checked face).
    if (!e.altKey) return;
    const delta = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] }[e.key];
    if (!delta) return;
    row += delta[0];
    col += delta[1];
    if (row < 0 || col < 0 || row >= laneIds.length || col >= stageIds.length) return;
    e.preventDefault();
    focusCell(row, col, false);
  };

  const onFocusIn = (e: JSX.TargetedFocusEvent<HTMLTableElement>) => {
    const table = e.currentTarget;
    const td = (e.target as HTMLElement).closest<HTMLElement>('td[data-row]');
    if (!td) return;
    const { laneIds, stageIds } = props.current;
    const row = Number(td.dataset.row);
    const col = Number(td.dataset.col);
    active.current = { lane: laneIds[row], stage: stageIds[col] };
    // Tab into the grid from before it lands on the first cell, Shift+Tab from after it on the last.
    const from = e.relatedTarget as Node | null;
    const tab = tabbing.current;
    if (!tab || (from && table.contains(from))) return;
    const [toRow, toCol] = tab.back ? [laneIds.length - 1, stageIds.length - 1] : [0, 0];
    if (row !== toRow || col !== toCol) focusCell(toRow, toCol, tab.back);
  };

  const { rows: rowSlots, cols: colSlots } = layout();
  shown.current = { rows: rowSlots, cols: colSlots };
  return (
    <div class="grid-scroll" ref={boxRef} onScroll={update}>
      <table
        class="grid"
        ref={tableRef}
        aria-describedby="grid-hint"
        aria-rowcount={laneIds.length + 1}
        aria-colcount={stageIds.length + 1}
        onKeyDown={onKeyDown}
        onFocusIn={onFocusIn}
      >
        <thead>
          <tr aria-rowindex={1}>
            <td class="corner" aria-colindex={1} />
            {colSlots.map((s) =>
              s.kind === 'gap' ? (
                <Gap key={`gap-${s.from}`} slot={s} />
              ) : (
                <StageHeader key={stageIds[s.index]} id={stageIds[s.index]} col={s.index} />
              ),
            )}
          </tr>
        </thead>
        <tbody>
          {rowSlots.map((s) =>
            s.kind === 'gap' ? (
              <tr key={`gap-${s.from}`} aria-hidden="true" style={{ height: `${s.size}px` }}>
                <td class="gap" colSpan={colSlots.length + 1} />
              </tr>
            ) : (
              <LaneRow
                key={laneIds[s.index]}
                laneId={laneIds[s.index]}
                row={s.index}
                stageIds={stageIds}
                colSlots={colSlots}
              />
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}

/** A spacer cell as wide as the columns it stands for. */
function Gap({ slot }: { slot: Extract<Slot, { kind: 'gap' }> }) {
  const px = `${slot.size}px`;
  return <td class="gap" aria-hidden="true" style={{ width: px, minWidth: px, maxWidth: px }} />;
}

function StageHeader({ id, col }: { id: string; col: number }) {
  const name = useSlice((s) => s.map.stages.find((st) => st.id === id)?.name ?? '');
  return (
    <th scope="col" class="stage-head" data-stage={id} aria-colindex={col + 2}>
      {name || <span class="muted">Unnamed</span>}
    </th>
  );
}

const KIND_LABEL: Record<LaneKind, string> = {
  text: 'Text',
  cards: 'Cards',
  emotion: 'Emotion',
  metric: 'Metric',
  divider: 'Divider',
};

function LaneRow({
  laneId,
  row,
  stageIds,
  colSlots,
}: {
  laneId: string;
  row: number;
  stageIds: string[];
  colSlots: Slot[];
}) {
  const title = useSlice((s) => s.map.lanes.find((l) => l.id === laneId)?.title ?? '');
  const kind = useSlice((s) => s.map.lanes.find((l) => l.id === laneId)?.kind ?? 'text');
  return (
    <tr data-lane={laneId} data-kind={kind} aria-rowindex={row + 2}>
      <th scope="row" class="lane-head" aria-colindex={1}>
        <span class="lane-title">{title || <span class="muted">Untitled</span>}</span>
        <span class="lane-kind">{KIND_LABEL[kind]}</span>
      </th>
      {colSlots.map((s) => {
        if (s.kind === 'gap') return <Gap key={`gap-${s.from}`} slot={s} />;
        const col = s.index;
        const stageId = stageIds[col];
        return (
          <td
            key={stageId}
            id={cellDomId(row, col)}
            data-row={row}
            data-col={col}
            aria-colindex={col + 2}
            class={`cell kind-${kind}`}
          >
            {/* A form per cell: Chromium's autofill re-reads every form control outside a form on each
                keystroke and caret move; in a form it reads that form's only. Enter submits nothing. */}
            <form onSubmit={(e) => e.preventDefault()}>
              {kind === 'emotion' ? (
                <EmotionControl laneId={laneId} stageId={stageId} place="cell" compact />
              ) : kind === 'metric' ? (
                <MetricCellEditor laneId={laneId} stageId={stageId} />
              ) : kind === 'divider' ? (
                // A divider is a line across the map: nothing to fill in per stage.
                <span class="divider-cell" aria-label="No cells: a line across the map" />
              ) : (
                <CellText laneId={laneId} stageId={stageId} cards={kind === 'cards'} />
              )}
            </form>
          </td>
        );
      })}
    </tr>
  );
}

function CellText({ laneId, stageId, cards }: { laneId: string; stageId: string; cards: boolean }) {
  const panel = usePanel();
  const value = useSlice((s) => {
    const v = getCell(s.map, laneId, stageId);
    // A linked text shows as `words <https://…>` (ui/formats/links.ts): shown, never followed.
    if (Array.isArray(v)) return v.map(linkToText).join('\n');
    return typeof v === 'string' || (v && 'url' in v) ? linkToText(v as TextCell) : '';
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
        placeholder={cards ? 'One card per line; a link: words <https://…>' : 'A link: words <https://…>'}
        aria-invalid={issue ? true : undefined}
        onInput={(e) => {
          const text = e.currentTarget.value;
          const next = text === '' ? undefined : cards ? text.split('\n').map(textToLink) : textToLink(text);
          panel.edit((m) => setCell(m, laneId, stageId, next));
        }}
      />
      {/* Under the field, in the flow: never on the resize corner, never on the message below. */}
      {cards && lines > 0 && (
        <p class={`card-count${lines > LIMITS.cardsPerCell ? ' over' : ''}`}>
          {lines} card{lines === 1 ? '' : 's'}
        </p>
      )}
      {issue && <p class="field-error">{issue}</p>}
    </>
  );
}
