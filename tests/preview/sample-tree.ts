/**
 * A small journey-map-like tree built by hand, shared by the browser test and
 * a visual check: a header, a row of two FILL cells, a wrap of cards, a curve.
 */
import { ellipse, frame, rectangle, solid, text, vector, type FakeNode } from './nodes';

export function sampleTree(): FakeNode {
  const white = solid(1, 1, 1);
  const cell = (stage: string, title: string, body: string) =>
    frame(
      {
        name: `cell ${stage}`,
        layoutMode: 'VERTICAL',
        itemSpacing: 8,
        paddingTop: 12,
        paddingRight: 12,
        paddingBottom: 12,
        paddingLeft: 12,
        layoutSizingHorizontal: 'FILL',
        layoutSizingVertical: 'HUG',
        fills: white,
        strokes: solid(0.85, 0.85, 0.88),
        strokeAlign: 'INSIDE',
        cornerRadius: 8,
      },
      [
        text(
          title,
          {
            fontName: { family: 'Inter', style: 'Semi Bold' },
            textCase: 'UPPER',
            letterSpacing: { unit: 'PERCENT', value: 4 },
            fontSize: 11,
            lineHeight: { unit: 'PIXELS', value: 16 },
          },
          { role: 'stage-name', stage },
        ),
        text(
          body,
          { textAutoResize: 'HEIGHT', layoutSizingHorizontal: 'FILL', layoutSizingVertical: 'HUG' },
          { role: 'cell-text', stage, lane: 'actions' },
        ),
      ],
      { role: 'cell', stage, lane: 'actions' },
    );
  const card = (n: number) =>
    frame(
      {
        name: `card ${n}`,
        layoutMode: 'HORIZONTAL',
        paddingTop: 6,
        paddingRight: 10,
        paddingBottom: 6,
        paddingLeft: 10,
        layoutSizingHorizontal: 'HUG',
        layoutSizingVertical: 'HUG',
        fills: solid(1, 0.95, 0.7),
        cornerRadius: 6,
      },
      [
        text(
          `Card <${n}> & "quote"`,
          { fontSize: 12, lineHeight: { unit: 'PIXELS', value: 16 } },
          { role: 'card-text' },
        ),
      ],
      { role: 'card' },
    );
  const curve = frame(
    {
      name: 'emotion',
      layoutMode: 'NONE',
      width: 400,
      height: 80,
      layoutSizingHorizontal: 'FIXED',
      layoutSizingVertical: 'FIXED',
      fills: solid(0.96, 0.97, 1),
      cornerRadius: 8,
      clipsContent: true,
    },
    [
      vector(
        [{ windingRule: 'NONE', data: 'M 20 60 C 100 60 100 20 190 20 C 280 20 300 50 380 40' }],
        { width: 400, height: 80, strokes: solid(0.3, 0.4, 0.95), strokeWeight: 3 },
        { role: 'emotion-curve' },
      ),
      vector(
        [{ windingRule: 'NONE', data: 'M 0 40 L 400 40' }],
        { width: 400, height: 0, strokes: solid(0.6, 0.6, 0.6), strokeWeight: 1, dashPattern: [4, 4], y: 0 },
        { role: 'emotion-baseline' },
      ),
      ellipse(
        {
          x: 184,
          y: 14,
          width: 12,
          height: 12,
          fills: solid(0.3, 0.4, 0.95),
          strokes: white,
          strokeWeight: 2,
          strokeAlign: 'OUTSIDE',
        },
        { role: 'emotion-marker', stage: 'discover' },
      ),
      text(
        'Happy here',
        {
          x: 200,
          y: 0,
          fontSize: 10,
          lineHeight: { unit: 'PIXELS', value: 14 },
          fontName: { family: 'Inter', style: 'Medium Italic' },
        },
        { role: 'emotion-note' },
      ),
    ],
  );
  return frame(
    {
      name: 'Journey <map>',
      layoutMode: 'VERTICAL',
      itemSpacing: 16,
      paddingTop: 24,
      paddingRight: 24,
      paddingBottom: 24,
      paddingLeft: 24,
      layoutSizingHorizontal: 'FIXED',
      layoutSizingVertical: 'HUG',
      width: 448,
      fills: solid(0.98, 0.98, 0.99),
      cornerRadius: 12,
    },
    [
      text(
        'Onboarding journey',
        { fontName: { family: 'Inter', style: 'Bold' }, fontSize: 22, lineHeight: { unit: 'PIXELS', value: 28 } },
        { role: 'title' },
      ),
      frame(
        {
          name: 'row',
          layoutMode: 'HORIZONTAL',
          itemSpacing: 20,
          layoutSizingHorizontal: 'FILL',
          layoutSizingVertical: 'HUG',
        },
        [
          cell('discover', 'Discover', 'Sees an ad and\nvisits the site, reading about pricing and plans.'),
          cell('signup', 'Sign up', 'Creates an account.'),
        ],
      ),
      frame(
        {
          name: 'cards',
          layoutMode: 'HORIZONTAL',
          layoutWrap: 'WRAP',
          itemSpacing: 8,
          counterAxisSpacing: 8,
          layoutSizingHorizontal: 'FILL',
          layoutSizingVertical: 'HUG',
        },
        [1, 2, 3, 4, 5].map(card),
      ),
      curve,
      rectangle({
        name: 'bar',
        width: 400,
        height: 4,
        fills: solid(0.3, 0.4, 0.95, 0.5),
        cornerRadius: 2,
        layoutSizingHorizontal: 'FILL',
        layoutSizingVertical: 'FIXED',
      }),
    ],
    { role: 'map' },
  );
}
