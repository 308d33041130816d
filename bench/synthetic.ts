/**
 * Synthetic maps of a given size for benchmarks and scale tests: lanes cycle
 * through text, cards and emotion so every kind of node is represented.
 */
import { normaliseMap, type JourneyMap } from '../src/model';

export function syntheticMap(stageCount: number, laneCount: number): JourneyMap {
  const stages = Array.from({ length: stageCount }, (_, i) => ({
    id: `s${i}`,
    name: `Stage ${i + 1}`,
    phase: `Phase ${Math.floor(i / 4) + 1}`,
    description: `What happens in stage ${i + 1}`,
  }));
  const kinds = ['text', 'cards', 'emotion'] as const;
  const lanes = Array.from({ length: laneCount }, (_, l) => {
    const kind = kinds[l % 3];
    const cells: Record<string, unknown> = {};
    stages.forEach((s, i) => {
      if (kind === 'text') cells[s.id] = `Lane ${l + 1}, stage ${i + 1}: the customer does something worth noting.`;
      else if (kind === 'cards') cells[s.id] = [`Card ${l}.${i}.a`, `Card ${l}.${i}.b`];
      else cells[s.id] = { score: ((i * 7 + l) % 9) / 2 - 2, note: `Note ${i + 1}` };
    });
    return { id: `l${l}`, title: `Lane ${l + 1}`, kind, ...(kind === 'cards' ? { tone: 'neutral' } : {}), cells };
  });
  const r = normaliseMap({
    title: `Synthetic ${stageCount}×${laneCount}`,
    persona: { name: 'Sam Bench', role: 'Tester', goals: ['Speed'] },
    stages,
    lanes,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}
