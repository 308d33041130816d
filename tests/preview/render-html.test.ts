// @vitest-environment jsdom
// Unit tests of the HTML mapping: the document is parsed by jsdom's DOMParser and
// inline styles are read back (no layout here; see render-browser.test.ts for that).
import { describe, expect, it } from 'vitest';
import { escapeHtml, fontWeightOf, renderNodeToHtml } from '../support/render-html';
import { asScene, ellipse, frame, rectangle, solid, text, vector, type FakeNode } from './nodes';

/** Parse the rendered document and return the element drawn for `node`. */
function elementOf(root: FakeNode, node: FakeNode = root, options = {}): HTMLElement {
  const doc = new DOMParser().parseFromString(renderNodeToHtml(asScene(root), options), 'text/html');
  const el = doc.querySelector<HTMLElement>(`[data-node-id="${node.id}"]`);
  if (!el) throw new Error(`no element for ${node.id}`);
  return el;
}

const css = (el: HTMLElement) => el.style;

describe('renderNodeToHtml: auto-layout frames', () => {
  it('maps a horizontal frame to a flex row with gap, padding and alignment', () => {
    const f = frame({
      layoutMode: 'HORIZONTAL',
      itemSpacing: 12,
      paddingTop: 1,
      paddingRight: 2,
      paddingBottom: 3,
      paddingLeft: 4,
      primaryAxisAlignItems: 'SPACE_BETWEEN',
      counterAxisAlignItems: 'CENTER',
      width: 300,
      height: 50,
    });
    const s = css(elementOf(f));
    expect(s.display).toBe('flex');
    expect(s.flexDirection).toBe('row');
    expect(s.padding).toBe('1px 2px 3px 4px');
    expect(s.justifyContent).toBe('space-between');
    expect(s.alignItems).toBe('center');
    expect(s.width).toBe('300px');
    expect(s.height).toBe('50px');
    // Figma ignores itemSpacing with SPACE_BETWEEN.
    expect(s.columnGap).toBe('');
  });

  it('maps a vertical frame to a flex column with row gap, and wrap to flex-wrap with counter-axis spacing', () => {
    const v = frame({
      layoutMode: 'VERTICAL',
      itemSpacing: 7,
      primaryAxisAlignItems: 'MAX',
      counterAxisAlignItems: 'MAX',
    });
    const sv = css(elementOf(v));
    expect(sv.flexDirection).toBe('column');
    expect(sv.rowGap).toBe('7px');
    expect(sv.justifyContent).toBe('flex-end');
    expect(sv.alignItems).toBe('flex-end');
    const w = frame({ layoutMode: 'HORIZONTAL', itemSpacing: 8, layoutWrap: 'WRAP', counterAxisSpacing: 5 });
    const sw = css(elementOf(w));
    expect(sw.flexWrap).toBe('wrap');
    expect(sw.columnGap).toBe('8px');
    expect(sw.rowGap).toBe('5px');
  });

  it('sizes children: FILL on the primary axis grows, FILL on the counter axis stretches, HUG fits, FIXED is exact', () => {
    const fill = frame({ layoutSizingHorizontal: 'FILL', layoutSizingVertical: 'FILL', layoutMode: 'VERTICAL' });
    const hug = frame({ layoutSizingHorizontal: 'HUG', layoutSizingVertical: 'HUG', layoutMode: 'VERTICAL' });
    const fixed = rectangle({ width: 33, height: 44, layoutSizingHorizontal: 'FIXED', layoutSizingVertical: 'FIXED' });
    const row = frame({ layoutMode: 'HORIZONTAL', width: 400, height: 100 }, [fill, hug, fixed]);
    const sf = css(elementOf(row, fill));
    expect(sf.flex).toMatch(/^1 1 0(px)?$/);
    expect(sf.alignSelf).toBe('stretch');
    expect(sf.width).toBe('');
    const sh = css(elementOf(row, hug));
    expect(sh.width).toBe('max-content');
    expect(sh.height).toBe('auto');
    const sx = css(elementOf(row, fixed));
    expect(sx.width).toBe('33px');
    expect(sx.height).toBe('44px');
    expect(sx.flex).toMatch(/^(none|0 0 auto)$/);
  });

  it('positions absolute children and the children of NONE frames at x,y', () => {
    const abs = rectangle({ x: 15, y: 25, layoutPositioning: 'ABSOLUTE' });
    const auto = frame({ layoutMode: 'VERTICAL' }, [abs]);
    expect(css(elementOf(auto, abs)).position).toBe('absolute');
    expect(css(elementOf(auto, abs)).left).toBe('15px');
    const child = ellipse({ x: 40, y: 60 });
    const free = frame({ layoutMode: 'NONE', clipsContent: true, width: 200, height: 120 }, [child]);
    expect(css(elementOf(free)).position).toBe('relative');
    expect(css(elementOf(free)).overflow).toBe('hidden');
    const sc = css(elementOf(free, child));
    expect([sc.position, sc.left, sc.top, sc.borderRadius]).toEqual(['absolute', '40px', '60px', '50%']);
  });

  it('draws fills, strokes inside as an inset outline, dashes, radius, opacity and hidden nodes', () => {
    const r = rectangle({
      fills: solid(1, 0, 0, 0.5),
      strokes: solid(0, 0, 1),
      strokeWeight: 2,
      strokeAlign: 'INSIDE',
      dashPattern: [6, 3],
      cornerRadius: 8,
      opacity: 0.4,
    });
    const s = css(elementOf(frame({}, [r]), r));
    expect(s.backgroundColor).toBe('rgba(255, 0, 0, 0.5)');
    expect(s.outline).toContain('dashed');
    expect(s.outlineOffset).toBe('-2px');
    expect(s.borderRadius).toBe('8px');
    expect(s.opacity).toBe('0.4');
    const hidden = rectangle({ visible: false });
    expect(css(elementOf(frame({}, [hidden]), hidden)).display).toBe('none');
  });
});

