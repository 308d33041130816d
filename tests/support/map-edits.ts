/**
 * Random data edits to a journey map, as a designer makes them in the panel:
 * stages and lanes added, removed and moved; phases renamed and re-spanned;
 * cells, cards, scores, notes and the persona edited; long texts. Applied to a
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
  'long-text',
] as const;
export type EditKind = (typeof EDIT_KINDS)[number];

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
      const kind = (['text', 'cards', 'emotion'] as const)[e.b % 3];
      const cells: Json = {};
      if (cellStage)
        cells[cellStage] = kind === 'text' ? e.text : kind === 'cards' ? [e.text] : { score: e.score, note: e.name };
      lanes.splice(e.a % (lanes.length + 1), 0, { id: `lane-new-${++fresh}`, title: e.name, kind, cells });
      return;
    }
    case 'remove-lane':
      if (lanes.length) lanes.splice(li, 1);
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
  if (e.kind.startsWith('persona')) {
    if (e.kind === 'persona-toggle') {
      if (m.persona) delete m.persona;
      else m.persona = { name: e.name, goals: [e.text] };
    } else if (m.persona && e.kind === 'persona-name') m.persona.name = e.name;
    else if (m.persona) {
      const goals = [...(m.persona.goals ?? [])];
      if (e.b % 2 && goals.length) goals.splice(e.b % goals.length, 1);
      else goals.push(e.text);
      if (goals.length) m.persona.goals = goals;
      else delete m.persona.goals;
    }
    return;
  }
  if (!lane || !cellStage) return;
  lane.cells ??= {};
  const cells = lane.cells as Json;
  switch (e.kind) {
    case 'set-text':
      if (lane.kind === 'text') cells[cellStage] = e.text;
      else if (lane.kind === 'cards') cells[cellStage] = [e.text];
      else cells[cellStage] = { ...(cells[cellStage] ?? {}), score: e.score };
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
      if (lane.kind === 'emotion') cells[cellStage] = { ...(cells[cellStage] ?? {}), score: e.score };
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
