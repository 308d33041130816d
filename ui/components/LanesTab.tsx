/**
 * Lanes: add (by kind), rename, remove, reorder (buttons or Alt+↑/↓), kind and card tone. An
 * emotion lane's curve also has its persona, the chart it is drawn on (its own, or another
 * emotion lane's), its line style, and its chart's scale with the words at its ends.
 */
import { LIMITS, type LaneKind, type Tone } from '../../src/model';
import { personaIds } from '../draft';
import {
  addLane,
  chartHosts,
  laneScale,
  moveLane,
  overlaysOf,
  removeLane,
  renameLane,
  SCALE_PRESETS,
  setDividerStyle,
  setLaneKind,
  setLaneOverlay,
  setLanePersona,
  setLaneScale,
  setLaneScaleWord,
  setLaneStyle,
  setLaneTone,
} from '../edit';
import { refocus, rowMover, usePanel, useSlice } from '../hooks';
import { shallowArrayEq } from '../store';
import { Field, SelectField, type Option } from './fields';
import { RowHeader } from './RowHeader';
import './editors.css';

const KINDS: Option[] = [
  { value: 'text', label: 'Text' },
  { value: 'cards', label: 'Cards' },
  { value: 'emotion', label: 'Emotion' },
  { value: 'metric', label: 'Metric' },
  { value: 'divider', label: 'Divider line' },
];
const DIVIDER_STYLES: Option[] = [
  { value: '', label: 'Solid' },
  { value: 'dashed', label: 'Dashed' },
];
const TONES: Option[] = [
  { value: '', label: 'Default' },
  { value: 'neutral', label: 'Neutral' },
  { value: 'positive', label: 'Positive' },
  { value: 'negative', label: 'Negative' },
  { value: 'idea', label: 'Idea' },
];
const STYLES: Option[] = [
  { value: 'solid', label: 'Solid' },
  { value: 'dashed', label: 'Dashed' },
];

type Range = { min: number; max: number };
/** "−2 to +2", "1 to 5", "0 to 10": signs only on a scale that goes below zero. */
export function rangeLabel({ min, max }: Range): string {
  const n = (v: number) => (v < 0 ? `−${-v}` : min < 0 && v > 0 ? `+${v}` : String(v));
  return `${n(min)} to ${n(max)}`;
}
const rangeKey = (r: Range) => `${r.min}..${r.max}`;
const untitled = (title: string) => title.trim() || 'Untitled';

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
        <button type="button" class="btn" disabled={full} onClick={() => add('metric', 'Drop-off')}>
          + Metric lane
        </button>
        <button type="button" class="btn" disabled={full} onClick={() => add('divider', 'Line of visibility')}>
          + Divider line
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
    <li class={`row card${lane.kind === 'emotion' ? ' curve' : ''}`} onKeyDown={onKeyDown}>
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
        <SelectField
          label="Kind"
          labelSuffix={` of lane ${n}`}
          id={`lane-${id}-kind`}
          path={`lanes[${index}].kind`}
          value={lane.kind}
          options={KINDS}
          onValue={(v) => panel.edit((m) => setLaneKind(m, id, v as LaneKind))}
        />
        {lane.kind === 'divider' && (
          <SelectField
            label="Line"
            labelSuffix={` of lane ${n}`}
            id={`lane-${id}-line`}
            path={`lanes[${index}].style`}
            value={lane.style ?? ''}
            options={DIVIDER_STYLES}
            onValue={(v) => panel.edit((m) => setDividerStyle(m, id, v === 'dashed' ? 'dashed' : undefined))}
          />
        )}
        {lane.kind === 'cards' && (
          <SelectField
            label="Tone"
            labelSuffix={` of lane ${n}`}
            id={`lane-${id}-tone`}
            path={`lanes[${index}].tone`}
            value={lane.tone ?? ''}
            options={TONES}
            onValue={(v) => panel.edit((m) => setLaneTone(m, id, (v || undefined) as Tone | undefined))}
          />
        )}
        {lane.kind === 'emotion' && <PersonaSelect id={id} index={index} value={lane.persona} />}
      </div>
      {lane.kind === 'emotion' && (
        <>
          <div class="two-col">
            <ChartSelect id={id} index={index} value={lane.overlay} />
            <SelectField
              label="Line"
              labelSuffix={` of lane ${n}`}
              id={`lane-${id}-style`}
              path={`lanes[${index}].style`}
              value={lane.style ?? 'solid'}
              options={STYLES}
              onValue={(v) => panel.edit((m) => setLaneStyle(m, id, v as 'solid' | 'dashed'))}
            />
          </div>
          {lane.overlay === undefined ? (
            <ScaleFields id={id} index={index} low={lane.scale?.low ?? ''} high={lane.scale?.high ?? ''} />
          ) : (
            <SharedScale id={id} />
          )}
        </>
      )}
    </li>
  );
}

