// @vitest-environment jsdom
// The Data tab keeps the designer's paste and the last import message across tab switches (they
// live in the panel's state, not the tab's), names itself by the tab's own label, and counts in
// words that agree with the number.
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen } from '@testing-library/preact';
import { renderPanel, sampleDraft, tab } from './helpers';

afterEach(cleanup);

const pasteBox = () => screen.getByLabelText(/Paste a map/) as HTMLTextAreaElement;
const importButton = () => screen.getByRole('button', { name: 'Import pasted text' });
const away = () => {
  fireEvent.click(tab(/^Cells/));
  expect(screen.queryByLabelText(/Paste a map/)).toBeNull();
  fireEvent.click(tab(/^Data/));
};

describe('the Data tab keeps the draft of an import', () => {
  it('a pasted text that was not imported yet is still there after visiting another tab', () => {
    renderPanel(sampleDraft());
    fireEvent.click(tab(/^Data/));
    fireEvent.input(pasteBox(), { target: { value: 'Stage\tA\tB\nActions\tx\t' } });
    away();
    expect(pasteBox().value).toBe('Stage\tA\tB\nActions\tx\t');
  });

  it('an import error and the text it is about stay until something else happens', () => {
    const { controller } = renderPanel(sampleDraft());
    const text = 'T\tA\tB\nMood (1-5)\t2\t9\n';
    fireEvent.click(tab(/^Data/));
    fireEvent.input(pasteBox(), { target: { value: text } });
    fireEvent.click(importButton());
    const error = screen.getByRole('alert').textContent;
    expect(error).toMatch(/row 2, column C: score must be between 1 and 5/);
    away();
    expect(pasteBox().value).toBe(text);
    expect(screen.getByRole('alert').textContent).toBe(error);
    // A later action sets the footer's status: the error, about an earlier attempt, goes (as before).
    act(() => controller.setStatus({ tone: 'info', text: 'Creating map…' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('what an import read (with its notes) is still said after visiting another tab', () => {
    renderPanel(sampleDraft());
    fireEvent.click(tab(/^Data/));
    fireEvent.input(pasteBox(), { target: { value: 'Stage\tDoing\tMood\nBook\tCalls\t2\nVisit\tWaits\t1\n' } });
    fireEvent.click(importButton());
    const said = () => document.querySelector('.msg')?.textContent;
    const before = said();
    expect(before).toMatch(/^Imported table: 2 stages, 2 lanes\.Read one stage per row/);
    away();
    expect(said()).toBe(before);
  });
});

describe('import wording', () => {
  it('the footer sends the designer to the tab by the name the tab shows', () => {
    const { controller } = renderPanel(sampleDraft());
    fireEvent.click(tab(/^Data/));
    fireEvent.input(pasteBox(), { target: { value: 'Stage\tDoing\tMood\nBook\tCalls\t2\nVisit\tWaits\t1\n' } });
    fireEvent.click(importButton());
    const label = tab(/^Data/).textContent;
    expect(label).toBe('Data');
    expect(controller.state.status?.text).toContain(`Check the emotion scale (${label} tab).`);
  });

  it('one stage and one lane are counted in the singular', () => {
    renderPanel(sampleDraft());
    fireEvent.click(tab(/^Data/));
    fireEvent.input(pasteBox(), { target: { value: 'Trip\tGo\nActions\tDrives\n' } });
    fireEvent.click(importButton());
    expect(document.querySelector('.msg')?.textContent).toMatch(/^Imported table: 1 stage, 1 lane\./);
  });
});
