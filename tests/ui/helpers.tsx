/** Render the panel in jsdom with a recording `send` that validates every message. */
import { render, screen, act } from '@testing-library/preact';
import { UiToPluginSchema, type PluginToUi, type UiToPlugin } from '../../src/protocol';
import { App } from '../../ui/components/App';
import { PanelController } from '../../ui/controller';
import type { DraftMap } from '../../ui/draft';

export function renderPanel(initial?: DraftMap) {
  const sent: UiToPlugin[] = [];
  const controller = new PanelController({
    initial,
    send: (msg) => {
      // Same check the real bridge does: an invalid message fails the test here.
      sent.push(UiToPluginSchema.parse(msg));
    },
  });
  const utils = render(<App controller={controller} />);
  controller.start();
  const last = <T extends UiToPlugin['type']>(type: T) =>
    [...sent].reverse().find((m) => m.type === type) as Extract<UiToPlugin, { type: T }> | undefined;
  const receive = (msg: PluginToUi) => act(() => controller.handle(msg));
  return { ...utils, controller, sent, last, receive };
}

export const tab = (name: RegExp | string) => screen.getByRole('tab', { name });

export function sampleDraft(): DraftMap {
  return {
    title: 'Sample',
    personas: [
      { id: 'ana', name: 'Ana', role: 'Shopper', quote: '', description: '', goals: ['Buy fast'], frustrations: [] },
    ],
    stages: [
      { id: 'discover', name: 'Discover' },
      { id: 'buy', name: 'Buy', phase: 'During' },
      { id: 'use', name: 'Use' },
    ],
    lanes: [
      { id: 'actions', title: 'Actions', kind: 'text', cells: { discover: 'Searches' } },
      { id: 'pains', title: 'Pains', kind: 'cards', tone: 'negative', cells: { buy: ['Slow checkout', 'Fees'] } },
      {
        id: 'feel',
        title: 'Feeling',
        kind: 'emotion',
        cells: { discover: { score: 1 }, buy: { score: -2, note: 'Annoyed' } },
      },
    ],
  };
}
