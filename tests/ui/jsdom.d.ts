// Minimal types for the part of jsdom bench/panel.bench.ts uses (@types/jsdom is not installed).
declare module 'jsdom' {
  export class JSDOM {
    constructor(html?: string, options?: { pretendToBeVisual?: boolean; url?: string });
    readonly window: Window & typeof globalThis & { close(): void };
  }
}
