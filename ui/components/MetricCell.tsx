/**
 * One cell of a metric lane in the Cells grid: the value as people write it ("18%",
 * "3.5 min"), the target, and which way is better. The value field keeps what is typed
 * while it is not a number yet and says so under it; the draft only ever holds numbers.
 */
import { useEffect, useState } from 'preact/hooks';
import { formatMetric, formatNumber, formatPath, parseMetric, type MetricCell } from '../../src/model';
import { getCell, setCell } from '../edit';
import { useIssueText, usePanel, useSlice } from '../hooks';

function metricOf(v: unknown): MetricCell | undefined {
  return v && typeof v === 'object' && 'value' in v ? (v as MetricCell) : undefined;
}

export function MetricCellEditor({ laneId, stageId }: { laneId: string; stageId: string }) {
  const panel = usePanel();
  const cell = useSlice((s) => metricOf(getCell(s.map, laneId, stageId)));
  const laneIndex = useSlice((s) => s.map.lanes.findIndex((l) => l.id === laneId));
  const laneTitle = useSlice((s) => s.map.lanes[laneIndex]?.title ?? '');
  const stageName = useSlice((s) => s.map.stages.find((st) => st.id === stageId)?.name ?? '');
  const path = formatPath(['lanes', laneIndex, 'cells', stageId]);
  const issue = useIssueText(path);
  const shown = cell ? formatMetric(cell) : '';
  const shownTarget = cell?.target === undefined ? '' : formatNumber(cell.target);
  // What is typed, kept while it does not read as a number; the draft's value otherwise (undo, reload).
  const [text, setText] = useState(shown);
  const [targetText, setTargetText] = useState(shownTarget);
  useEffect(() => setText(shown), [shown]);
  useEffect(() => setTargetText(shownTarget), [shownTarget]);
  const valueBad = text.trim() !== '' && !parseMetric(text);
  const targetBad = targetText.trim() !== '' && !parseMetric(targetText);
  const name = `${laneTitle || 'Lane'}, ${stageName || 'stage'}`;

  const put = (next: MetricCell | undefined) => panel.edit((m) => setCell(m, laneId, stageId, next));
  return (
    <div class="metric-cell">
      <input
        type="text"
        aria-label={`${name}: value`}
        data-path={path}
        placeholder="e.g. 18%"
        value={text}
        aria-invalid={valueBad || issue ? true : undefined}
        onInput={(e) => {
          const typed = e.currentTarget.value;
          setText(typed);
          if (typed.trim() === '') return put(undefined);
          const read = parseMetric(typed);
          if (!read) return;
          const next: MetricCell = { ...cell, value: read.value };
          if (read.unit) next.unit = read.unit.slice(0, 12);
          else delete next.unit;
          put(next);
        }}
      />
      {cell && (
        <div class="metric-target">
          <input
            type="text"
            inputMode="decimal"
            aria-label={`${name}: target`}
            placeholder="target"
            value={targetText}
            aria-invalid={targetBad ? true : undefined}
            onInput={(e) => {
              const typed = e.currentTarget.value;
              setTargetText(typed);
              const read = typed.trim() === '' ? undefined : parseMetric(typed);
              if (typed.trim() !== '' && !read) return;
              const next: MetricCell = { ...cell };
              if (read) next.target = read.value;
              else delete next.target;
              put(next);
            }}
          />
          {cell.target !== undefined && (
            <select
              aria-label={`${name}: better when`}
              value={cell.better ?? 'higher'}
              onChange={(e) => {
                const better = e.currentTarget.value === 'lower' ? 'lower' : 'higher';
                const next: MetricCell = { ...cell, better };
                if (better === 'higher') delete next.better;
                put(next);
              }}
            >
              <option value="higher">higher is better</option>
              <option value="lower">lower is better</option>
            </select>
          )}
        </div>
      )}
      {(valueBad || targetBad) && <p class="field-error">Start with a number, e.g. 18% or 3.5 min</p>}
      {issue && <p class="field-error">{issue}</p>}
    </div>
  );
}
