/**
 * One fresh strict fake per test, so no test sees another's loaded fonts,
 * nodes or counters. Not a test file itself (vitest only runs *.test.ts).
 */
import { afterEach, beforeEach } from 'vitest';
import { installFakeFigma, uninstallFakeFigma, type FakeFigma, type FakeOptions } from '../support/figma-fake';

export interface FakeContext {
  readonly fake: FakeFigma;
  readonly figma: PluginAPI;
  /** Replace the fake for this test, e.g. with a different font list. */
  reinstall(options: FakeOptions): void;
}

export function useFake(options: FakeOptions = {}): FakeContext {
  let fake: FakeFigma | undefined;
  beforeEach(() => {
    fake = installFakeFigma(options);
  });
  afterEach(() => uninstallFakeFigma());
  return {
    get fake() {
      return fake!;
    },
    get figma() {
      return fake!.figma;
    },
    reinstall(opts) {
      uninstallFakeFigma();
      fake = installFakeFigma(opts);
    },
  };
}

export const INTER = { family: 'Inter', style: 'Regular' } as const;
export const INTER_BOLD = { family: 'Inter', style: 'Bold' } as const;
export const INTER_ITALIC = { family: 'Inter', style: 'Italic' } as const;
export const ROBOTO = { family: 'Roboto', style: 'Regular' } as const;
