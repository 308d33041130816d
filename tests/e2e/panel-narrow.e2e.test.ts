/**
 * End to end at the panel's narrowest, 320 px: the BUILT dist/ui.html in headless Chromium with
 * a template of eight stages and six lanes (plus a cell of 2 cards and one of 13, refused with its
 * message), in Figma's light and dark themes. On every tab it measures (getBoundingClientRect)
 * that no control (button, input, textarea, select, tab, counter) sticks out of its container or
 * the viewport, that the six tabs sit in one row, and that counters keep off textareas' resize
 * corners and off messages. Then it tabs through the controls and checks that each focused one
 * shows a ring (outline or box-shadow, computed style) that stands out from what it is drawn on.
 * Screenshots: tests/screenshots/narrow-<tab>-<theme>-320.png, narrow-focus-*-320.png. And
 * "Insert stage after" at 320 px: focus on the new name, its id made from what is typed.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Frame } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, openPanel, type PanelPage } from '../support/panel-page';

const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && process.env.CI !== 'true') {
  console.log(`narrow panel e2e skipped: ${CHROMIUM} is missing; install it with \`apt-get install -y chromium\``);
}

const WIDTH = 320;
const TABS = ['persona', 'stages', 'lanes', 'cells', 'port', 'versions'] as const;

interface Overflow {
  what: string;
  px: number;
}

/** In the panel: every visible control and counter, and how far each sticks out of its container or the viewport. */
function measureOverflow(frame: Frame) {
  return frame.evaluate(() => {
    const SELECTOR =
      'button, input:not([type=radio]):not(.sr-only), textarea, select, [role=tab], .count, .card-count, .badge';
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.getAttribute('aria-label') ? `[${el.getAttribute('aria-label')}]` : ''} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && el.checkVisibility({ visibilityProperty: true });
    };
    /** The nearest ancestor that scrolls sideways (the Cells grid): its content may be wider than the panel. */
    const scroller = (el: Element): HTMLElement | null => {
      for (let p = el.parentElement; p; p = p.parentElement) {
        const ox = getComputedStyle(p).overflowX;
        if ((ox === 'auto' || ox === 'scroll') && p.scrollWidth > p.clientWidth + 1) return p;
      }
      return null;
    };
    const overflows: { what: string; px: number }[] = [];
    let checked = 0;
    const vw = document.documentElement.clientWidth;
    for (const el of Array.from(document.querySelectorAll(SELECTOR))) {
      if (!visible(el)) continue;
      checked++;
      const r = el.getBoundingClientRect();
      // Its container: the element it is laid out in (a td for a cell's field, the tab list for a tab).
      const parent = el.parentElement!.getBoundingClientRect();
      const out = Math.max(parent.left - r.left, r.right - parent.right);
      if (out > 0.5) overflows.push({ what: `${describe(el)} out of its container`, px: out });
      // The viewport, or for the grid's fields the grid's whole scroll area.
      const box = scroller(el);
      const left = box ? box.getBoundingClientRect().left - box.scrollLeft : 0;
      const right = box ? left + box.scrollWidth : vw;
      const outView = Math.max(left - r.left, r.right - right);
      if (outView > 0.5)
        overflows.push({ what: `${describe(el)} out of ${box ? 'its scroll area' : 'the viewport'}`, px: outView });
    }
    // Nothing makes the panel page itself scroll sideways.
    const page = document.documentElement.scrollWidth - vw;
    if (page > 0) overflows.push({ what: 'the page scrolls sideways', px: page });
    return { overflows, checked };
  });
}

/** Counters against textareas' resize corners and messages: pairs that overlap. */
function counterClashes(frame: Frame) {
  return frame.evaluate(() => {
    const hit = (a: DOMRect, b: { left: number; right: number; top: number; bottom: number }) =>
      a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    const counters = Array.from(document.querySelectorAll('.card-count, .count')).filter(
      (c) => c.getBoundingClientRect().width > 0,
    );
    const corners = Array.from(document.querySelectorAll('textarea')).map((t) => {
      const r = t.getBoundingClientRect();
      // Chromium's resize grip: the bottom-right 14 × 14 px inside the border.
      return { left: r.right - 14, right: r.right, top: r.bottom - 14, bottom: r.bottom };
    });
    const messages = Array.from(document.querySelectorAll('.field-error, .msg, .field-hint, .hint')).map((m) =>
      m.getBoundingClientRect(),
    );
    const clashes: string[] = [];
    for (const c of counters) {
      const r = c.getBoundingClientRect();
      if (corners.some((k) => hit(r, k))) clashes.push(`"${c.textContent}" on a resize corner`);
      if (messages.some((m) => m.width > 0 && hit(r, m))) clashes.push(`"${c.textContent}" on a message`);
    }
    return { clashes, counters: counters.length };
  });
}

