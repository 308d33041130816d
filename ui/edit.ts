/**
 * Pure edits of a draft. Each returns a new draft and reuses every untouched
 * object, so components that watch one stage, lane or cell see `===` values
 * for everything a keystroke did not change and skip re-rendering.
 */
import {
  LIMITS,
  slugify,
  uniqueId,
  type Lane,
  type LaneKind,
  type Stage,
  type Tone,
  type EmotionCell,
} from '../src/model';
import type { DraftMap, PersonaDraft } from './draft';

export type CellValue = string | string[] | EmotionCell | undefined;

const takenIds = (items: { id: string }[]) => new Set(items.map((i) => i.id));

export function setTitle(m: DraftMap, title: string): DraftMap {
  return { ...m, title };
}

export function setPersona<K extends keyof PersonaDraft>(m: DraftMap, key: K, value: PersonaDraft[K]): DraftMap {
  return { ...m, persona: { ...m.persona, [key]: value } };
}

export function addStage(m: DraftMap, name = `Stage ${m.stages.length + 1}`): DraftMap {
  if (m.stages.length >= LIMITS.stages) return m;
  const id = uniqueId(slugify(name, 'stage'), takenIds(m.stages));
  return { ...m, stages: [...m.stages, { id, name }] };
}

export function updateStage(m: DraftMap, id: string, patch: Partial<Omit<Stage, 'id'>>): DraftMap {
  return { ...m, stages: m.stages.map((s) => (s.id === id ? dropEmpty({ ...s, ...patch }) : s)) };
}

/** Optional text fields set to '' are removed so the draft matches what a file would hold. */
function dropEmpty<T extends object>(o: T): T {
  const out = { ...o } as Record<string, unknown>;
  for (const k of ['phase', 'description'] as const) if (out[k] === '') delete out[k];
  return out as T;
}

export function removeStage(m: DraftMap, id: string): DraftMap {
  if (m.stages.length <= 1) return m;
  return {
    ...m,
    stages: m.stages.filter((s) => s.id !== id),
    lanes: m.lanes.map((l) => {
      const cells = (l.cells ?? {}) as Record<string, unknown>;
      if (!(id in cells)) return l;
      const rest = { ...cells };
      delete rest[id];
      return { ...l, cells: rest } as Lane;
    }),
  };
}

function move<T extends { id: string }>(items: T[], id: string, by: number): T[] {
  const from = items.findIndex((i) => i.id === id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= items.length) return items;
  const out = items.slice();
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item);
  return out;
}

export function moveStage(m: DraftMap, id: string, by: number): DraftMap {
  const stages = move(m.stages, id, by);
  return stages === m.stages ? m : { ...m, stages };
}

export function addLane(m: DraftMap, kind: LaneKind = 'text', title = `Lane ${m.lanes.length + 1}`): DraftMap {
  if (m.lanes.length >= LIMITS.lanes) return m;
  const id = uniqueId(slugify(title, 'lane'), takenIds(m.lanes));
  return { ...m, lanes: [...m.lanes, { id, title, kind, cells: {} } as Lane] };
}

function mapLane(m: DraftMap, id: string, fn: (l: Lane) => Lane): DraftMap {
  return { ...m, lanes: m.lanes.map((l) => (l.id === id ? fn(l) : l)) };
}

export function renameLane(m: DraftMap, id: string, title: string): DraftMap {
  return mapLane(m, id, (l) => ({ ...l, title }));
}

export function setLaneTone(m: DraftMap, id: string, tone: Tone | undefined): DraftMap {
  return mapLane(m, id, (l) => {
    if (l.kind !== 'cards') return l;
    const next = { ...l };
    if (tone) next.tone = tone;
    else delete next.tone;
    return next;
  });
}

/** Changing kind keeps what can be kept: text lines become cards and back; scores have no text form. */
export function setLaneKind(m: DraftMap, id: string, kind: LaneKind): DraftMap {
  return mapLane(m, id, (l) => {
    if (l.kind === kind) return l;
    const cells: Record<string, unknown> = {};
    for (const [sid, v] of Object.entries((l.cells ?? {}) as Record<string, unknown>)) {
      if (kind === 'cards' && typeof v === 'string') cells[sid] = v.split('\n').filter((s) => s.trim() !== '');
      else if (kind === 'text' && Array.isArray(v)) cells[sid] = v.join('\n');
      else if (kind !== 'emotion' && typeof v === 'object' && v && 'note' in v && (v as EmotionCell).note) {
        cells[sid] = kind === 'text' ? (v as EmotionCell).note : [(v as EmotionCell).note];
      }
    }
    return { id: l.id, title: l.title, kind, cells } as Lane;
  });
}

export function removeLane(m: DraftMap, id: string): DraftMap {
  return { ...m, lanes: m.lanes.filter((l) => l.id !== id) };
}

export function moveLane(m: DraftMap, id: string, by: number): DraftMap {
  const lanes = move(m.lanes, id, by);
  return lanes === m.lanes ? m : { ...m, lanes };
}

export function setCell(m: DraftMap, laneId: string, stageId: string, value: CellValue): DraftMap {
  return mapLane(m, laneId, (l) => {
    const cells = { ...((l.cells ?? {}) as Record<string, unknown>) };
    if (value === undefined) delete cells[stageId];
    else cells[stageId] = value;
    return { ...l, cells } as Lane;
  });
}

export function getCell(m: DraftMap, laneId: string, stageId: string): CellValue {
  const lane = m.lanes.find((l) => l.id === laneId);
  return lane ? ((lane.cells ?? {}) as Record<string, CellValue>)[stageId] : undefined;
}