describe('renderNodeToHtml: groups and overlaps', () => {
  it('places group children relative to the group, since Figma gives them the enclosing frame coordinates', () => {
    const child = rectangle({ x: 60, y: 90, width: 10, height: 10 });
    const group: FakeNode = { ...rectangle({ x: 50, y: 70, width: 20, height: 30 }), type: 'GROUP', children: [child] };
    const f = frame({ layoutMode: 'NONE', width: 200, height: 200 }, [group]);
    const sg = css(elementOf(f, group));
    expect([sg.left, sg.top, sg.width, sg.height]).toEqual(['50px', '70px', '20px', '30px']);
    const sc = css(elementOf(f, child));
    expect([sc.position, sc.left, sc.top]).toEqual(['absolute', '10px', '20px']);
  });

  it('turns a negative itemSpacing into negative margins after the first child (CSS gap cannot be negative)', () => {
    const [a, b] = [rectangle(), rectangle()];
    const f = frame({ layoutMode: 'HORIZONTAL', itemSpacing: -6 }, [a, b]);
    expect(css(elementOf(f)).columnGap).toBe('');
    expect(css(elementOf(f, a)).marginLeft).toBe('');
    expect(css(elementOf(f, b)).marginLeft).toBe('-6px');
  });
});

describe('renderNodeToHtml: text', () => {
  it('escapes markup so characters are shown, never executed', () => {
    const t = text('<script>alert("x")</script> & \'q\'');
    const html = renderNodeToHtml(asScene(frame({}, [t])));
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;');
    expect(elementOf(frame({}, [t]), t).textContent).toBe('<script>alert("x")</script> & \'q\'');
    expect(escapeHtml('a"b<')).toBe('a&quot;b&lt;');
  });

  it('escapes names in attributes', () => {
    const f = frame({ name: 'x" onload="alert(1)' });
    const el = elementOf(f);
    expect(el.getAttribute('data-name')).toBe('x" onload="alert(1)');
    expect(el.hasAttribute('onload')).toBe(false);
  });

  it('maps font, size, line height, letter spacing, alignment, case and colour', () => {
    const t = text('Hi', {
      fontName: { family: 'Inter', style: 'Semi Bold Italic' },
      fontSize: 18,
      lineHeight: { unit: 'PIXELS', value: 24 },
      letterSpacing: { unit: 'PERCENT', value: 5 },
      textAlignHorizontal: 'CENTER',
      textCase: 'UPPER',
      fills: solid(0, 0.5, 1),
    });
    const s = css(elementOf(frame({}, [t]), t));
    expect(s.fontFamily).toContain('Inter');
    expect(s.fontWeight).toBe('600');
    expect(s.fontStyle).toBe('italic');
    expect(s.fontSize).toBe('18px');
    expect(s.lineHeight).toBe('24px');
    expect(s.letterSpacing).toBe('0.05em');
    expect(s.textAlign).toBe('center');
    expect(s.textTransform).toBe('uppercase');
    expect(s.color).toBe('rgb(0, 128, 255)');
    const pct = text('x', { fontSize: 10, lineHeight: { unit: 'PERCENT', value: 150 } });
    expect(css(elementOf(frame({}, [pct]), pct)).lineHeight).toBe('15px');
    const auto = text('x', { lineHeight: { unit: 'AUTO' } });
    expect(css(elementOf(frame({}, [auto]), auto)).lineHeight).toBe('normal');
  });

  it('maps Figma style names to CSS weights', () => {
    expect(fontWeightOf('Regular')).toEqual({ weight: 400, italic: false });
    expect(fontWeightOf('Medium')).toEqual({ weight: 500, italic: false });
    expect(fontWeightOf('Semi Bold')).toEqual({ weight: 600, italic: false });
    expect(fontWeightOf('SemiBold')).toEqual({ weight: 600, italic: false });
    expect(fontWeightOf('Bold')).toEqual({ weight: 700, italic: false });
    expect(fontWeightOf('Extra Bold')).toEqual({ weight: 800, italic: false });
    expect(fontWeightOf('Italic')).toEqual({ weight: 400, italic: true });
  });

  it('sizes text by textAutoResize: WIDTH_AND_HEIGHT hugs without wrapping, HEIGHT fixes the width, FILL follows the parent', () => {
    const hug = text('a\nb', { textAutoResize: 'WIDTH_AND_HEIGHT', width: 80 });
    const sh = css(elementOf(frame({}, [hug]), hug));
    expect(sh.width).toBe('max-content');
    expect(sh.whiteSpace).toBe('pre');
    const fixed = text('long text', { textAutoResize: 'HEIGHT', width: 120, height: 40 });
    const sf = css(elementOf(frame({}, [fixed]), fixed));
    expect(sf.width).toBe('120px');
    expect(sf.height).toBe('auto');
    expect(sf.whiteSpace).toBe('pre-wrap');
    const fill = text('fill', { textAutoResize: 'HEIGHT', layoutSizingHorizontal: 'FILL', width: 120 });
    const sl = css(elementOf(frame({ layoutMode: 'HORIZONTAL' }, [fill]), fill));
    expect(sl.width).toBe('');
    expect(sl.flex).toMatch(/^1 1 0(px)?$/);
    const none = text('box', { textAutoResize: 'NONE', width: 50, height: 30 });
    const sn = css(elementOf(frame({}, [none]), none));
    expect([sn.width, sn.height]).toEqual(['50px', '30px']);
  });
});

