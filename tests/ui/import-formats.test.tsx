// @vitest-environment jsdom
// Mermaid and spreadsheet-table import/export through the panel (parsers live in ui/formats).
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { renderPanel, sampleDraft, tab } from './helpers';

afterEach(cleanup);

const paste = (text: string) => {
  fireEvent.click(tab(/^Data/));
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
  /** The Import section's message: its text, and its list of notes or problems. */
  const importMessage = () => {
    const region = screen.getByRole('region', { name: 'Import' });
    const box = within(region).queryByRole('status') ?? within(region).getByRole('alert');
    return {
      box,
      text: box.querySelector('p')!.textContent,
      items: Array.from(box.querySelectorAll('li')).map((li) => li.textContent),
    };
  };

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

  it('a titled CSV: says which way it was read and which emotion scale it took from the title', () => {
    const { controller } = renderPanel(sampleDraft());
    paste(
      [
        'Buying shoes,,',
        ',,',
        'Stage,Discover,Buy',
        'Doing,Searches,Pays',
        '"Emotion (1 = very unhappy, 5 = delighted)",2,1',
      ].join('\r\n'),
    );
    expect(controller.state.map.title).toBe('Buying shoes');
    // The title's scale, with its words, is the lane's; the scores stay as written.
    expect(controller.state.map.lanes[1]).toMatchObject({
      title: 'Emotion',
      scale: { min: 1, max: 5, low: 'very unhappy', high: 'delighted' },
      cells: { discover: { score: 2 }, buy: { score: 1 } },
    });
    const msg = importMessage();
    expect(msg.box.getAttribute('role')).toBe('status');
    expect(msg.box.className).toBe('msg success');
    expect(msg.text).toBe('Imported table: 2 stages, 2 lanes.');
    expect(msg.items).toEqual([
      'Read stages as columns: stage names in row 3, one lane per row.',
      '“Emotion (1 = very unhappy, 5 = delighted)”: scale 1 to 5, from its title.',
    ]);
  });

  it('one stage per row, scale from the scores alone: says so, and the footer asks to check it', () => {
    const { controller } = renderPanel(sampleDraft());
    paste('Stage\tDoing\tMood\nBook\tCalls\t2\nVisit\tWaits\t1\nLeave\tPays\t2\n');
    expect(controller.state.map.stages.map((s) => s.name)).toEqual(['Book', 'Visit', 'Leave']);
    expect(controller.state.map.lanes[1]).toMatchObject({ scale: { min: 1, max: 5 } });
    expect(Object.values(controller.state.map.lanes[1].cells)).toEqual([{ score: 2 }, { score: 1 }, { score: 2 }]);
    const msg = importMessage();
    expect(msg.box.className).toBe('msg warning');
    expect(msg.items).toEqual([
      'Read one stage per row: stage names in column A, one lane per column.',
      '“Mood”: its title names no scale, so 1 to 5 was assumed from its scores. If that is wrong, put the scale in the title, e.g. “Mood (1-7)”, and import again.',
    ]);
    expect(controller.state.status).toEqual({
      tone: 'warning',
      text: 'Imported “Imported journey” from pasted text. Check the emotion scale (Data tab). Undo with Ctrl+Z.',
    });
  });

  it('a table with a problem names its cell and changes nothing', () => {
    const { controller } = renderPanel(sampleDraft());
    const before = controller.state.map;
    paste('T\tA\tB\nMood (1-5)\t2\t9\n');
    const msg = importMessage();
    expect(msg.box.getAttribute('role')).toBe('alert');
    expect(msg.text).toBe('This table could not be imported (your map is unchanged):');
    expect(msg.items).toEqual(['row 2, column C: score must be between 1 and 5']);
    expect(controller.state.map).toBe(before);
  });

  it('opening a .csv file imports it as a table', async () => {
    const { controller } = renderPanel();
    fireEvent.click(tab(/^Data/));
    const input = screen.getByLabelText('Open a file…') as HTMLInputElement;
    const file = new File(['\uFEFFTrip;Go;Back\r\nActions;Drives;Flies\r\n'], 'trip.csv', { type: 'text/csv' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    fireEvent.change(input);
    await waitFor(() => expect(controller.state.map.title).toBe('Trip'));
    expect(controller.state.map.stages.map((s) => s.name)).toEqual(['Go', 'Back']);
  });

  it('the paste box states how cards are split', () => {
    renderPanel();
    fireEvent.click(tab(/^Data/));
    const box = screen.getByLabelText(/Paste a map/);
    const hint = document.getElementById(box.getAttribute('aria-describedby')!)!;
    expect(hint.textContent).toMatch(/Cards split at line breaks, bullets and “;”, never at commas\./);
  });

  it('text that is no known format is refused with a clear message', () => {
    const { controller } = renderPanel(sampleDraft());
    const before = controller.state.map;
    paste('hello there');
    expect(screen.getByRole('alert').textContent).toMatch(/Not a format the panel reads|could not be imported/);
    expect(controller.state.map).toBe(before);
  });
});
