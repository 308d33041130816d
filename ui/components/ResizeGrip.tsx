/**
 * Bottom-right grip: drag (or focus and use arrow keys) to resize the plugin
 * window. Figma owns the window, so we only ask the sandbox with `resize`.
 */
import { useRef } from 'preact/hooks';
import type { UiToPlugin } from '../../src/protocol';

const MIN = 320;
const MAX = 1600;
const clamp = (n: number) => Math.round(Math.min(MAX, Math.max(MIN, n)));

export function ResizeGrip({ send }: { send: (m: UiToPlugin) => void }) {
  const dragging = useRef(false);
  const resize = (w: number, h: number) => send({ type: 'resize', width: clamp(w), height: clamp(h) });
  return (
    <div
      class="grip"
      role="button"
      tabIndex={0}
      aria-label="Resize panel (arrow keys)"
      title="Drag to resize"
      onPointerDown={(e) => {
        dragging.current = true;
        e.currentTarget.setPointerCapture(e.pointerId);
      }}
      onPointerMove={(e) => {
        if (dragging.current) resize(e.clientX + 6, e.clientY + 6);
      }}
      onPointerUp={(e) => {
        dragging.current = false;
        e.currentTarget.releasePointerCapture(e.pointerId);
      }}
      onKeyDown={(e) => {
        const step = e.shiftKey ? 64 : 16;
        const d = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] }[e.key];
        if (!d) return;
        e.preventDefault();
        resize(window.innerWidth + d[0], window.innerHeight + d[1]);
      }}
    >
      <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
        <path d="M11 5 5 11M11 8 8 11" stroke="currentColor" stroke-width="1" fill="none" />
      </svg>
    </div>
  );
}
