/**
 * Limits are enforced before any work is done, with a message that says what
 * to change; the README's "Limits" section lists the same numbers.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { LIMITS } from '../../src/model';
import { uninstallFakeFigma } from '../support/figma-fake';
import { startPlugin } from '../support/plugin';

afterEach(() => uninstallFakeFigma());

function bigCardsMap(stages: number, lanes: number, cards: number) {
  const ss = Array.from({ length: stages }, (_, i) => ({ id: `s${i}`, name: `Stage ${i}` }));
  return {
    title: 'Too big',
    stages: ss,
    lanes: Array.from({ length: lanes }, (_, l) => ({
      id: `l${l}`,
      title: `Lane ${l}`,
      kind: 'cards',
      cells: Object.fromEntries(ss.map((s) => [s.id, Array.from({ length: cards }, (_, c) => `Card ${c}`)])),
    })),
  };
}

describe('limits', () => {
  it('refuses a map that would need more layers than the limit, before writing anything', async () => {
    const p = await startPlugin();
    const before = p.figma.currentPage.children.length;
    p.fake.resetStats();
    const error = p.expectReply(
      await p.send({ type: 'create', map: bigCardsMap(LIMITS.stages, LIMITS.lanes, LIMITS.cardsPerCell) }),
      'error',
    );
    expect(error.message).toMatch(/layers; the limit is 15,000/);
    expect(p.figma.currentPage.children.length).toBe(before);
    expect(p.fake.stats().created).toBe(0);
    expect(p.fake.undoCommits).toBe(0);
  });

  it('accepts 40 stages × 30 cards lanes with two cards per cell', async () => {
    const p = await startPlugin();
    p.expectReply(await p.send({ type: 'create', map: bigCardsMap(LIMITS.stages, LIMITS.lanes, 2) }), 'created');
    expect(p.fake.stats().created).toBeLessThanOrEqual(LIMITS.totalNodes);
  });

  it('refuses over-limit input with a located message naming the limit', async () => {
    const p = await startPlugin();
    const e1 = p.expectReply(await p.send({ type: 'create', map: bigCardsMap(LIMITS.stages + 1, 1, 1) }), 'error');
    expect(e1.issues).toContainEqual({ path: 'stages', message: `at most ${LIMITS.stages} stages` });
    const e2 = p.expectReply(
      await p.send({ type: 'create', map: bigCardsMap(2, 1, LIMITS.cardsPerCell + 1) }),
      'error',
    );
    expect(e2.issues).toContainEqual({
      path: 'lanes[0].cells.s0',
      message: `at most ${LIMITS.cardsPerCell} cards per cell`,
    });
  });

  it('lists every limit in the README', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const limits = readme.slice(readme.indexOf('## Limits'));
    for (const value of [
      LIMITS.stages,
      LIMITS.lanes,
      LIMITS.shortText,
      LIMITS.longText,
      LIMITS.itemText,
      LIMITS.cardsPerCell,
      LIMITS.listItems,
      LIMITS.idLength,
    ]) {
      expect(limits).toContain(String(value));
    }
    expect(limits).toContain(LIMITS.metaChars.toLocaleString('en'));
    expect(limits).toContain(LIMITS.totalNodes.toLocaleString('en'));
  });
});

describe('no network, no remote content', () => {
  it('declares no network access and ships bundles that load nothing remote', () => {
    const manifest = JSON.parse(readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8'));
    expect(manifest.networkAccess).toEqual({ allowedDomains: ['none'] });
    const ui = readFileSync(new URL('../../dist/ui.html', import.meta.url), 'utf8');
    expect(ui).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)=["']?(https?:)?\/\//i);
    expect(ui).not.toMatch(/@import\s+url\(\s*["']?https?:/i);
    // The sandbox has no network code at all. (The panel bundles papaparse, whose unused
    // remote-file reader mentions XMLHttpRequest; tests/e2e/no-network.e2e.test.ts
    // shows at run time that the panel makes no request.)
    const code = readFileSync(new URL('../../dist/code.js', import.meta.url), 'utf8');
    expect(code).not.toMatch(/\bfetch\(|XMLHttpRequest|WebSocket|sendBeacon/);
  });
});