/** The focused control's ring: how wide, and its contrast with what it is drawn on. */
function focusRing(frame: Frame) {
  return frame.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    // A face's radio is visually hidden: its face wears the ring.
    const shown = el.classList.contains('sr-only') ? (el.closest('label') ?? el) : el;
    const cs = getComputedStyle(shown);
    const rgb = (c: string) => {
      const m = c.match(/rgba?\(([^)]+)\)/);
      if (!m) return null;
      const [r, g, b, a = 1] = m[1]
        .split(/[ ,/]+/)
        .filter(Boolean)
        .map(Number);
      return { r, g, b, a };
    };
    const lum = ({ r, g, b }: { r: number; g: number; b: number }) => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    /** The opaque background at an element (its own, else its ancestors'), translucent layers blended. */
    const backgroundAt = (start: Element | null) => {
      const layers: { r: number; g: number; b: number; a: number }[] = [];
      for (let p = start; p; p = p.parentElement) {
        const c = rgb(getComputedStyle(p).backgroundColor);
        if (c && c.a > 0) {
          layers.push(c);
          if (c.a >= 1) break;
        }
      }
      let out = { r: 255, g: 255, b: 255 };
      for (const l of layers.reverse())
        out = { r: l.r * l.a + out.r * (1 - l.a), g: l.g * l.a + out.g * (1 - l.a), b: l.b * l.a + out.b * (1 - l.a) };
      return out;
    };
    const width = cs.outlineStyle === 'none' ? 0 : parseFloat(cs.outlineWidth);
    const shadow = cs.boxShadow !== 'none';
    const ring = rgb(cs.outlineColor);
    // A ring inside the control is drawn on the control; one outside it, on what is around it.
    const under = parseFloat(cs.outlineOffset) < 0 ? backgroundAt(shown) : backgroundAt(shown.parentElement);
    const l1 = ring ? lum(ring) : 0;
    const l2 = lum(under);
    const contrast = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
    const label = `${shown.tagName.toLowerCase()}${shown.id ? `#${shown.id}` : ''} ${shown.getAttribute('aria-label') ?? (shown.textContent ?? '').trim().slice(0, 24)}`;
    return { label, width, shadow, contrast };
  });
}

