/**
 * What the plugin stores to read its own maps back later: the map's JSON cut
 * into chunks that never split a character, and the geometry each emotion
 * area was drawn with, so that a later change of the theme's constants never
 * changes the scores read back from maps already on canvases.
 */
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chunkText, readMapData } from '../../src/figma/storage';
import { createMap } from '../../src/figma/map-ops';
import { readMap } from '../../src/figma/read-map';
import { EMOTION_AREA } from '../../src/layout/map-spec';
import { yToScore } from '../../src/layout/emotion';
import { NAMESPACE } from '../../src/figma/node-data';
import { installFakeFigma, uninstallFakeFigma } from '../support/figma-fake';
import { loadExamples, norm } from '../support/maps';
import { tagged } from '../support/update-cases';

afterEach(() => uninstallFakeFigma());

describe('chunkText', () => {
  it('joins back to the text, keeps every chunk within the size, and never splits a surrogate pair', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.integer({ min: 2, max: 40 }), (text, size) => {
        const chunks = chunkText(text, size);
        expect(chunks.join('')).toBe(text);
        for (const c of chunks) {
          expect(c.length).toBeLessThanOrEqual(size);
          expect(c.length).toBeGreaterThan(0);
          const last = c.charCodeAt(c.length - 1);
          const next = text.charCodeAt(text.indexOf(c) + c.length);
          // A chunk ends on a high surrogate only if the text itself has a lone one there.
          if (last >= 0xd800 && last <= 0xdbff) expect(next >= 0xdc00 && next <= 0xdfff).toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('moves an emoji that would straddle a chunk boundary into the next chunk', () => {
    expect(chunkText('ab😀cd', 3)).toEqual(['ab', '😀c', 'd']);
  });

  it('stores and reads back a map whose lane JSON has an emoji across the 30,000th character', async () => {
    installFakeFigma();
    const input = structuredClone(loadExamples().find((e) => e.file === 'ecommerce.json')!.input) as {
      stages: Array<{ id: string; name: string }>;
      lanes: any[];
    };
    for (let i = input.stages.length; i < 16; i++) input.stages.push({ id: `extra-${i}`, name: `Extra ${i}` });
    // One lane of emoji-only cells (each lane is stored as its own part), its title padded so that a
    // cut at 30,000 would fall inside a pair.
    const lane = input.lanes.find((l) => l.kind === 'text');
    for (const st of input.stages) lane.cells[st.id] = '😀'.repeat(990);
    const base = lane.title;
    let map = norm(input);
    for (const pad of ['', 'x', 'xx', 'xxx', 'xxxx']) {
      lane.title = base + pad;
      map = norm(input);
      const code = JSON.stringify(map.lanes.find((l) => l.id === lane.id)).charCodeAt(29_999);
      if (code >= 0xd800 && code <= 0xdbff) break;
    }
    const json = JSON.stringify(map.lanes.find((l) => l.id === lane.id));
    expect(json.charCodeAt(29_999)).toBeGreaterThanOrEqual(0xd800);
    expect(json.charCodeAt(29_999)).toBeLessThanOrEqual(0xdbff);
    const { frame } = await createMap(map);
    const n = Number(frame.getSharedPluginData(NAMESPACE, 'map.n'));
    const chunks = Array.from({ length: n }, (_, i) => frame.getSharedPluginData(NAMESPACE, `map.${i}`));
    expect(chunks.some((c) => c.length === 29_999)).toBe(true);
    expect(chunks.every((c) => c.length <= 30_000)).toBe(true);
    expect(readMapData(frame)?.data).toEqual(map);
  });
});

describe('emotion scores read back with the geometry the map was drawn with', () => {
  it('uses the stored area geometry, not the current constants', async () => {
    installFakeFigma();
    const { frame } = await createMap(norm(loadExamples().find((e) => e.file === 'ecommerce.json')!.input));
    const area = tagged(frame, 'emotion-area')[0];
    // As if this map had been drawn by a version with a taller emotion area.
    const drawnWith = {
      height: EMOTION_AREA.height * 2,
      padTop: EMOTION_AREA.padTop,
      padBottom: EMOTION_AREA.padBottom,
    };
    expect(area.getSharedPluginData(NAMESPACE, 'g')).toBe(
      `${EMOTION_AREA.height},${EMOTION_AREA.padTop},${EMOTION_AREA.padBottom}`,
    );
    area.setSharedPluginData(NAMESPACE, 'g', `${drawnWith.height},${drawnWith.padTop},${drawnWith.padBottom}`);
    const marker = tagged(frame, 'emotion-marker', { stage: 'search' })[0];
    marker.y += 20; // dragged down
    const y = marker.y + marker.height / 2;
    const read = readMap(frame);
    if (!read.ok) throw new Error(read.message);
    const score = (read.map.lanes.find((l) => l.id === 'emotions')!.cells as Record<string, { score: number }>).search
      .score;
    expect(score).toBe(yToScore(y, drawnWith));
    expect(score).not.toBe(yToScore(y, EMOTION_AREA));
  });
});
