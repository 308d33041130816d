import { formatMetric, type JourneyMap } from '../../src/model';

/** Every piece of user text of a map that must be visible on the canvas. */
export function expectedTexts(map: JourneyMap): string[] {
  const out = [map.title, ...map.stages.map((s) => s.name), ...map.lanes.map((l) => l.title)];
  for (const s of map.stages) if (s.description) out.push(s.description);
  for (const s of map.stages) if (s.phase) out.push(s.phase);
  for (const lane of map.lanes) {
    for (const cell of Object.values(lane.cells ?? {})) {
      const words = (c: unknown) => (typeof c === 'string' ? c : (c as { text: string }).text);
      if (typeof cell === 'string') out.push(cell);
      else if (Array.isArray(cell)) out.push(...cell.map(words));
      else if ('text' in cell) out.push(cell.text);
      else if ('value' in cell) out.push(formatMetric(cell));
      else if (cell.note) out.push(cell.note);
    }
  }
  if (map.objective) out.push(map.objective);
  for (const p of map.personas ?? [])
    out.push(
      p.name,
      ...(p.goals ?? []),
      ...(p.frustrations ?? []),
      ...[p.role, p.quote, p.description].filter((x): x is string => !!x),
    );
  return out;
}
