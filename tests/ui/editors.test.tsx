// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, within, act } from '@testing-library/preact';
import type { Lane } from '../../src/model';
import type { DraftMap } from '../../ui/draft';
import { addPersona, getCell, setCell, setPersona } from '../../ui/edit';
import { renderPanel, sampleDraft, tab } from './helpers';

afterEach(cleanup);

const type = (el: HTMLElement, value: string) => fireEvent.input(el, { target: { value } });

describe('personas editor', () => {
  it('edits name, role, quote, description, goals and frustrations', () => {
    const { controller } = renderPanel();
    expect(screen.getByText(/No personas/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '+ Add persona' }));
    type(screen.getByLabelText('Persona 1 name'), 'Maya');
    type(screen.getByLabelText('Role of persona 1'), 'Nurse');
    type(screen.getByLabelText('Quote of persona 1'), 'Just tell me where to go');
    type(screen.getByLabelText('Description of persona 1'), 'Works nights');
    fireEvent.click(screen.getByRole('button', { name: '+ Add goal of persona 1' }));
    type(screen.getByLabelText('Goal 1 of persona 1'), 'Park close');
    fireEvent.click(screen.getByRole('button', { name: '+ Add goal of persona 1' }));
    type(screen.getByLabelText('Goal 2 of persona 1'), 'Short wait');
    fireEvent.click(screen.getByRole('button', { name: '+ Add frustration of persona 1' }));
    type(screen.getByLabelText('Frustration 1 of persona 1'), 'Signs');
    fireEvent.click(screen.getByRole('button', { name: 'Remove goal 1 of persona 1' }));
    expect(controller.state.map.personas).toEqual([
      {
        name: 'Maya',
        role: 'Nurse',
        quote: 'Just tell me where to go',
        description: 'Works nights',
        goals: ['Short wait'],
        frustrations: ['Signs'],
      },
    ]);
    expect(tab(/Personas/).textContent).toBe('Personas1');
  });

  it('makes a persona’s id from its name when the name is entered, and keeps it on renames', () => {
    const { controller } = renderPanel();
    fireEvent.click(screen.getByRole('button', { name: '+ Add persona' }));
    const name = screen.getByLabelText('Persona 1 name');
    // Typed letter by letter: no id from the first letter.
    for (const t of ['M', 'Ma', 'Maya', 'Maya López']) type(name, t);
    expect(controller.state.map.personas[0].id).toBeUndefined();
    fireEvent.change(name, { target: { value: 'Maya López' } });
    expect(controller.state.map.personas[0].id).toBe('maya-lopez');
    type(name, 'Maya L.');
    fireEvent.change(name, { target: { value: 'Maya L.' } });
    expect(controller.state.map.personas[0]).toMatchObject({ id: 'maya-lopez', name: 'Maya L.' });
    // A second persona of the same name gets an id of its own.
    fireEvent.click(screen.getByRole('button', { name: '+ Add persona' }));
    const second = screen.getByLabelText('Persona 2 name');
    type(second, 'Maya López');
    fireEvent.change(second, { target: { value: 'Maya López' } });
    expect(controller.state.map.personas.map((p) => p.id)).toEqual(['maya-lopez', 'maya-lopez-2']);
    expect(controller.validate().map?.personas?.map((p) => p.id)).toEqual(['maya-lopez', 'maya-lopez-2']);
  });

  it('adds up to six, reorders with buttons and Alt+Arrow, folds details, and removes (untying curves)', () => {
    const draft = sampleDraft();
    (draft.lanes[2] as { persona?: string }).persona = 'ana';
    const { controller } = renderPanel(draft);
    const add = screen.getByRole('button', { name: '+ Add persona' });
    for (const name of ['Bo', 'Cy', 'Di', 'Ed', 'Fa']) {
      fireEvent.click(add);
      const n = controller.state.map.personas.length;
      const field = screen.getByLabelText(`Persona ${n} name`);
      type(field, name);
      fireEvent.change(field, { target: { value: name } });
    }
    expect((add as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('A map has at most 6 personas.')).toBeTruthy();
    const names = () => controller.state.map.personas.map((p) => p.name);
    expect(names()).toEqual(['Ana', 'Bo', 'Cy', 'Di', 'Ed', 'Fa']);
    // The persona's curves are named on its card.
    expect(screen.getByText('Feeling')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Move persona 2 up' }));
    expect(names()).toEqual(['Bo', 'Ana', 'Cy', 'Di', 'Ed', 'Fa']);
    fireEvent.keyDown(screen.getByLabelText('Persona 2 name'), { key: 'ArrowDown', altKey: true });
    expect(names()).toEqual(['Bo', 'Cy', 'Ana', 'Di', 'Ed', 'Fa']);
    // Details fold; the folded button says what they hold.
    const toggle = screen.getByRole('button', { name: 'Hide details of persona 3', expanded: true });
    fireEvent.click(toggle);
    expect(screen.queryByLabelText('Goal 1 of persona 3')).toBeNull();
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(toggle.textContent).toMatch(/^▸Details: 1 goal/);
    fireEvent.click(toggle);
    expect((screen.getByLabelText('Goal 1 of persona 3') as HTMLInputElement).value).toBe('Buy fast');
    fireEvent.click(screen.getByRole('button', { name: 'Remove persona 3' }));
    expect(names()).toEqual(['Bo', 'Cy', 'Di', 'Ed', 'Fa']);
    expect(controller.state.map.lanes[2]).not.toHaveProperty('persona');
    expect(controller.validate().issues).toEqual([]);
  });
});

describe('objective and moments of truth', () => {
  it('edits the objective and marks stages as moments of truth with a note', () => {
    const { controller } = renderPanel(sampleDraft());
    fireEvent.click(tab(/Stages/));
    type(screen.getByLabelText('Objective'), 'Find where checkout loses people');
    expect(controller.state.map.objective).toBe('Find where checkout loses people');
    const moment = screen.getByLabelText('Moment of truth of stage 2') as HTMLInputElement;
    expect(moment.checked).toBe(false);
    expect(screen.queryByLabelText('Moment note of stage 2')).toBeNull();
    fireEvent.click(moment);
    type(screen.getByLabelText('Moment note of stage 2'), 'Half of them leave here');
    expect(controller.state.map.stages[1]).toEqual({
      id: 'buy',
      name: 'Buy',
      phase: 'During',
      moment: true,
      momentNote: 'Half of them leave here',
    });
    expect(controller.validate().map?.stages[1]).toMatchObject({ moment: true, momentNote: 'Half of them leave here' });
    // Unmarked, the note goes with it (Ctrl+Z brings both back); an emptied objective is left out.
    fireEvent.click(moment);
    expect(controller.state.map.stages[1]).toEqual({ id: 'buy', name: 'Buy', phase: 'During' });
    type(screen.getByLabelText('Objective'), '');
    expect(controller.state.map).not.toHaveProperty('objective');
  });

  it('an issue of the objective takes the user to its field on the Stages tab', async () => {
    renderPanel({ ...sampleDraft(), objective: 'x'.repeat(300) });
    fireEvent.click(screen.getByRole('button', { name: 'Create map' }));
    fireEvent.click(
      within(screen.getByRole('region', { name: 'Problems' })).getByRole('button', { name: /objective/ }),
    );
    await act(async () => {
      await new Promise((r) => setTimeout(r, 10));
    });
    expect(tab(/Stages/).getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(screen.getByLabelText('Objective'));
  });
});

describe('stages editor', () => {
  it('adds, renames, reorders with buttons and Alt+Arrow, and removes stages', async () => {
    const { controller } = renderPanel();
    fireEvent.click(tab(/Stages/));
    fireEvent.click(screen.getByRole('button', { name: '+ Add stage' }));
    expect(controller.state.map.stages).toHaveLength(4);
    type(screen.getByLabelText('Stage 4 name'), 'Pay');
    type(screen.getByLabelText('Phase of stage 4'), 'Later');
    fireEvent.click(screen.getByRole('button', { name: 'Move stage 4 up' }));
    expect(controller.state.map.stages.map((s) => s.name)).toEqual(['Stage 1', 'Stage 2', 'Pay', 'Stage 3']);
    fireEvent.keyDown(screen.getByLabelText('Stage 3 name'), { key: 'ArrowUp', altKey: true });
    expect(controller.state.map.stages.map((s) => s.name)).toEqual(['Stage 1', 'Pay', 'Stage 2', 'Stage 3']);
    fireEvent.keyDown(screen.getByLabelText('Stage 2 name'), { key: 'ArrowDown', altKey: true });
    expect(controller.state.map.stages.map((s) => s.name)).toEqual(['Stage 1', 'Stage 2', 'Pay', 'Stage 3']);
    expect(controller.state.map.stages[2].phase).toBe('Later');
    fireEvent.click(screen.getByRole('button', { name: 'Remove stage 1' }));
    expect(controller.state.map.stages.map((s) => s.name)).toEqual(['Stage 2', 'Pay', 'Stage 3']);
  });

  it('removing a stage drops its cells; the last stage cannot be removed', () => {
    const { controller } = renderPanel(sampleDraft());
    fireEvent.click(tab(/Stages/));
    fireEvent.click(screen.getByRole('button', { name: 'Remove stage 2' }));
    const pains = controller.state.map.lanes.find((l) => l.id === 'pains')!;
    expect(pains.cells).toEqual({});
    fireEvent.click(screen.getByRole('button', { name: 'Remove stage 1' }));
    expect(screen.getByRole('button', { name: 'Remove stage 1' })).toHaveProperty('disabled', true);
  });

  it('sets the emotion score and note of a stage with five levels', () => {
    const { controller } = renderPanel(sampleDraft());
    fireEvent.click(tab(/Stages/));
    const group = screen.getByRole('group', { name: 'Feeling, Use' });
    const radios = within(group).getAllByRole('radio');
    expect(radios).toHaveLength(5);
    fireEvent.click(within(group).getByRole('radio', { name: '+2 very positive' }));
    type(within(group).getByLabelText('Feeling note, Use'), 'Works!');
    expect(controller.state.map.lanes[2].cells).toMatchObject({ use: { score: 2, note: 'Works!' } });
    fireEvent.click(within(group).getByRole('radio', { name: '−1 negative' }));
    expect(controller.state.map.lanes[2].cells).toMatchObject({ use: { score: -1, note: 'Works!' } });
    fireEvent.click(within(group).getByRole('button', { name: 'Clear Feeling score, Use' }));
    expect((controller.state.map.lanes[2].cells as Record<string, unknown>).use).toBeUndefined();
  });
});

describe('lanes editor', () => {
  it('adds lanes of each kind, renames, changes kind and tone, reorders and removes', () => {
    const { controller } = renderPanel(sampleDraft());
    fireEvent.click(tab(/Lanes/));
    fireEvent.click(screen.getByRole('button', { name: '+ Cards lane' }));
    type(screen.getByLabelText('Lane 4 title'), 'Ideas');
    fireEvent.change(screen.getByLabelText('Tone of lane 4'), { target: { value: 'idea' } });
    expect(controller.state.map.lanes[3]).toMatchObject({ title: 'Ideas', kind: 'cards', tone: 'idea' });
    fireEvent.click(screen.getByRole('button', { name: 'Move lane 4 up' }));
    expect(controller.state.map.lanes.map((l) => l.title)).toEqual(['Actions', 'Pains', 'Ideas', 'Feeling']);
    fireEvent.keyDown(screen.getByLabelText('Lane 3 title'), { key: 'ArrowUp', altKey: true });
    expect(controller.state.map.lanes.map((l) => l.title)).toEqual(['Actions', 'Ideas', 'Pains', 'Feeling']);
    // Cards → text keeps the cards as lines.
    fireEvent.change(screen.getByLabelText('Kind of lane 3'), { target: { value: 'text' } });
    expect(controller.state.map.lanes[2]).toEqual({
      id: 'pains',
      title: 'Pains',
      kind: 'text',
      cells: { buy: 'Slow checkout\nFees' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Remove lane 1' }));
    expect(controller.state.map.lanes.map((l) => l.title)).toEqual(['Ideas', 'Pains', 'Feeling']);
    fireEvent.click(screen.getByRole('button', { name: '+ Emotion lane' }));
    expect(controller.state.map.lanes[3].kind).toBe('emotion');
  });
});

describe('emotion lanes: scale, chart, persona, line', () => {
  const lane = (c: { state: { map: DraftMap } }, id: string) => c.state.map.lanes.find((l) => l.id === id)!;
  const scores = (c: { state: { map: DraftMap } }, id: string) =>
    Object.fromEntries(
      Object.entries(lane(c, id).cells as Record<string, { score: number }>).map(([k, v]) => [k, v.score]),
    );

  it('changes a scale keeping the scores’ meaning, and sets the words at its ends', () => {
    const { controller } = renderPanel(sampleDraft());
    fireEvent.click(tab(/Lanes/));
    const scale = screen.getByLabelText('Scale of lane 3') as HTMLSelectElement;
    expect(Array.from(scale.options).map((o) => o.textContent)).toEqual(['−2 to +2', '1 to 5', '1 to 7', '0 to 10']);
    fireEvent.change(scale, { target: { value: '1..5' } });
    expect(lane(controller, 'feel')).toMatchObject({ scale: { min: 1, max: 5 } });
    expect(scores(controller, 'feel')).toEqual({ discover: 4, buy: 1 });
    fireEvent.change(scale, { target: { value: '0..10' } });
    expect(scores(controller, 'feel')).toEqual({ discover: 7.5, buy: 0 });
    type(screen.getByLabelText('Low end word of lane 3'), 'Awful');
    type(screen.getByLabelText('High end word of lane 3'), 'Great');
    expect(lane(controller, 'feel')).toMatchObject({ scale: { min: 0, max: 10, low: 'Awful', high: 'Great' } });
    // The note stays with its score.
    expect((lane(controller, 'feel').cells as Record<string, unknown>).buy).toEqual({ score: 0, note: 'Annoyed' });
    // Back to −2..+2 with no words: no scale of its own.
    type(screen.getByLabelText('Low end word of lane 3'), '');
    type(screen.getByLabelText('High end word of lane 3'), '');
    fireEvent.change(scale, { target: { value: '-2..2' } });
    expect(lane(controller, 'feel')).not.toHaveProperty('scale');
    expect(scores(controller, 'feel')).toEqual({ discover: 1, buy: -2 });
    // A scale no preset has (from a file or an import) is shown as it is.
    act(() =>
      controller.edit((m) => ({
        ...m,
        lanes: m.lanes.map((l) => (l.id === 'feel' ? { ...l, scale: { min: 0, max: 5 }, cells: {} } : l)),
      })),
    );
    expect((screen.getByLabelText('Scale of lane 3') as HTMLSelectElement).selectedOptions[0].textContent).toBe(
      '0 to 5',
    );
  });

  it('draws a curve on another lane’s chart, on its scale; the chart’s scale change moves both', () => {
    const { controller } = renderPanel(sampleDraft());
    fireEvent.click(tab(/Lanes/));
    fireEvent.change(screen.getByLabelText('Scale of lane 3'), { target: { value: '1..5' } });
    fireEvent.click(screen.getByRole('button', { name: '+ Emotion lane' }));
    type(screen.getByLabelText('Lane 4 title'), 'To-be');
    act(() => controller.edit((m) => setCell(m, 'emotion', 'buy', { score: 2 })));
    const chart = screen.getByLabelText('Chart of lane 4') as HTMLSelectElement;
    expect(Array.from(chart.options).map((o) => o.textContent)).toEqual(['Its own', 'On “Feeling”']);
    fireEvent.change(chart, { target: { value: 'feel' } });
    // On Feeling's chart: Feeling's scale (its +2 is now 5), none of its own.
    expect(lane(controller, 'emotion')).toMatchObject({ overlay: 'feel', cells: { buy: { score: 5 } } });
    expect(lane(controller, 'emotion')).not.toHaveProperty('scale');
    expect(screen.queryByLabelText('Scale of lane 4')).toBeNull();
    expect(screen.getByText('On the scale of “Feeling”: 1 to 5.')).toBeTruthy();
    // Feeling carries a curve now: it cannot itself go onto another chart.
    const feelChart = screen.getByLabelText('Chart of lane 3') as HTMLSelectElement;
    expect(feelChart.disabled).toBe(true);
    expect(screen.getByText('“To-be” is drawn on this chart.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Scale of lane 3'), { target: { value: '0..10' } });
    expect(scores(controller, 'emotion')).toEqual({ buy: 10 });
    expect(scores(controller, 'feel')).toEqual({ discover: 7.5, buy: 0 });
    // Line and persona.
    fireEvent.change(screen.getByLabelText('Line of lane 4'), { target: { value: 'dashed' } });
    const persona = screen.getByLabelText('Persona of lane 4') as HTMLSelectElement;
    expect(Array.from(persona.options).map((o) => o.textContent)).toEqual(['None', 'Ana']);
    fireEvent.change(persona, { target: { value: 'ana' } });
    expect(lane(controller, 'emotion')).toMatchObject({ style: 'dashed', persona: 'ana' });
    const sent = controller.validate();
    expect(sent.issues).toEqual([]);
    expect(sent.map!.lanes[3]).toMatchObject({
      overlay: 'feel',
      style: 'dashed',
      persona: 'ana',
      cells: { buy: { score: 10 } },
    });
    fireEvent.change(screen.getByLabelText('Line of lane 4'), { target: { value: 'solid' } });
    expect(lane(controller, 'emotion')).not.toHaveProperty('style');
    // Back on a chart of its own, it keeps the scale it was drawn on.
    fireEvent.change(screen.getByLabelText('Chart of lane 4'), { target: { value: '' } });
    expect(lane(controller, 'emotion')).toMatchObject({ scale: { min: 0, max: 10 }, cells: { buy: { score: 10 } } });
    expect(lane(controller, 'emotion')).not.toHaveProperty('overlay');
  });

  it('a curve whose chart goes (lane removed or no longer emotion) gets its own, on that scale', () => {
    for (const how of ['remove', 'kind'] as const) {
      const draft = sampleDraft();
      draft.lanes[2] = { ...draft.lanes[2], scale: { min: 1, max: 7, low: 'Bad' } } as Lane;
      draft.lanes.push({ id: 'tobe', title: 'To-be', kind: 'emotion', overlay: 'feel', cells: { use: { score: 6 } } });
      const { controller } = renderPanel(draft);
      fireEvent.click(tab(/Lanes/));
      if (how === 'remove') fireEvent.click(screen.getByRole('button', { name: 'Remove lane 3' }));
      else fireEvent.change(screen.getByLabelText('Kind of lane 3'), { target: { value: 'text' } });
      expect(lane(controller, 'tobe')).toEqual({
        id: 'tobe',
        title: 'To-be',
        kind: 'emotion',
        scale: { min: 1, max: 7, low: 'Bad' },
        cells: { use: { score: 6 } },
      });
      expect(controller.validate().issues).toEqual([]);
      cleanup();
    }
  });

  it('offers only named personas; without any the select says where to add them', () => {
    const { controller } = renderPanel({ ...sampleDraft(), personas: [] });
    fireEvent.click(tab(/Lanes/));
    const persona = screen.getByLabelText('Persona of lane 3') as HTMLSelectElement;
    expect(persona.disabled).toBe(true);
    expect(screen.getByText('Add personas on the Personas tab.')).toBeTruthy();
    // A persona named but whose name field was not left yet gets its id when picked.
    act(() => controller.edit((m) => setPersona(addPersona(m), 0, 'name', 'Bo Li')));
    expect(persona.disabled).toBe(false);
    fireEvent.change(persona, { target: { value: 'bo-li' } });
    expect(controller.state.map.personas[0].id).toBe('bo-li');
    expect(lane(controller, 'feel')).toMatchObject({ persona: 'bo-li' });
  });
});

describe('the score of a stage, one row per curve, each on its curve’s scale', () => {
  function twoCharts(): DraftMap {
    const d = sampleDraft();
    d.lanes[2] = { ...d.lanes[2], scale: { min: 1, max: 5, low: 'Awful', high: 'Great' } } as Lane;
    (d.lanes[2].cells as Record<string, unknown>).buy = { score: 1.75, note: 'Annoyed' };
    d.lanes.push(
      { id: 'tobe', title: 'To-be', kind: 'emotion', overlay: 'feel', style: 'dashed', cells: {} },
      { id: 'nps', title: 'Score', kind: 'emotion', scale: { min: 0, max: 10 }, cells: { use: { score: 7 } } },
    );
    return d;
  }

  it('faces for each point of a short scale, named by its number and words; a select for 0–10', () => {
    const { controller } = renderPanel(twoCharts());
    fireEvent.click(tab(/Stages/));
    const feel = screen.getByRole('group', { name: 'Feeling, Buy' });
    expect(
      within(feel)
        .getAllByRole('radio')
        .map((r) => r.getAttribute('aria-label')),
    ).toEqual(['1 Awful', '2', '3', '4', '5 Great']);
    // 1.75 (read back from a dragged marker): 2 is shown as chosen, and the exact score beside it.
    expect((within(feel).getByRole('radio', { name: '2' }) as HTMLInputElement).checked).toBe(true);
    expect(within(feel).getByText('1.75')).toBeTruthy();
    fireEvent.click(within(feel).getByRole('radio', { name: '5 Great' }));
    expect(getCell(controller.state.map, 'feel', 'buy')).toEqual({ score: 5, note: 'Annoyed' });
    // The curve on Feeling's chart is on Feeling's scale.
    const tobe = screen.getByRole('group', { name: 'To-be, Buy' });
    fireEvent.click(within(tobe).getByRole('radio', { name: '4' }));
    expect(getCell(controller.state.map, 'tobe', 'buy')).toEqual({ score: 4 });
    // 0 to 10: a select.
    const nps = screen.getByRole('group', { name: 'Score, Use' });
    const select = within(nps).getByRole('combobox', { name: 'Score, Use, score' }) as HTMLSelectElement;
    expect(select.value).toBe('7');
    expect(select.options).toHaveLength(12);
    fireEvent.change(select, { target: { value: '10' } });
    expect(getCell(controller.state.map, 'nps', 'use')).toEqual({ score: 10 });
    fireEvent.change(select, { target: { value: '' } });
    expect(getCell(controller.state.map, 'nps', 'use')).toBeUndefined();
    expect(controller.validate().issues).toEqual([]);
  });

  it('the grid offers the same, and a scale change moves the faces and the score together', () => {
    const { controller } = renderPanel(twoCharts());
    fireEvent.click(tab(/Lanes/));
    fireEvent.change(screen.getByLabelText('Scale of lane 3'), { target: { value: '1..7' } });
    fireEvent.click(tab('Cells'));
    const feel = screen.getByRole('group', { name: 'Feeling, Buy' });
    expect(within(feel).getAllByRole('radio')).toHaveLength(7);
    // 1.75 on 1..5 is 2.125 on 1..7, on a quarter step: 2.25.
    expect(getCell(controller.state.map, 'feel', 'buy')).toEqual({ score: 2.25, note: 'Annoyed' });
    fireEvent.click(within(screen.getByRole('group', { name: 'To-be, Use' })).getByRole('radio', { name: '7 Great' }));
    expect(getCell(controller.state.map, 'tobe', 'use')).toEqual({ score: 7 });
  });
});

describe('cells grid', () => {
  it('edits text cells and card cells one line per card', () => {
    const { controller } = renderPanel(sampleDraft());
    fireEvent.click(tab('Cells'));
    type(screen.getByLabelText('Actions, Buy'), 'Pays\nwith card');
    type(screen.getByLabelText('Pains, Use'), 'Manual\nMissing size');
    expect(controller.state.map.lanes[0].cells).toMatchObject({ buy: 'Pays\nwith card' });
    expect(controller.state.map.lanes[1].cells).toMatchObject({ use: ['Manual', 'Missing size'] });
    expect((screen.getByLabelText('Pains, Buy') as HTMLTextAreaElement).value).toBe('Slow checkout\nFees');
    const v = controller.validate();
    expect(v.map?.lanes[1].cells).toEqual({ buy: ['Slow checkout', 'Fees'], use: ['Manual', 'Missing size'] });
  });

  it('sets emotion in the grid too', () => {
    const { controller } = renderPanel(sampleDraft());
    fireEvent.click(tab('Cells'));
    const group = screen.getByRole('group', { name: 'Feeling, Use' });
    fireEvent.click(within(group).getByRole('radio', { name: '0 neutral' }));
    expect(controller.state.map.lanes[2].cells).toMatchObject({ use: { score: 0 } });
  });

  it('moves focus between cells with Alt+Arrow keys and documents it', () => {
    renderPanel(sampleDraft());
    fireEvent.click(tab('Cells'));
    expect(screen.getByText(/arrow keys move between cells/)).toBeTruthy();
    const start = screen.getByLabelText('Actions, Discover');
    start.focus();
    fireEvent.keyDown(start, { key: 'ArrowRight', altKey: true });
    expect(document.activeElement).toBe(screen.getByLabelText('Actions, Buy'));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown', altKey: true });
    expect(document.activeElement).toBe(screen.getByLabelText('Pains, Buy'));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown', altKey: true });
    // Emotion row: the checked face of that stage gets focus.
    expect(document.activeElement).toBe(
      within(screen.getByRole('group', { name: 'Feeling, Buy' })).getByRole('radio', { name: '−2 very negative' }),
    );
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp', altKey: true });
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft', altKey: true });
    expect(document.activeElement).toBe(screen.getByLabelText('Pains, Discover'));
    // A plain arrow key is left to the textarea.
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(screen.getByLabelText('Pains, Discover'));
  });
});

describe('undo / redo', () => {
  it('Ctrl+Z undoes a removed stage and Shift+Ctrl+Z redoes it', () => {
    const { controller } = renderPanel(sampleDraft());
    fireEvent.click(tab(/Stages/));
    fireEvent.click(screen.getByRole('button', { name: 'Remove stage 1' }));
    act(() => controller.flush());
    expect(controller.state.map.stages).toHaveLength(2);
    fireEvent.keyDown(document, { key: 'z', ctrlKey: true });
    expect(controller.state.map.stages.map((s) => s.id)).toEqual(['discover', 'buy', 'use']);
    fireEvent.keyDown(document, { key: 'Z', ctrlKey: true, shiftKey: true });
    expect(controller.state.map.stages.map((s) => s.id)).toEqual(['buy', 'use']);
  });
});
