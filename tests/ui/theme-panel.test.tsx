// @vitest-environment jsdom
/** Issue 15: the panel's Theme section edits the map's theme; it travels with the map to Create. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { renderPanel, sampleDraft, tab } from './helpers';

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
