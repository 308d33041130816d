/**
 * Random data edits to a journey map, as a designer makes them in the panel:
 * stages and lanes added, removed and moved; phases renamed and re-spanned;
 * cells, cards, scores, notes and personas edited; emotion scales changed,
 * curves moved onto another lane's chart and back, tied to personas, dashed;
 * the objective and moments of truth; long texts; metric values, units and targets, and
 * divider lines; the theme (preset, accent, a role colour, a font family, Figma variables on or off, present or missing). Applied to a
 * normalised map, they give the input of the next update.
 */
import fc from 'fast-check';
import type { JourneyMap } from '../../src/model';
import { arbText, arbName, arbScore } from './arbitraries';

export const EDIT_KINDS = [
  'add-stage',
  'remove-stage',
  'move-stage',
  'rename-stage',
  'describe-stage',
  'rename-phase',
  'set-phase',
  'add-lane',
  'remove-lane',
  'move-lane',
  'rename-lane',
  'set-text',
  'add-card',
  'remove-card',
  'set-score',
  'set-note',
  'clear-cell',
  'persona-goals',
  'persona-name',
  'persona-toggle',
  'add-persona',
  'remove-persona',
  'set-scale',
  'toggle-overlay',
  'curve-persona',
  'curve-style',
  'set-objective',
  'toggle-moment',
  'long-text',
  'set-metric',
  'set-target',
  'divider-style',
  'set-link',
  'set-theme',
] as const;
export type EditKind = (typeof EDIT_KINDS)[number];

/** Units a metric edit sets: one written against the number, and some after a space. */
const UNITS = ['%', 'min', '/ 5', 'pts'];

export interface Edit {
  kind: EditKind;
  a: number;
  b: number;
  text: string;
  name: string;
  score: number;
}

export const arbEdit: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom(...EDIT_KINDS),
  a: fc.nat(),
  b: fc.nat(),
  text: arbText,
  name: arbName,
  score: arbScore,
});

export const arbEdits = (maxLength = 5) => fc.array(arbEdit, { minLength: 1, maxLength });

type Json = Record<string, any>;
// Names with '#' and ':' too: phase bands are keyed by name and occurrence (map-spec.ts).
const PHASES = ['Before', 'During', 'After', 'قبل', 'Après 🚀', 'Before#2', 'During:1'];

function move<T>(list: T[], from: number, to: number): void {
  const [x] = list.splice(from, 1);
  list.splice(to, 0, x);
}

let fresh = 0;

const THEME_PRESETS = ['default', 'mono', 'warm', 'contrast'];
/** Light, dark and mid-tone accents (a light one switches the text on it). */
const ACCENTS = ['#C2410C', '#FFE066', '#0038B8', '#7A5AF8', '#008C57'];
const ROLES = ['surface', 'text', 'stage', 'positive', 'negative', 'curve', 'moment', 'mutedText'];
/** Roboto is in the fake with one style; "Brand Sans" is in no Figma (Inter, with a warning). */
const FAMILIES = [undefined, 'Roboto', 'Brand Sans'];

const DEFAULT = { min: -2, max: 2 };
const SCALES = [DEFAULT, { min: 1, max: 5 }, { min: 0, max: 10 }, { min: 1, max: 7, low: 'Awful', high: 'Great' }];

/** The scale a lane's scores are on: its own, its chart's, or −2..+2. */
function scaleOf(m: Json, lane: Json): { min: number; max: number } {
  if (lane.overlay) {
    const host = (m.lanes as Json[]).find((l) => l.id === lane.overlay);
    if (host) return host.scale ?? DEFAULT;
  }
  return lane.scale ?? DEFAULT;
}

/** A −2..+2 score at the same place on `scale`, on its quarter steps. */
function onScale(score: number, scale: { min: number; max: number }): number {
  // + 0: a score rounded to -0 would not survive JSON (where -0 is 0), and maps go through JSON.
  return Math.round((scale.min + ((score + 2) / 4) * (scale.max - scale.min)) * 4) / 4 + 0;
}