describe.skipIf(!haveChromium && process.env.CI !== 'true')('panel at 320 px', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** The panel at 320 × 640 with the Hospital visit template, a cell of 2 cards and one of 13 (refused). */
  async function narrowPanel(theme: 'light' | 'dark'): Promise<PanelPage> {
    const p = await openPanel(browser, { width: WIDTH, height: 640 });
    await p.setTheme(theme);
    const f = p.frame;
    await f.getByLabel('Start from').selectOption({ label: 'Hospital visit' });
    await f.getByRole('button', { name: 'New map' }).click();
    await f.getByRole('tab', { name: /Cells/ }).click();
    const cards = f.locator('.kind-cards textarea');
    await cards.nth(0).fill('Signs\nParking');
    await cards.nth(1).fill(Array.from({ length: 13 }, (_, i) => `Card ${i + 1}`).join('\n'));
    // Create is refused: 13 cards is one too many, said under the cell.
    await f.getByRole('button', { name: 'Create map' }).click();
    await f.locator('.cell .field-error').first().waitFor();
    return p;
  }

  it('keeps the six tabs in one row at every width from 320 px, with their counts from 400 px', async () => {
    for (const width of [320, 360, 399, 400, 460, 900]) {
      const p = await openPanel(browser, { width, height: 480 });
      const f = p.frame;
      await f.getByLabel('Start from').selectOption({ label: 'Hospital visit' });
      await f.getByRole('button', { name: 'New map' }).click();
      const row = await f.evaluate(() => {
        const strip = document.querySelector('[role=tablist]')!.getBoundingClientRect();
        const tabs = Array.from(document.querySelectorAll('[role=tab]')).map((t) => t.getBoundingClientRect());
        const counts = Array.from(document.querySelectorAll('[role=tab] .count')).filter((c) => c.checkVisibility());
        return {
          rows: new Set(tabs.map((r) => Math.round(r.top))).size,
          out: Math.max(...tabs.map((r) => Math.max(strip.left - r.left, r.right - strip.right))),
          counts: counts.map((c) => c.textContent),
        };
      });
      expect(row.rows, `${width} px`).toBe(1);
      expect(row.out, `${width} px`).toBeLessThanOrEqual(0);
      // Personas, stages, lanes of the template: 1, 8, 6.
      expect(row.counts, `${width} px`).toEqual(width >= 400 ? ['1', '8', '6'] : []);
      await p.page.close();
    }
  });

  it('inserts a stage after the first, types its name over the focused placeholder, and creates it with an id from that name', async () => {
    const p = await openPanel(browser, { width: WIDTH, height: 640 });
    const f = p.frame;
    await f.getByRole('tab', { name: /Stages/ }).click();
    await f.getByRole('button', { name: 'Insert stage after stage 1' }).click();
    const name = f.getByLabel('Stage 2 name', { exact: true });
    await expect.poll(() => name.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await name.inputValue()).toBe('New stage');
    await p.page.keyboard.type('Check in');
    expect(await name.inputValue()).toBe('Check in');
    await f.getByRole('button', { name: 'Create map' }).click();
    await p.page.waitForFunction(() =>
      (window as unknown as { __messages: { type: string }[] }).__messages.some((m) => m.type === 'create'),
    );
    const create = (await p.messages()).find((m) => m.type === 'create') as { map: { stages: { id: string }[] } };
    expect(create.map.stages.map((s) => s.id)).toEqual(['stage-1', 'check-in', 'stage-2', 'stage-3']);
    await p.page.close();
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`${theme}: every tab fits 320 px, counters clear, six tabs in one row`, async () => {
      const p = await narrowPanel(theme);
      const f = p.frame;
      mkdirSync('tests/screenshots', { recursive: true });
      let widest = 0;
      let controls = 0;
      let counters = 0;
      const overflows: Overflow[] = [];
      for (const id of TABS) {
        await f.locator(`#tab-${id}`).click();
        await f.locator(`#tab-${id}[aria-selected=true]`).waitFor();
        // The tabs: all six, one row, inside the strip and the panel.
        const tabs = await f.evaluate(() => {
          const strip = document.querySelector('[role=tablist]')!.getBoundingClientRect();
          const rects = Array.from(document.querySelectorAll('[role=tab]')).map((t) => t.getBoundingClientRect());
          return { n: rects.length, tops: new Set(rects.map((r) => Math.round(r.top))).size, right: strip.right };
        });
        expect(tabs.n).toBe(6);
        expect(tabs.tops, 'the tabs sit in one row').toBe(1);
        expect(tabs.right).toBeLessThanOrEqual(WIDTH);
        const m = await measureOverflow(f);
        overflows.push(...m.overflows.map((o) => ({ ...o, what: `${id}: ${o.what}` })));
        widest = Math.max(widest, 0, ...m.overflows.map((o) => o.px));
        controls += m.checked;
        const c = await counterClashes(f);
        expect(c.clashes, `${id} tab`).toEqual([]);
        counters += c.counters;
        if (id === 'cells') {
          // The refused cell: its counter, then its message, one under the other.
          const cell = f.locator('td.cell:has(.field-error)').first();
          expect(await cell.locator('.card-count').innerText()).toBe('13 cards');
          expect(await cell.locator('.field-error').innerText()).toMatch(/at most 12 cards per cell/);
          expect(await f.locator('.card-count', { hasText: /^2 cards$/ }).count()).toBeGreaterThanOrEqual(1);
        }
        await p.page.screenshot({ path: `tests/screenshots/narrow-${id}-${theme}-320.png` });
      }
      console.log(
        `${theme} 320 px: ${controls} controls measured on 6 tabs, widest overflow ${widest.toFixed(1)} px, ${counters} counters clear`,
      );
      expect(overflows).toEqual([]);
      expect(widest).toBe(0);
      expect(controls).toBeGreaterThan(150);
      expect(counters).toBeGreaterThanOrEqual(2);
      await p.page.close();
    });

    it(`${theme}: every control reached by Tab shows a focus ring that stands out`, async () => {
      const p = await narrowPanel(theme);
      const f = p.frame;
      const seen = new Map<string, { width: number; shadow: boolean; contrast: number }>();
      const weak: string[] = [];
      for (const id of TABS) {
        await f.locator(`#tab-${id}`).click();
        // From the top of the panel, through header, tab, tab content and footer.
        await f.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        let first: string | null = null;
        for (let i = 0; i < 160; i++) {
          await p.page.keyboard.press('Tab');
          const ring = await focusRing(f);
          if (!ring) continue;
          if (ring.label === first) break; // round again
          first ??= ring.label;
          const key = `${id}: ${ring.label}`;
          seen.set(key, ring);
          if (id === 'stages' && ring.label.endsWith('Create map'))
            await p.page.screenshot({ path: `tests/screenshots/narrow-focus-create-${theme}-320.png` });
          if (id === 'stages' && ring.label.startsWith('button#stage-') && ring.label.includes('Insert stage after'))
            await p.page.screenshot({ path: `tests/screenshots/narrow-focus-insert-${theme}-320.png` });
          const ok = (ring.width >= 2 && ring.contrast >= 2.5) || ring.shadow;
          if (!ok) weak.push(`${key} (outline ${ring.width}px, contrast ${ring.contrast.toFixed(2)})`);
        }
      }
      const contrasts = [...seen.values()].map((r) => r.contrast);
      console.log(
        `${theme}: ${seen.size} focus stops checked, lowest ring contrast ${Math.min(...contrasts).toFixed(2)}:1`,
      );
      expect(weak).toEqual([]);
      // The main action was the case the issue found: its ring matched its fill.
      expect([...seen.keys()].some((k) => k.endsWith('Create map'))).toBe(true);
      expect(seen.size).toBeGreaterThan(100);
      await p.page.close();
    });
  }
});
