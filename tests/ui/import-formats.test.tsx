// @vitest-environment jsdom
// Mermaid and spreadsheet-table import/export through the panel (parsers live in ui/formats).
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { renderPanel, sampleDraft, tab } from './helpers';

afterEach(cleanup);

const paste = (text: string) => {
  fireEvent.click(tab('Import / Export'));
  fireEvent.input(screen.getByLabelText(/Paste a map/), { target: { value: text } });
  fireEvent.click(screen.getByRole('button', { name: 'Import pasted text' }));
};

const MERMAID = `journey
  title Buying shoes
  section Before
    Search online: 3: Ana
    Compare prices: 2: Ana
  section During
    Pay: 1: Ana
    Get confirmation: 5: Ana
`;

describe('Mermaid journey', () => {
  it('Mermaid → map → Mermaid keeps every task and score', async () => {
    const { controller } = renderPanel();
    paste(MERMAID);
    expect(controller.state.map.title).toBe('Buying shoes');
    expect(controller.state.map.stages.map((s) => s.name)).toEqual([
      'Search online',
      'Compare prices',
      'Pay',
      'Get confirmation',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Copy Mermaid' }));
    const out = await waitFor(() => {
      const v = (screen.getByLabelText('Exported text') as HTMLTextAreaElement).value;
      expect(v).toMatch(/^journey/);
      return v;
    });
    for (const [task, score] of [
      ['Search online', 3],
      ['Compare prices', 2],
      ['Pay', 1],
      ['Get confirmation', 5],
    ] as const) {
      expect(out).toMatch(new RegExp(`${task}\\s*:\\s*${score}\\b`));
    }
  });

  it('a broken diagram leaves the map untouched', () => {
    const { controller } = renderPanel(sampleDraft());
    const before = controller.state.map;
    paste('journey\n  title X\n  section S\n    Task without score\n');
    expect(screen.getByRole('alert').textContent).toMatch(/could not be imported \(your map is unchanged\)/);
    expect(controller.state.map).toBe(before);
  });
});

describe('spreadsheet table', () => {
  it('imports a pasted TSV table and exports one', async () => {
    const { controller } = renderPanel();
    paste('Lane\tDiscover\tBuy\nActions\tSearches\tPays\n');
    expect(controller.state.map.stages.map((s) => s.name)).toEqual(['Discover', 'Buy']);
    expect(controller.state.map.lanes[0]).toMatchObject({ title: 'Actions' });
    fireEvent.click(screen.getByRole('button', { name: 'Copy Table (TSV)' }));
    await waitFor(() =>
      expect((screen.getByLabelText('Exported text') as HTMLTextAreaElement).value).toMatch(/Discover\tBuy/),
    );
  });

  it('text that is no known format is refused with a clear message', () => {
    const { controller } = renderPanel(sampleDraft());
    const before = controller.state.map;
    paste('hello there');
    expect(screen.getByRole('alert').textContent).toMatch(/Not a format the panel reads|could not be imported/);
    expect(controller.state.map).toBe(before);
  });
});