/** The persona whose curve this is: none, or one of the personas that have a name. */
function PersonaSelect({ id, index, value }: { id: string; index: number; value: string | undefined }) {
  const panel = usePanel();
  // "id\nlabel" strings, so the slice compares cheaply; personas named but not yet left get their id here.
  const people = useSlice(
    (s) =>
      personaIds(s.map.personas).flatMap((p, i) =>
        p.id === undefined ? [] : [`${p.id}\n${p.name.trim() || `Persona ${i + 1}`}`],
      ),
    shallowArrayEq,
  );
  const options: Option[] = [{ value: '', label: 'None' }];
  for (const entry of people) {
    const [pid, name] = entry.split('\n');
    options.push({ value: pid, label: name });
  }
  if (value !== undefined && !options.some((o) => o.value === value))
    options.push({ value, label: `“${value}” (no such persona)` });
  return (
    <SelectField
      label="Persona"
      labelSuffix={` of lane ${index + 1}`}
      id={`lane-${id}-persona`}
      path={`lanes[${index}].persona`}
      value={value ?? ''}
      options={options}
      disabled={options.length === 1}
      hint={options.length === 1 ? 'Add personas on the Personas tab.' : undefined}
      onValue={(v) => panel.edit((m) => setLanePersona(m, id, v || undefined))}
    />
  );
}

/** The chart the curve is drawn on: its own, or that of another emotion lane with a chart of its own. */
function ChartSelect({ id, index, value }: { id: string; index: number; value: string | undefined }) {
  const panel = usePanel();
  const hosts = useSlice((s) => chartHosts(s.map, id).map((l) => `${l.id}\n${untitled(l.title)}`), shallowArrayEq);
  const guests = useSlice((s) =>
    overlaysOf(s.map, id)
      .map((l) => `“${untitled(l.title)}”`)
      .join(', '),
  );
  const options: Option[] = [{ value: '', label: 'Its own' }];
  for (const entry of hosts) {
    const [hid, title] = entry.split('\n');
    options.push({ value: hid, label: `On “${title}”` });
  }
  if (value !== undefined && !options.some((o) => o.value === value))
    options.push({ value, label: `On “${value}” (not a chart)` });
  // A chart that carries other curves cannot itself be drawn on another chart.
  const hint = guests
    ? `${guests} ${guests.includes(',') ? 'are' : 'is'} drawn on this chart.`
    : options.length === 1
      ? 'Add another emotion lane to draw two curves on one chart.'
      : undefined;
  return (
    <SelectField
      label="Chart"
      labelSuffix={` of lane ${index + 1}`}
      id={`lane-${id}-chart`}
      path={`lanes[${index}].overlay`}
      value={value ?? ''}
      options={options}
      disabled={guests !== '' || options.length === 1}
      hint={hint}
      onValue={(v) => panel.edit((m) => setLaneOverlay(m, id, v || undefined))}
    />
  );
}

/** A lane's own chart: its scale (changing it keeps every score's place) and the words at its ends. */
function ScaleFields({ id, index, low, high }: { id: string; index: number; low: string; high: string }) {
  const panel = usePanel();
  const n = index + 1;
  const key = useSlice((s) => rangeKey(laneScale(s.map, id)));
  const options: Option[] = SCALE_PRESETS.map((r) => ({ value: rangeKey(r), label: rangeLabel(r) }));
  // A scale from a file or an import that is none of the presets is shown as it is.
  if (!options.some((o) => o.value === key)) {
    const [min, max] = key.split('..').map(Number);
    options.push({ value: key, label: rangeLabel({ min, max }) });
  }
  const path = `lanes[${index}].scale`;
  return (
    <div class="scale-row">
      <SelectField
        label="Scale"
        labelSuffix={` of lane ${n}`}
        id={`lane-${id}-scale`}
        path={path}
        value={key}
        options={options}
        onValue={(v) => {
          const [vmin, vmax] = v.split('..').map(Number);
          panel.edit((m) => setLaneScale(m, id, { min: vmin, max: vmax }));
        }}
      />
      <Field
        label="Low end"
        labelSuffix={` word of lane ${n}`}
        id={`lane-${id}-low`}
        path={`${path}.low`}
        placeholder="e.g. Frustrated"
        value={low}
        maxLength={LIMITS.scaleWord}
        onValue={(v) => panel.edit((m) => setLaneScaleWord(m, id, 'low', v))}
      />
      <Field
        label="High end"
        labelSuffix={` word of lane ${n}`}
        id={`lane-${id}-high`}
        path={`${path}.high`}
        placeholder="e.g. Delighted"
        value={high}
        maxLength={LIMITS.scaleWord}
        onValue={(v) => panel.edit((m) => setLaneScaleWord(m, id, 'high', v))}
      />
    </div>
  );
}

/** A curve drawn on another lane's chart is on that chart's scale. */
function SharedScale({ id }: { id: string }) {
  const text = useSlice((s) => {
    const lane = s.map.lanes.find((l) => l.id === id);
    const host = lane?.kind === 'emotion' ? s.map.lanes.find((l) => l.id === lane.overlay) : undefined;
    const scale = laneScale(s.map, id);
    const words = scale.low || scale.high ? ` (${scale.low ?? '…'} to ${scale.high ?? '…'})` : '';
    return host ? `On the scale of “${untitled(host.title)}”: ${rangeLabel(scale)}${words}.` : '';
  });
  return text ? <p class="hint scale-shared">{text}</p> : null;
}
