/**
 * What an export leaves out. JSON keeps everything; a table and a Mermaid `journey`
 * cannot hold every part of a format-2 map, and the panel says so beside the export
 * instead of dropping it silently.
 */
import type { JourneyMap } from '../../src/model';
import type { ExportFormat } from '../io';
import { kindsLostInTable } from './table';

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The parts of `map` that `format` cannot carry, in words; empty when nothing is lost. */
export function exportLosses(map: JourneyMap, format: ExportFormat): string[] {
  if (format === 'json') return [];
  const out: string[] = [];
  const personas = map.personas ?? [];
  const emotion = map.lanes.filter((l) => l.kind === 'emotion');
  const moments = map.stages.filter((s) => s.moment).length;
  if (personas.length) out.push(plural(personas.length, 'persona'));
  if (map.objective) out.push('the objective');
  if (moments) out.push(plural(moments, 'moment of truth', 'moments of truth'));
  if (format === 'table') {
    const shared = emotion.filter((l) => l.kind === 'emotion' && l.overlay).length;
    if (shared) out.push(`${plural(shared, 'curve')} drawn on another lane's chart (each gets its own row)`);
    if (emotion.some((l) => l.kind === 'emotion' && l.style === 'dashed')) out.push('dashed curves');
    if (emotion.some((l) => l.kind === 'emotion' && l.persona)) out.push("curves' personas");
    const targets = map.lanes.reduce(
      (n, l) => n + (l.kind === 'metric' ? Object.values(l.cells).filter((c) => c.target !== undefined).length : 0),
      0,
    );
    if (targets) out.push(`${plural(targets, 'metric target')} (the table keeps values and units)`);
    const dashed = map.lanes.filter((l) => l.kind === 'divider' && l.style === 'dashed').length;
    if (dashed) out.push(plural(dashed, 'dashed divider line'));
    out.push(...kindsLostInTable(map));
  } else {
    const others = map.lanes.filter(
      (l) => l.kind !== 'emotion' && !(l.kind === 'cards' && l.title.trim().toLowerCase() === 'actors'),
    );
    if (emotion.length > 1) out.push(`${plural(emotion.length - 1, 'more curve')} (Mermaid draws one)`);
    if (others.length) out.push(`${plural(others.length, 'lane')} other than curves and "Actors"`);
    if (emotion.some((l) => l.kind === 'emotion' && Object.values(l.cells).some((c) => c.note))) out.push('notes');
    const links = map.lanes.reduce(
      (n, l) =>
        n +
        (l.kind === 'text'
          ? Object.values(l.cells).filter((c) => typeof c !== 'string').length
          : l.kind === 'cards'
            ? Object.values(l.cells)
                .flat()
                .filter((c) => typeof c !== 'string').length
            : 0),
      0,
    );
    if (links) out.push(plural(links, 'evidence link'));
  }
  return out;
}
