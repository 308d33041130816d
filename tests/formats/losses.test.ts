/**
 * An export says what it leaves out (issue #13): a table and a Mermaid `journey` cannot hold
 * personas, shared charts, dashed curves, moments or the objective; JSON holds everything.
 * And Mermaid's 1–5 scores come from each curve's own scale.
 */
import { describe, expect, it } from 'vitest';
import { exportLosses } from '../../ui/formats/losses';
import { toMermaidJourney } from '../../ui/formats/mermaid';
import { loadExamples, norm } from '../support/maps';

const example = (file: string) => norm(loadExamples().find((e) => e.file === file)!.input);

describe('what an export leaves out', () => {
  it('JSON leaves out nothing; a table names the personas, shared chart, dashed curve, moments and objective', () => {
    const map = example('redesign-as-is-to-be.json');
    expect(exportLosses(map, 'json')).toEqual([]);
    expect(exportLosses(map, 'table')).toEqual([
      '1 persona',
      'the objective',
      '1 moment of truth',
      "1 curve drawn on another lane's chart (each gets its own row)",
      'dashed curves',
      "curves' personas",
    ]);
  });

  it('Mermaid also names the lanes and curves it cannot draw, and the notes', () => {
    const losses = exportLosses(example('redesign-as-is-to-be.json'), 'mermaid');
    expect(losses).toContain('1 more curve (Mermaid draws one)');
    expect(losses).toContain('3 lanes other than curves and "Actors"');
    expect(losses).toContain('notes');
  });

  it('metrics, dividers and links: a table keeps values, units, lines and links but names targets and dashed lines; Mermaid names the lanes and links', () => {
    const metrics = example('checkout-metrics.json');
    expect(exportLosses(metrics, 'table')).toContain('13 metric targets (the table keeps values and units)');
    expect(exportLosses(example('service-blueprint-hotel.json'), 'table')).toContain('1 dashed divider line');
    const renamed = example('service-blueprint-hotel.json');
    renamed.lanes[2].title = 'Customer | staff';
    expect(exportLosses(renamed, 'table')).toContain('1 divider line not titled "Line of …" (read back as text)');
    const mermaid = exportLosses(metrics, 'mermaid');
    expect(mermaid).toContain('5 lanes other than curves and "Actors"');
    expect(mermaid).toContain('2 evidence links');
  });

  it('a format-1 map without any of these loses nothing in a table', () => {
    const map = example('ecommerce.json');
    const { personas: _p, ...bare } = map;
    expect(exportLosses(bare, 'table')).toEqual([]);
  });

  it('Mermaid scores map each curve’s own scale onto 1–5', () => {
    const map = example('redesign-as-is-to-be.json'); // "Today" on 1–5
    const lines = toMermaidJourney(map).split('\n');
    // Renewal notice 2.5 → 3 (rounded), Adjust policy 1.25 → 1, on 1–5 as they are.
    expect(lines.find((l) => l.includes('Renewal notice'))).toMatch(/: 3$/);
    expect(lines.find((l) => l.includes('Adjust policy'))).toMatch(/: 1$/);
  });
});