describe('renderNodeToHtml: vectors and data attributes', () => {
  it('draws one SVG path per vector path, with stroke, cap and dashes, unfilled when open', () => {
    const v = vector(
      [
        { windingRule: 'NONE', data: 'M 0 0 L 10 10' },
        { windingRule: 'EVENODD', data: 'M 0 0 L 5 0 L 5 5 Z' },
      ],
      { strokes: solid(0, 0, 0), strokeWeight: 3, dashPattern: [2, 4], fills: solid(1, 0, 0), width: 40, height: 20 },
    );
    const el = elementOf(frame({}, [v]), v);
    expect(el.style.width).toBe('40px');
    const paths = [...el.querySelectorAll('path')];
    expect(paths.map((p) => p.getAttribute('d'))).toEqual(['M 0 0 L 10 10', 'M 0 0 L 5 0 L 5 5 Z']);
    const [open, closed] = paths.map((p) => p.getAttribute('style') ?? '');
    expect(open).toContain('fill:none');
    expect(open).toContain('stroke:rgba(0,0,0,1)');
    expect(open).toContain('stroke-width:3');
    expect(open).toContain('stroke-linecap:round');
    expect(open).toContain('stroke-dasharray:2 4');
    expect(closed).toContain('fill:rgba(255,0,0,1)');
    expect(closed).toContain('fill-rule:evenodd');
  });

  it('puts id, type, name and the plugin tags on every element, tolerating nodes without plugin data', () => {
    const t = text('x', {}, { role: 'card-text', stage: 's1', lane: 'l1' });
    const noData = rectangle({
      getSharedPluginData: () => {
        throw new Error('not supported');
      },
    });
    const f = frame({ name: 'Map' }, [t, noData], { role: 'map' });
    const el = elementOf(f, t);
    expect(el.dataset).toMatchObject({
      nodeId: t.id,
      type: 'TEXT',
      name: 'text',
      role: 'card-text',
      stage: 's1',
      lane: 'l1',
    });
    expect(elementOf(f).dataset.role).toBe('map');
    const r = elementOf(f, noData);
    expect(r.dataset.type).toBe('RECTANGLE');
    expect(r.dataset.role).toBeUndefined();
  });

  it('tolerates figma.mixed values (symbols) by leaving the property out', () => {
    const mixed = Symbol('mixed');
    const t = text('x', { fontSize: mixed, fontName: mixed });
    const s = css(elementOf(frame({}, [t]), t));
    expect(s.fontSize).toBe('12px');
    expect(s.fontFamily).toContain('Inter');
  });
});
