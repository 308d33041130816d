// @vitest-environment jsdom
/**
 * Issue 15: the panel's Theme section edits the map's theme; it travels with the map to Create. The
 * font picker filters the families the sandbox sends (`fonts`, asked for with `list-fonts`), by
 * keyboard or mouse; the preview shows the palette light and dark.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { renderPanel, sampleDraft, tab } from './helpers';
import { paletteFor } from '../../src/layout/palette';

afterEach(cleanup);

const type = (el: HTMLElement, value: string) => fireEvent.input(el, { target: { value } });

describe('Theme section', () => {
  it('sets a preset, an accent and a font family, and leaves out what is cleared', () => {
    const { controller } = renderPanel(sampleDraft());
    fireEvent.click(tab(/Stages/));
    fireEvent.change(screen.getByLabelText('Preset'), { target: { value: 'warm' } });
    type(screen.getByLabelText('Accent colour'), '#c2410c');
    type(screen.getByLabelText('Font family'), 'Georgia');
    expect(controller.state.map.theme).toEqual({ preset: 'warm', accent: '#c2410c', font: 'Georgia' });
    // Normalised as the sandbox will draw it.
    expect(controller.validate().map?.theme).toEqual({ preset: 'warm', font: 'Georgia', accent: '#C2410C' });
    // The colour picker writes the same field.
    fireEvent.input(screen.getByLabelText('Pick the accent colour'), { target: { value: '#0038b8' } });
    expect(controller.state.map.theme?.accent).toBe('#0038B8');
    expect((screen.getByLabelText('Accent colour') as HTMLInputElement).value).toBe('#0038B8');
    // Cleared, each part goes; with nothing left, so does the theme.
    fireEvent.change(screen.getByLabelText('Preset'), { target: { value: '' } });
    type(screen.getByLabelText('Accent colour'), '');
    type(screen.getByLabelText('Font family'), '');
    expect(controller.state.map).not.toHaveProperty('theme');
  });

  it("the colour picker starts from the accent the map is drawn with: the preset's", () => {
    renderPanel(sampleDraft());
    fireEvent.click(tab(/Stages/));
    const picker = () => (screen.getByLabelText('Pick the accent colour') as HTMLInputElement).value;
    expect(picker()).toBe('#6938ef');
    fireEvent.change(screen.getByLabelText('Preset'), { target: { value: 'warm' } });
    expect(picker()).toBe('#c2410c');
    type(screen.getByLabelText('Accent colour'), '#0038B8');
    expect(picker()).toBe('#0038b8');
  });

  it('reports a colour that is not #RRGGBB at its path, theme.accent', () => {
    const { controller } = renderPanel(sampleDraft());
    fireEvent.click(tab(/Stages/));
    type(screen.getByLabelText('Accent colour'), 'red');
    const issues = controller.validate().issues;
    expect(issues).toContainEqual({ path: 'theme.accent', message: 'must be a colour written #RRGGBB' });
  });

  it('sends the theme with Create', () => {
    const { last } = renderPanel(sampleDraft());
    fireEvent.click(tab(/Stages/));
    fireEvent.change(screen.getByLabelText('Preset'), { target: { value: 'contrast' } });
    fireEvent.click(screen.getByRole('button', { name: /Create map/ }));
    expect((last('create')?.map as { theme?: unknown }).theme).toEqual({ preset: 'contrast' });
  });
});

describe('font picker', () => {
  const FAMILIES = ['Georgia', 'Inter', 'Inter Display', 'Noto Sans', 'Noto Serif', 'Source Sans 3', 'Work Sans'];
  const open = () => {
    const r = renderPanel(sampleDraft());
    fireEvent.click(tab(/Stages/));
    return r;
  };
  const input = () => screen.getByRole('combobox', { name: 'Font family' }) as HTMLInputElement;
  const options = () => [...document.querySelectorAll('#theme-font-list [role="option"]')].map((o) => o.textContent);

  it('asks the sandbox for the families once, when the Theme section opens', () => {
    const { sent } = open();
    expect(sent.filter((m) => m.type === 'list-fonts')).toHaveLength(1);
    fireEvent.click(tab(/Personas/));
    fireEvent.click(tab(/Stages/));
    expect(sent.filter((m) => m.type === 'list-fonts')).toHaveLength(1);
  });

  it('filters the families as one types: the name, then names starting with it, then words, then anywhere', () => {
    const { receive, controller } = open();
    receive({ type: 'fonts', families: FAMILIES });
    type(input(), 'sans');
    expect(options()).toEqual(['Noto Sans', 'Source Sans 3', 'Work Sans']);
    expect(input().getAttribute('aria-expanded')).toBe('true');
    type(input(), 'inter');
    expect(options()).toEqual(['Inter', 'Inter Display']);
    // What is typed is the theme's font, whether or not it is in the list.
    expect(controller.state.map.theme?.font).toBe('inter');
    type(input(), 'xyz');
    expect(options()).toEqual([]);
    expect(input().getAttribute('aria-expanded')).toBe('false');
    expect(screen.getByText(/Not among this file's 7 fonts: the map would use Inter/)).toBeTruthy();
  });

  it('is used with the keyboard: ↓/↑ move through the list, Enter takes a family, Escape closes it', () => {
    const { receive, controller } = open();
    receive({ type: 'fonts', families: FAMILIES });
    input().focus();
    fireEvent.keyDown(input(), { key: 'ArrowDown' });
    expect(options()).toEqual(FAMILIES);
    const active = () => input().getAttribute('aria-activedescendant');
    expect(document.getElementById(active()!)?.textContent).toBe('Georgia');
    fireEvent.keyDown(input(), { key: 'ArrowDown' });
    fireEvent.keyDown(input(), { key: 'ArrowDown' });
    fireEvent.keyDown(input(), { key: 'ArrowUp' });
    expect(document.getElementById(active()!)?.textContent).toBe('Inter');
    expect(document.getElementById(active()!)?.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(input(), { key: 'Enter' });
    expect(controller.state.map.theme?.font).toBe('Inter');
    expect(options()).toEqual([]);
    // Typing opens it again, Escape closes it and leaves the text.
    type(input(), 'Noto');
    expect(options()).toEqual(['Noto Sans', 'Noto Serif']);
    fireEvent.keyDown(input(), { key: 'Escape' });
    expect(options()).toEqual([]);
    expect(input().value).toBe('Noto');
    expect(input().hasAttribute('aria-activedescendant')).toBe(false);
  });

  it('takes a family clicked in the list, and names no problem for a family Figma has', () => {
    const { receive, controller } = open();
    receive({ type: 'fonts', families: FAMILIES });
    type(input(), 'ser');
    fireEvent.mouseDown(screen.getByRole('option', { name: 'Noto Serif' }));
    expect(controller.state.map.theme?.font).toBe('Noto Serif');
    expect(input().value).toBe('Noto Serif');
    expect(screen.queryByText(/Not among this file's/)).toBeNull();
  });

  it('stays open when its scroll bar is dragged: a mouse down on the list keeps the focus in the field', () => {
    const { receive } = open();
    receive({ type: 'fonts', families: FAMILIES });
    input().focus();
    fireEvent.keyDown(input(), { key: 'ArrowDown' });
    const list = screen.getByRole('listbox', { name: 'Font families' });
    // fireEvent gives false when the default was prevented: in a browser that default moves the focus
    // off the field, whose blur closes the list.
    expect(fireEvent.mouseDown(list)).toBe(false);
    expect(options()).toEqual(FAMILIES);
  });

  it('shows at most 60 families and says how many more match', () => {
    const { receive } = open();
    receive({ type: 'fonts', families: Array.from({ length: 200 }, (_, i) => `Family ${String(i).padStart(3, '0')}`) });
    type(input(), 'family');
    expect(options()).toHaveLength(60);
    expect(screen.getByText(/60 of 200 shown: type to narrow/)).toBeTruthy();
  });
});

describe('theme preview', () => {
  const swatches = (scheme: 'Light' | 'Dark') =>
    [...screen.getByRole('list', { name: `${scheme} colours` }).querySelectorAll('li')].map((li) =>
      li.getAttribute('title'),
    );

  it('shows each role, light and dark, as the map draws it, and follows the theme as it changes', () => {
    open();
    const light = swatches('Light');
    expect(light).toHaveLength(11);
    expect(light[0]).toBe('Surface #FFFFFF');
    expect(swatches('Dark')[0]).toBe(`Surface ${paletteFor(undefined, 'dark').colors.mapBackground}`);
    fireEvent.change(screen.getByLabelText('Preset'), { target: { value: 'warm' } });
    expect(swatches('Light')[0]).toBe(`Surface ${paletteFor({ preset: 'warm' }).colors.mapBackground}`);
    expect(swatches('Dark')[3]).toBe(`Accent ${paletteFor({ preset: 'warm' }, 'dark').colors.personaAccent}`);
    // A colour half typed is left out until it is one.
    type(screen.getByLabelText('Accent colour'), '#0038');
    expect(swatches('Light')[3]).toBe(`Accent ${paletteFor({ preset: 'warm' }).colors.personaAccent}`);
    type(screen.getByLabelText('Accent colour'), '#0038b8');
    expect(swatches('Light')[3]).toBe('Accent #0038B8');
  });

  it('draws the sample in the chosen font, with Inter after it', () => {
    open();
    type(screen.getByLabelText('Font family'), 'Georgia');
    const samples = screen.getByRole('group', { name: 'Theme preview' }).querySelectorAll('figure');
    expect(samples).toHaveLength(2);
    for (const f of samples) expect((f as HTMLElement).style.fontFamily).toContain('Georgia');
    expect(screen.getAllByText('Stage')).toHaveLength(2);
  });

  function open() {
    renderPanel(sampleDraft());
    fireEvent.click(tab(/Stages/));
  }
});
