// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { renderPanel } from './helpers';
import { TEMPLATE_LIST } from '../../src/templates';
import { norm } from '../support/maps';

afterEach(cleanup);

describe('templates', () => {
  it('offers a blank map and every bundled example', () => {
    renderPanel();
    const select = screen.getByLabelText('Start from') as HTMLSelectElement;
    const labels = Array.from(select.options).map((o) => o.textContent);
    expect(labels).toEqual(['Blank map', ...TEMPLATE_LIST.map((t) => t.name)]);
  });

  it('starts a new map from a template, and Create sends exactly that map', () => {
    const { controller, last } = renderPanel();
    const select = screen.getByLabelText('Start from') as HTMLSelectElement;
    fireEvent.change(select, { target: { value: 'hospital-visit' } });
    fireEvent.click(screen.getByRole('button', { name: 'New map' }));
    fireEvent.click(screen.getByRole('button', { name: 'Create map' }));
    controller.flush();
    const a = norm(last('create')?.map);
    const b = norm(TEMPLATE_LIST.find((t) => t.id === 'hospital-visit')!.map);
    expect(a.title).toBe(b.title);
    expect(a.stages).toEqual(b.stages);
    expect(a.lanes).toEqual(b.lanes);
    expect(a.personas).toEqual(b.personas);
    expect(a.objective).toEqual(b.objective);
  });
});
