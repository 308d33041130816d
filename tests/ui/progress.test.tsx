// @vitest-environment jsdom
/**
 * Long work shows progress (issue #11): while a create or update runs, the sandbox's
 * progress messages turn the status into "Creating map… 1,200 of 4,680 layers" with a
 * progress bar; the reply replaces it; a late progress message after the reply is ignored.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, screen } from '@testing-library/preact';
import { renderPanel, sampleDraft } from './helpers';

afterEach(() => cleanup());

describe('progress of a long create or update', () => {
  it('shows layers drawn of layers needed as text and a bar, then the result', () => {
    const { last, receive } = renderPanel(sampleDraft());
    act(() => screen.getByRole('button', { name: 'Create map' }).click());
    const create = last('create')!;
    receive({ type: 'progress', requestId: create.requestId, done: 1200, total: 4680 });
    expect(screen.getByText('Creating map… 1,200 of 4,680 layers')).toBeTruthy();
    const bar = screen.getByRole('progressbar', { name: 'Layers drawn' }) as HTMLProgressElement;
    expect([bar.value, bar.max]).toEqual([1200, 4680]);
    receive({ type: 'progress', requestId: create.requestId, done: 3900, total: 4680 });
    expect((screen.getByRole('progressbar') as HTMLProgressElement).value).toBe(3900);
    receive({ type: 'created', nodeId: '1:2', canvas: 'c1', map: create.map, revision: 1 });
    expect(screen.queryByRole('progressbar')).toBeNull();
    // A progress message that arrives after the reply changes nothing.
    receive({ type: 'progress', requestId: create.requestId, done: 4680, total: 4680 });
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByText('Map created on the canvas.')).toBeTruthy();
  });
});
