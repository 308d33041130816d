// @vitest-environment jsdom
/**
 * The panel says which editor it is in where behaviour differs (issue #16): nothing in Figma
 * Design, one line in FigJam, after the sandbox's `editor` message (sent when the panel is ready).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/preact';
import { renderPanel, sampleDraft } from './helpers';

afterEach(() => cleanup());

describe('editor line', () => {
  it('is absent in Figma Design and says FigJam draws a workshop board there', () => {
    const { receive } = renderPanel(sampleDraft());
    expect(screen.queryByRole('note')).toBeNull();
    receive({ type: 'editor', editor: 'figma' });
    expect(screen.queryByRole('note')).toBeNull();
    receive({ type: 'editor', editor: 'figjam' });
    expect(screen.getByRole('note').textContent).toMatch(/FigJam: the map is a workshop board\. Cards are stickies/);
  });
});
