/** Lanes: add (by kind), rename, remove, reorder (buttons or Alt+↑/↓), kind and card tone. */
import { LIMITS, type LaneKind, type Tone } from '../../src/model';
import { addLane, moveLane, removeLane, renameLane, setLaneKind, setLaneTone } from '../edit';
import { refocus, rowMover, usePanel, useSlice } from '../hooks';
import { shallowArrayEq } from '../store';
import { RowHeader } from './RowHeader';

const KINDS: { value: LaneKind; label: string }[] = [
  { value: 'text', label: 'Text' },
  { value: 'cards', label: 'Cards' },
  { value: 'emotion', label: 'Emotion' },
];
const TONES: { value: Tone; label: string }[] = [
  { value: 'neutral', label: 'Neutral' },
  { value: 'positive', label: 'Positive' },
  { value: 'negative', label: 'Negative' },
  { value: 'idea', label: 'Idea' },
];

export function LanesTab() {
  const panel = usePanel();
  const ids = useSlice((s) => s.map.lanes.map((l) => l.id), shallowArrayEq);
  const add = (kind: LaneKind, title: string) => {
    panel.edit((m) => addLane(m, kind, title));
    const lanes = panel.state.map.lanes;
    refocus(`lane-${lanes[lanes.length - 1].id}-title`);
  };
  const full = ids.length >= LIMITS.lanes;
  return (
    <div class="stack">
      <p class="hint">
        <kbd>Alt</kbd> + <kbd>↑</kbd>/<kbd>↓</kbd> moves the focused lane.
      </p>
      {ids.length === 0 && <p class="empty">No lanes yet. Add one below.</p>}
      <ol class="rows">
        {ids.map((id, i) => (
          <LaneRow key={id} id={id} index={i} count={ids.length} />
        ))}
      </ol>
      <div class="btn-row">
        <button type="button" class="btn" disabled={full} onClick={() => add('text', 'Actions')}>
          + Text lane
        </button>
        <button type="button" class="btn" disabled={full} onClick={() => add('cards', 'Pain points')}>
          + Cards lane
        </button>
        <button type="button" class="btn" disabled={full} onClick={() => add('emotion', 'Emotion')}>
          + Emotion lane
        </button>
      </div>
    </div>
  );
}

function LaneRow({ id, index, count }: { id: string; index: number; count: number }) {
  const panel = usePanel();
  const lane = useSlice((s) => s.map.lanes.find((l) => l.id === id));
  if (!lane) return null;
  const n = index + 1;
  const { move, onKeyDown } = rowMover((by) => panel.edit((m) => moveLane(m, id, by)));
  return (
    <li class="row card" onKeyDown={onKeyDown}>
      <RowHeader
        noun="lane"
        field="title"
        index={index}
        count={count}
        inputId={`lane-${id}-title`}
        path={`lanes[${index}].title`}
        value={lane.title}
        onValue={(v) => panel.edit((m) => renameLane(m, id, v))}
        move={move}
        onRemove={() => panel.edit((m) => removeLane(m, id))}
      />
      <div class="two-col">
        <div class="field">
          <label for={`lane-${id}-kind`}>
            Kind<span class="sr-only"> of lane {n}</span>
          </label>
          <select
            id={`lane-${id}-kind`}
            value={lane.kind}
            onChange={(e) => panel.edit((m) => setLaneKind(m, id, e.currentTarget.value as LaneKind))}
          >
            {KINDS.map((k) => (
              <option value={k.value} key={k.value}>
                {k.label}
              </option>
            ))}
          </select>
        </div>
        {lane.kind === 'cards' && (
          <div class="field">
            <label for={`lane-${id}-tone`}>
              Tone<span class="sr-only"> of lane {n}</span>
            </label>
            <select
              id={`lane-${id}-tone`}
              value={lane.tone ?? ''}
              onChange={(e) =>
                panel.edit((m) => setLaneTone(m, id, (e.currentTarget.value || undefined) as Tone | undefined))
              }
            >
              <option value="">Default</option>
              {TONES.map((t) => (
                <option value={t.value} key={t.value}>
                  {t.label}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
    </li>
  );
}
