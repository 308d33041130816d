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

  it('stores and reads back a map whose JSON has an emoji across the 30,000th character', async () => {
    installFakeFigma();
    const input = loadExamples().find((e) => e.file === 'ecommerce.json')!.input as {
      title: string;
      lanes: any[];
    };
    // Emoji-only text cells, padded by one character if needed, so that a cut at 30,000 would fall inside a pair.
    let map = norm(input);
    for (const pad of ['', 'x', 'xx', 'xxx', 'xxxx']) {
      const m = structuredClone(input);
      m.title += pad;
      const stages = (m as unknown as { stages: Array<{ id: string }> }).stages;
      for (const lane of m.lanes.filter((l) => l.kind === 'text'))
        for (const st of stages) lane.cells[st.id] = '😀'.repeat(990);
      map = norm(m);
      const code = JSON.stringify(map).charCodeAt(29_999);
      if (code >= 0xd800 && code <= 0xdbff) break;
    }
    const json = JSON.stringify(map);
    expect(json.charCodeAt(29_999)).toBeGreaterThanOrEqual(0xd800);
    expect(json.charCodeAt(29_999)).toBeLessThanOrEqual(0xdbff);
    const { frame } = await createMap(map);
    expect(Number(frame.getSharedPluginData(NAMESPACE, 'map.n'))).toBeGreaterThan(1);
    const first = frame.getSharedPluginData(NAMESPACE, 'map.0');
    expect(first.length).toBe(29_999);
    expect(readMapData(frame)?.data).toEqual(map);
  });
});

describe('emotion scores read back with the geometry the map was drawn with', () => {
  it('uses the stored area geometry, not the current constants', async () => {
    installFakeFigma();
    const { frame } = await createMap(norm(loadExamples().find((e) => e.file === 'ecommerce.json')!.input));
    const area = tagged(frame, 'emotion-area')[0];
    // As if this map had been drawn by a version with a taller emotion area.
    const record = JSON.parse(area.getSharedPluginData(NAMESPACE, 'spec'));
    const drawnWith = {
      height: EMOTION_AREA.height * 2,
      padTop: EMOTION_AREA.padTop,
      padBottom: EMOTION_AREA.padBottom,
    };
    record.meta = { emotionArea: drawnWith };
    area.setSharedPluginData(NAMESPACE, 'spec', JSON.stringify(record));
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
