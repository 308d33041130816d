// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { serialiseMap } from '../../src/model';
import { norm } from '../support/maps';
import { toMapInput } from '../../ui/draft';
import { renderPanel, sampleDraft, tab } from './helpers';

afterEach(cleanup);

const paste = (text: string) => {
  fireEvent.click(tab(/^Data/));
  fireEvent.input(screen.getByLabelText(/Paste a map/), { target: { value: text } });
  fireEvent.click(screen.getByRole('button', { name: 'Import pasted text' }));
};

function canonical(): string {
  return serialiseMap(norm({ ...toMapInput(sampleDraft()), meta: { source: 'test', n: [1, 2] } }));
}

describe('JSON import and export', () => {
  it('JSON → panel → JSON is identical (meta kept)', async () => {
    const { controller } = renderPanel();
    const json = canonical();
    paste(json);
    expect(
      screen.getAllByRole('status').some((s) => /Imported JSON: 3 stages, 3 lanes/.test(s.textContent ?? '')),
    ).toBe(true);
    expect(controller.state.map.title).toBe('Sample');
    fireEvent.click(screen.getByRole('button', { name: 'Copy JSON' }));
    await waitFor(() => expect((screen.getByLabelText('Exported text') as HTMLTextAreaElement).value).toBe(json));
  });

  it('broken JSON shows a clear message and leaves the map untouched', () => {
    const { controller } = renderPanel(sampleDraft());
    const before = controller.state.map;
    paste('{"title": "x", "stages": [');
    expect(screen.getByRole('alert').textContent).toMatch(
      /could not be imported \(your map is unchanged\):line 1, column 27: not valid JSON: expected a value, found the end of the text/,
    );
    expect(controller.state.map).toBe(before);
  });

  it('valid JSON that breaks the format names the place', () => {
    const { controller } = renderPanel(sampleDraft());
    const before = controller.state.map;
    paste('{"title": "x", "stages": [{"name": ""}]}');
    // Named as the panel labels the field, with the path for people who fix the file.
    expect(screen.getByRole('alert').textContent).toMatch(/Stage 1 name \(stages\[0\]\.name\): must not be empty/);
    expect(controller.state.map).toBe(before);
  });

  it('opening a .json file imports it', async () => {
    const { controller } = renderPanel();
    fireEvent.click(tab(/^Data/));
    const input = screen.getByLabelText('Open a file…') as HTMLInputElement;
    const file = new File([canonical()], 'map.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    fireEvent.change(input);
    await waitFor(() => expect(controller.state.map.title).toBe('Sample'));
    expect(controller.state.map.meta).toEqual({ source: 'test', n: [1, 2] });
  });

  it('export refuses an invalid map and shows why', () => {
    const { controller } = renderPanel({ ...sampleDraft(), title: '' });
    fireEvent.click(tab(/^Data/));
    fireEvent.click(screen.getByRole('button', { name: 'Copy JSON' }));
    expect(screen.getAllByRole('alert').some((a) => /fix them to export/.test(a.textContent ?? ''))).toBe(true);
    expect(controller.state.issues[0]).toEqual({ path: 'title', message: 'must not be empty' });
    expect(screen.queryByLabelText('Exported text')).toBeNull();
  });

  it('import is one undo step', () => {
    const { controller } = renderPanel(sampleDraft());
    paste(canonical().replace('"Sample"', '"Other"'));
    expect(controller.state.map.title).toBe('Other');
    fireEvent.keyDown(document, { key: 'z', metaKey: true });
    expect(controller.state.map.title).toBe('Sample');
  });
});