/** Put every score of `lane` from scale `from` onto scale `to`, keeping its place. */
function rescale(lane: Json, from: { min: number; max: number }, to: { min: number; max: number }): void {
  for (const cell of Object.values((lane.cells ?? {}) as Record<string, Json>))
    cell.score = onScale(((cell.score - from.min) / (from.max - from.min)) * 4 - 2, to);
}

/** A lane stops being drawn on another's chart: it takes that chart's scale as its own. */
function detach(m: Json, lane: Json): void {
  const scale = scaleOf(m, lane);
  delete lane.overlay;
  if (scale !== DEFAULT) lane.scale = { ...scale };
}

/** Apply one edit in place to a map in JSON form (ids present, as the panel holds it). */
export function applyEdit(m: Json, e: Edit): void {
  const stages = m.stages as Json[];
  const lanes = m.lanes as Json[];
  const si = stages.length ? e.a % stages.length : 0;
  const li = lanes.length ? e.a % lanes.length : 0;
  const stage = stages[si];
  const lane = lanes[li];
  const cellStage = stages.length ? stages[e.b % stages.length].id : undefined;
  switch (e.kind) {
    case 'add-stage': {
      if (stages.length >= 12) return;
      const s: Json = { id: `new-${++fresh}`, name: e.name };
      if (e.b % 3 === 0 && stage?.phase) s.phase = stage.phase;
      stages.splice(e.a % (stages.length + 1), 0, s);
      return;
    }
    case 'remove-stage': {
      if (stages.length <= 1) return;
      const [gone] = stages.splice(si, 1);
      for (const l of lanes) if (l.cells) delete l.cells[gone.id];
      return;
    }
    case 'move-stage':
      if (stages.length > 1) move(stages, si, e.b % stages.length);
      return;
    case 'rename-stage':
      stage.name = e.name;
      return;
    case 'describe-stage':
      if (e.b % 2) stage.description = e.text;
      else delete stage.description;
      return;
    case 'rename-phase': {
      const old = stage.phase;
      if (old === undefined) return;
      for (const s of stages) if (s.phase === old) s.phase = e.name;
      return;
    }
    case 'set-phase':
      if (e.b % 4 === 0) delete stage.phase;
      else stage.phase = PHASES[e.b % PHASES.length];
      return;
    case 'add-lane': {
      if (lanes.length >= 8) return;
      const kind = (['text', 'cards', 'emotion', 'metric', 'divider'] as const)[e.b % 5];
      const cells: Json = {};
      if (cellStage && kind !== 'divider')
        cells[cellStage] =
          kind === 'text'
            ? e.text
            : kind === 'cards'
              ? [e.text]
              : kind === 'metric'
                ? { value: e.score * 10, unit: '%' }
                : { score: e.score, note: e.name };
      // A new emotion lane is on −2..+2; the scores above are.
      lanes.splice(e.a % (lanes.length + 1), 0, { id: `lane-new-${++fresh}`, title: e.name, kind, cells });
      return;
    }
    case 'remove-lane':
      if (lanes.length) {
        // The lanes drawn on its chart get charts of their own.
        for (const l of lanes) if (l.overlay === lane.id) detach(m, l);
        lanes.splice(lanes.indexOf(lane), 1);
      }
      return;
    case 'move-lane':
      if (lanes.length > 1) move(lanes, li, e.b % lanes.length);
      return;
    case 'rename-lane':
      if (lane) lane.title = e.name;
      return;
    default:
      break;
  }
  const personas = (m.personas ?? []) as Json[];
  const persona = personas.length ? personas[e.b % personas.length] : undefined;
  const emotions = lanes.filter((l) => l.kind === 'emotion');
  const curve = emotions.length ? emotions[e.a % emotions.length] : undefined;
  const dropPersona = (id: string) => {
    for (const l of lanes) if (l.persona === id) delete l.persona;
  };
  switch (e.kind) {
    case 'persona-toggle':
      if (personas.length) {
        for (const p of personas) dropPersona(p.id);
        delete m.personas;
      } else m.personas = [{ id: `persona-${++fresh}`, name: e.name, goals: [e.text] }];
      return;
    case 'add-persona':
      if (personas.length < 6)
        m.personas = [...personas, { id: `persona-${++fresh}`, name: e.name, role: e.text.slice(0, 100) }];
      return;
    case 'remove-persona':
      if (persona) {
        dropPersona(persona.id);
        personas.splice(personas.indexOf(persona), 1);
        if (!personas.length) delete m.personas;
      }
      return;
    case 'persona-name':
      if (persona) persona.name = e.name;
      return;
    case 'persona-goals':
      if (persona) {
        const goals = [...(persona.goals ?? [])];
        if (e.b % 2 && goals.length) goals.splice(e.b % goals.length, 1);
        else goals.push(e.text);
        if (goals.length) persona.goals = goals;
        else delete persona.goals;
      }
      return;
    case 'set-scale':
      // A chart's scale changes, and so do the scores drawn on it (they keep their place).
      if (curve && !curve.overlay) {
        const from = scaleOf(m, curve);
        const to = SCALES[e.b % SCALES.length];
        for (const l of [curve, ...lanes.filter((x) => x.overlay === curve.id)]) rescale(l, from, to);
        if (to === DEFAULT) delete curve.scale;
        else curve.scale = { ...to };
      }
      return;
    case 'toggle-overlay':
      if (curve?.overlay) detach(m, curve);
      else if (curve && !lanes.some((l) => l.overlay === curve.id)) {
        const hosts = emotions.filter((h) => h !== curve && !h.overlay);
        if (!hosts.length) return;
        const host = hosts[e.b % hosts.length];
        rescale(curve, scaleOf(m, curve), scaleOf(m, host));
        delete curve.scale;
        curve.overlay = host.id;
      }
      return;
    case 'curve-persona':
      if (curve && persona && e.a % 3) curve.persona = persona.id;
      else if (curve) delete curve.persona;
      return;
    case 'curve-style':
      if (curve) {
        if (curve.style) delete curve.style;
        else curve.style = e.b % 2 ? 'dashed' : 'solid';
      }
      return;
    case 'set-theme': {
      // One part of the theme at a time, as the panel's Theme section edits it.
      const theme: Json = { ...(m.theme ?? {}) };
      const part = e.a % 6;
      if (part === 0) theme.preset = THEME_PRESETS[e.b % THEME_PRESETS.length];
      else if (part === 1) theme.accent = ACCENTS[e.b % ACCENTS.length];
      else if (part === 2)
        theme.colors = { ...(theme.colors ?? {}), [ROLES[e.b % ROLES.length]]: ACCENTS[(e.b >> 2) % ACCENTS.length] };
      else if (part === 3) theme.font = FAMILIES[e.b % FAMILIES.length];
      else if (part === 5) {
        // "Use Figma variables" on or off (src/figma/variables.ts): bindings are part of what is drawn.
        if (theme.variables) delete theme.variables;
        else theme.variables = true;
      } else for (const k of Object.keys(theme)) if (e.b % 2 === 0 || k === 'colors') delete theme[k];
      if (theme.font === undefined) delete theme.font;
      if (Object.keys(theme).length) m.theme = theme;
      else delete m.theme;
      return;
    }
    case 'set-objective':
      if (e.b % 3 === 0) delete m.objective;
      else m.objective = e.text;
      return;
    case 'toggle-moment':
      if (stage.moment) {
        delete stage.moment;
        delete stage.momentNote;
      } else {
        stage.moment = true;
        if (e.b % 2) stage.momentNote = e.text;
      }
      return;
    default:
      break;
  }
  if (!lane || !cellStage) return;
  if (e.kind === 'divider-style') {
    if (lane.kind !== 'divider') return;
    if (e.b % 2) lane.style = e.b % 4 === 1 ? 'dashed' : 'solid';
    else delete lane.style;
    return;
  }
  // A divider has no cells.
  if (lane.kind === 'divider') return;
  lane.cells ??= {};
  const cells = lane.cells as Json;
  if (lane.kind === 'metric') {
    const was = cells[cellStage];
    if (e.kind === 'set-metric' || e.kind === 'set-text')
      cells[cellStage] = { ...was, value: e.score * 10 + e.b, unit: UNITS[e.b % UNITS.length] };
    else if (e.kind === 'set-target' && was) {
      if (e.b % 3 === 0) delete was.target;
      else cells[cellStage] = { ...was, target: e.a % 100, better: e.b % 2 ? 'lower' : 'higher' };
    } else if (e.kind === 'clear-cell') delete cells[cellStage];
    return;
  }
  switch (e.kind) {
    case 'set-link': {
      // Evidence on a text cell or a card; a third of the time the link is taken off again.
      const url = e.b % 2 ? `https://example.org/research/${e.a % 97}` : `mailto:team${e.b % 7}@example.org`;
      const unlink = (c: unknown) => (typeof c === 'object' && c ? (c as { text: string }).text : c);
      const link = (c: unknown) => ({
        text: (typeof c === 'string' ? c : (c as { text: string }).text).trim() || e.name,
        url,
      });
      if (lane.kind === 'text')
        cells[cellStage] = e.b % 3 === 0 ? unlink(cells[cellStage] ?? e.text) : link(cells[cellStage] ?? e.text);
      else if (lane.kind === 'cards' && cells[cellStage]?.length) {
        const cards = [...cells[cellStage]];
        const i = e.a % cards.length;
        cards[i] = e.b % 3 === 0 ? unlink(cards[i]) : link(cards[i]);
        cells[cellStage] = cards;
      }
      return;
    }
    case 'set-text':
      if (lane.kind === 'text') cells[cellStage] = e.text;
      else if (lane.kind === 'cards') cells[cellStage] = [e.text];
      else cells[cellStage] = { ...(cells[cellStage] ?? {}), score: onScale(e.score, scaleOf(m, lane)) };
      return;
    case 'add-card':
      if (lane.kind === 'cards') cells[cellStage] = [...(cells[cellStage] ?? []), e.text].slice(0, 6);
      return;
    case 'remove-card':
      if (lane.kind === 'cards' && cells[cellStage]?.length) {
        const cards = [...cells[cellStage]];
        cards.splice(e.b % cards.length, 1);
        if (cards.length) cells[cellStage] = cards;
        else delete cells[cellStage];
      }
      return;
    case 'set-score':
      if (lane.kind === 'emotion')
        cells[cellStage] = { ...(cells[cellStage] ?? {}), score: onScale(e.score, scaleOf(m, lane)) };
      return;
    case 'set-note':
      if (lane.kind === 'emotion' && cells[cellStage]) {
        if (e.b % 3 === 0) delete cells[cellStage].note;
        else cells[cellStage] = { ...cells[cellStage], note: e.text };
      }
      return;
    case 'clear-cell':
      delete cells[cellStage];
      return;
    case 'long-text':
      if (lane.kind === 'text') cells[cellStage] = (e.text + ' ').repeat(30).slice(0, 1500);
      else if (lane.kind === 'cards') cells[cellStage] = [(e.text + ' ').repeat(10).slice(0, 280)];
      else if (cells[cellStage])
        cells[cellStage] = { ...cells[cellStage], note: (e.text + ' ').repeat(8).slice(0, 280) };
      return;
  }
}

/** The input of the next update: `map` with every edit applied (the original is not changed). */
export function applyEdits(map: JourneyMap, edits: Edit[]): Json {
  const m = JSON.parse(JSON.stringify(map)) as Json;
  for (const e of edits) applyEdit(m, e);
  return m;
}
