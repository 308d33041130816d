/**
 * Moments of truth in the spec tree (src/layout/parts/moments.ts): the header's accent and label,
 * the note where it fits, the legend, the band and rings on every curve; and a map without moments
 * builds exactly the tree it built before moments existed.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { JourneyMap } from '../../src/model';
import { buildMapSpec } from '../../src/layout/map-spec';
import { noteInHeader } from '../../src/layout/parts/moments';
import { contrastRatio, hexToRgb } from '../../src/layout/color';
import { COLORS, MOMENT, PREFERRED_FONTS, SPACE, solid } from '../../src/layout/theme';
import type { NodeSpec } from '../../src/layout/spec';
import { arbMapInput } from '../support/arbitraries';
import { clone, norm } from '../support/maps';

const fonts = PREFERRED_FONTS;

function all(spec: NodeSpec): NodeSpec[] {
  return [spec, ...(spec.children ?? []).flatMap(all)];
}
const byRole = (spec: NodeSpec, role: string) => all(spec).filter((n) => n.tag.role === role);
const header = (spec: NodeSpec, stage: string) => byRole(spec, 'stage-header').find((n) => n.tag.stage === stage)!;

const base = {
  title: 'Moments',
  objective: 'Why this map exists.',
  stages: [
    { name: 'Search' },
    { name: 'Choose', moment: true, momentNote: 'Unsure of fit.' },
    { name: 'Pay' },
    { name: 'Unbox', moment: true, momentNote: 'x'.repeat(280) },
    { name: 'Run', moment: true },
  ],
  lanes: [
    { title: 'Today', kind: 'emotion', cells: { search: { score: 1 }, choose: { score: -1 }, unbox: { score: 0 } } },
    { title: 'To be', kind: 'emotion', overlay: 'today', cells: { choose: { score: 1 }, run: { score: 2 } } },
    { title: 'Doing', kind: 'text', cells: { search: 'Looks' } },
  ],
};

/** The map with every moment taken away. */
function withoutMoments(map: JourneyMap): JourneyMap {
  const m = clone(map);
  for (const s of m.stages) {
    delete s.moment;
    delete s.momentNote;
  }
  return m;
}

