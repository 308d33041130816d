import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { JourneyMap } from '../../src/model';
import { buildMapSpec } from '../../src/layout/map-spec';
import { PREFERRED_FONTS, SPACE } from '../../src/layout/theme';
import { phaseRuns } from '../../src/layout/phases';
import type { NodeSpec } from '../../src/layout/spec';
import { arbMapInput } from '../support/arbitraries';
import { expectedTexts } from '../support/map-texts';
import { loadExamples, norm } from '../support/maps';

const fonts = PREFERRED_FONTS;

function walk(spec: NodeSpec, visit: (n: NodeSpec, parent?: NodeSpec) => void, parent?: NodeSpec): void {
  visit(spec, parent);
  for (const c of spec.children ?? []) walk(c, visit, spec);
}

function texts(spec: NodeSpec): string[] {
  const out: string[] = [];
  walk(spec, (n) => n.type === 'TEXT' && out.push(n.props.characters ?? ''));
  return out;
}

function checkMap(map: JourneyMap) {
  const spec = buildMapSpec(map, { fonts });
  const shown = texts(spec).join('\n');
  for (const t of expectedTexts(map)) expect(shown).toContain(t);
  walk(spec, (n, parent) => {
    // keys unique among siblings: the reconciler matches children by key
    const keys = (n.children ?? []).map((c) => c.key);
    expect(new Set(keys).size).toBe(keys.length);
    // FILL only inside auto-layout parents (Figma throws otherwise)
    if (n.props.layoutSizingHorizontal === 'FILL' || n.props.layoutSizingVertical === 'FILL') {
      expect(parent?.props.layoutMode === 'HORIZONTAL' || parent?.props.layoutMode === 'VERTICAL').toBe(true);
    }
    // children of a non-auto-layout frame are placed by x/y and never sized by FILL/HUG
    if (parent?.props.layoutMode === 'NONE') {
      expect(n.props.layoutSizingHorizontal).not.toBe('FILL');
      expect(n.props.layoutSizingVertical).not.toBe('FILL');
      expect(typeof n.props.x).toBe('number');
    }
    // HUG only on auto-layout frames and texts (Figma throws otherwise)
    if (n.props.layoutSizingHorizontal === 'HUG' || n.props.layoutSizingVertical === 'HUG') {
      expect(n.type === 'TEXT' || (n.type === 'FRAME' && n.props.layoutMode !== 'NONE')).toBe(true);
    }
  });
  return spec;
}

describe('map spec', () => {
  const examples = loadExamples();

  it('has examples to check', () => expect(examples.length).toBeGreaterThanOrEqual(4));

  for (const { file, input } of examples) {
    it(`shows every text of ${file} and follows Figma's sizing rules`, () => {
      checkMap(norm(input));
    });
  }

  it('holds for random maps', () => {
    fc.assert(
      fc.property(arbMapInput({ maxStages: 12, maxLanes: 6 }), (input) => void checkMap(norm(input))),
      { numRuns: 60 },
    );
  });

  it('puts each emotion marker at its column centre, higher scores higher', () => {
    const map = norm({
      title: 'T',
      stages: [{ name: 'A' }, { name: 'B' }, { name: 'C' }, { name: 'D' }],
      lanes: [{ title: 'Feel', kind: 'emotion', cells: { a: { score: -2 }, b: { score: 2 }, d: { score: 0.5 } } }],
    });
    const spec = buildMapSpec(map, { fonts, columnWidth: 200 });
    const markers: NodeSpec[] = [];
    walk(spec, (n) => n.tag.role === 'emotion-marker' && markers.push(n));
    expect(markers.map((m) => m.tag.stage)).toEqual(['a', 'b', 'd']); // c has no score: a gap, not a zero
    const centre = (m: NodeSpec) => ({ x: m.props.x! + m.size!.width / 2, y: m.props.y! + m.size!.height / 2 });
    const w = 200;
    const gap = SPACE.columnGap;
    expect(centre(markers[0]).x).toBeCloseTo(w / 2);
    expect(centre(markers[1]).x).toBeCloseTo(w + gap + w / 2);
    expect(centre(markers[2]).x).toBeCloseTo(3 * (w + gap) + w / 2);
    expect(centre(markers[1]).y).toBeLessThan(centre(markers[2]).y);
    expect(centre(markers[2]).y).toBeLessThan(centre(markers[0]).y);
    // the curve is broken at the gap: a..b is one run, d alone has no curve
    const curves: NodeSpec[] = [];
    walk(spec, (n) => n.tag.role === 'emotion-curve' && curves.push(n));
    expect(curves.map((c) => c.tag.stage)).toEqual(['a']);
  });

  it('uses the column width it is given, within bounds', () => {
    const map = norm({ title: 'T', stages: [{ name: 'A' }] });
    const header = (spec: NodeSpec) => {
      let found: NodeSpec | undefined;
      walk(spec, (n) => n.tag.role === 'stage-header' && (found = n));
      return found!;
    };
    expect(header(buildMapSpec(map, { fonts, columnWidth: 300 })).size!.width).toBe(300);
    expect(header(buildMapSpec(map, { fonts, columnWidth: 5 })).size!.width).toBe(SPACE.minColumnWidth);
    expect(header(buildMapSpec(map, { fonts })).size!.width).toBe(SPACE.defaultColumnWidth);
  });
});

describe('phase runs', () => {
  it('groups consecutive stages and splits a phase that comes back', () => {
    const runs = phaseRuns([
      { id: 'a', phase: 'P' },
      { id: 'b', phase: 'P' },
      { id: 'c', phase: undefined },
      { id: 'd', phase: 'P' },
    ]);
    expect(runs).toEqual([
      { phase: 'P', start: 0, count: 2, firstStageId: 'a' },
      { phase: undefined, start: 2, count: 1, firstStageId: 'c' },
      { phase: 'P', start: 3, count: 1, firstStageId: 'd' },
    ]);
  });
});

describe('lane bands', () => {
  it('alternate between the lanes a divider separates (a divider is a line, not a band)', () => {
    const map = norm({
      version: 2,
      title: 'Blueprint',
      stages: [{ name: 'Arrive' }],
      lanes: [
        { title: 'Guest', kind: 'text' },
        { title: 'Line of interaction', kind: 'divider' },
        { title: 'Front desk', kind: 'text' },
        { title: 'Line of visibility', kind: 'divider', style: 'dashed' },
        { title: 'Back office', kind: 'text' },
      ],
    });
    const fills: string[] = [];
    walk(buildMapSpec(map, { fonts }), (n) => {
      if (n.tag.role === 'lane' && map.lanes.find((l) => l.id === n.tag.lane)?.kind === 'text')
        fills.push(JSON.stringify(n.props.fills));
    });
    expect(fills).toHaveLength(3);
    expect(fills[0]).not.toBe(fills[1]);
    expect(fills[2]).toBe(fills[0]);
  });
});