describe('moments of truth in the spec', () => {
  const map = norm(base);
  const spec = buildMapSpec(map, { fonts });

  it('mark the header of a moment: accent border, tint, label above the name, the note below where it fits', () => {
    const h = header(spec, 'choose');
    expect(h.props.strokes).toEqual(solid(MOMENT.headerBorder));
    expect(h.props.strokeWeight).toBe(MOMENT.headerBorderWeight);
    expect(h.props.paddingTop).toBe(MOMENT.headerPadding);
    expect(h.props.fills?.[0].opacity).toBe(MOMENT.headerFillOpacity);
    expect(h.children!.map((c) => c.tag.role)).toEqual(['moment-label', 'stage-name', 'moment-note']);
    expect(h.children![0].props.characters).toBe('Moment of truth');
    expect(h.children![2].props.characters).toBe('Unsure of fit.');
    // A note too long for the header is in the legend only; a moment without a note has none.
    expect(header(spec, 'unbox').children!.map((c) => c.tag.role)).toEqual(['moment-label', 'stage-name']);
    expect(header(spec, 'run').children!.map((c) => c.tag.role)).toEqual(['moment-label', 'stage-name']);
    expect(header(spec, 'unbox').size?.width).toBe(SPACE.defaultColumnWidth);
  });

  it('leave the headers of other stages exactly as a map without moments draws them', () => {
    const plain = buildMapSpec(withoutMoments(map), { fonts });
    for (const id of ['search', 'pay']) expect(header(spec, id)).toEqual(header(plain, id));
  });

  it('list every moment in a legend under the title, in stage order, with its whole note', () => {
    const legend = byRole(spec, 'moment-legend');
    expect(legend).toHaveLength(1);
    const titleBlock = byRole(spec, 'title-block')[0];
    expect(titleBlock.children!.map((c) => c.tag.role)).toEqual(['title', 'subtitle', 'objective', 'moment-legend']);
    const items = byRole(spec, 'moment-legend-item');
    expect(items.map((i) => i.tag.stage)).toEqual(['choose', 'unbox', 'run']);
    expect(items.map((i) => byRole(i, 'moment-legend-name')[0].props.characters)).toEqual(['Choose', 'Unbox', 'Run']);
    expect(items.map((i) => byRole(i, 'moment-legend-note')[0]?.props.characters)).toEqual([
      'Unsure of fit.',
      'x'.repeat(280),
      undefined,
    ]);
    expect(byRole(spec, 'moment-legend-title')[0].props.characters).toBe('Moments of truth');
  });

  it('put a band behind each moment column and a ring on every curve of the chart at that stage', () => {
    const area = byRole(spec, 'emotion-area')[0];
    const bands = area.children!.filter((c) => c.tag.role === 'moment-band');
    expect(bands.map((b) => b.tag.stage)).toEqual(['choose', 'unbox', 'run']);
    // Behind everything else on the chart, from top to bottom of it.
    expect(area.children!.slice(0, 3)).toEqual(bands);
    for (const b of bands) expect([b.props.y, b.size!.height]).toEqual([0, area.size!.height]);
    const rings = area.children!.filter((c) => c.tag.role === 'moment-ring');
    expect(rings.map((r) => `${r.tag.lane}@${r.tag.stage}`).sort()).toEqual(
      ['today@choose', 'today@unbox', 'to-be@choose', 'to-be@run'].sort(),
    );
    // Each ring is centred on its curve's marker, and drawn under the markers.
    const markers = area.children!.filter((c) => c.tag.role === 'emotion-marker');
    const centre = (n: NodeSpec) => [n.props.x! + n.size!.width / 2, n.props.y! + n.size!.height / 2];
    for (const r of rings) {
      const m = markers.find((k) => k.tag.lane === r.tag.lane && k.tag.stage === r.tag.stage)!;
      expect(centre(r)).toEqual(centre(m));
      expect(area.children!.indexOf(r)).toBeLessThan(area.children!.indexOf(m));
    }
  });

  it('ring colour stands out from the lanes (3:1, graphical objects)', () => {
    for (const bg of [COLORS.cellBackground, COLORS.mapBackground])
      expect(contrastRatio(hexToRgb(MOMENT.ring), hexToRgb(bg))).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(hexToRgb(MOMENT.headerBorder), hexToRgb(COLORS.stageBackground))).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(hexToRgb(MOMENT.headerLabel), hexToRgb(COLORS.stageBackground))).toBeGreaterThanOrEqual(4.5);
  });

  it('a note fits in the header by its length and the column width', () => {
    expect(noteInHeader(undefined, 240)).toBe(false);
    expect(noteInHeader('Short.', 120)).toBe(true);
    expect(noteInHeader('x'.repeat(90), 240)).toBe(true);
    expect(noteInHeader('x'.repeat(100), 120)).toBe(false);
    expect(noteInHeader('x'.repeat(250), 640)).toBe(true);
  });

  it('a random map without moments has no moment node, and toggling moments on changes only moment parts', () => {
    fc.assert(
      fc.property(arbMapInput({ maxStages: 8, maxLanes: 4 }), (input) => {
        const plain = withoutMoments(norm(input));
        const plainSpec = buildMapSpec(plain, { fonts });
        expect(all(plainSpec).filter((n) => n.tag.role.startsWith('moment'))).toEqual([]);
        // The same map with its first stage a moment: every other stage header is unchanged.
        const marked = clone(plain);
        marked.stages[0].moment = true;
        const markedSpec = buildMapSpec(marked, { fonts });
        for (const s of plain.stages.slice(1)) expect(header(markedSpec, s.id)).toEqual(header(plainSpec, s.id));
        expect(byRole(markedSpec, 'moment-legend-item').map((i) => i.tag.stage)).toEqual([plain.stages[0].id]);
      }),
      { numRuns: 40 },
    );
  });
});
