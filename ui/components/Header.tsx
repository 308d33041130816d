/** Always visible: map title, where to start from (template or canvas selection), undo/redo. */
import { useState } from 'preact/hooks';
import { LIMITS } from '../../src/model';
import { setTitle } from '../edit';
import { usePanel, useSlice } from '../hooks';
import { TEMPLATES } from '../templates';
import { Field } from './fields';

export function Header() {
  const panel = usePanel();
  const title = useSlice((s) => s.map.title);
  const selection = useSlice((s) => s.selection);
  const canUndo = useSlice((s) => s.canUndo);
  const canRedo = useSlice((s) => s.canRedo);
  const [template, setTemplate] = useState(TEMPLATES[0].id);
  const [picked, setPicked] = useState<string | null>(null);
  const chosen = selection.find((m) => m.nodeId === picked) ?? selection[0];
  return (
    <header class="header">
      <div class="start">
        <label for="template" class="inline-label">
          Start from
        </label>
        <select id="template" class="grow" value={template} onChange={(e) => setTemplate(e.currentTarget.value)}>
          {TEMPLATES.map((t) => (
            <option key={t.id} value={t.id}>
              {t.label}
            </option>
          ))}
        </select>
        <button
          type="button"
          class="btn"
          onClick={() => {
            const t = TEMPLATES.find((x) => x.id === template) ?? TEMPLATES[0];
            panel.replace(t.make(), {
              target: null,
              status: { tone: 'info', text: `Started a new map from “${t.label}”. Undo with Ctrl+Z.` },
            });
          }}
        >
          New map
        </button>
        <div class="undo">
          <button
            type="button"
            class="icon-btn"
            aria-label="Undo"
            title="Undo (Ctrl/Cmd+Z)"
            disabled={!canUndo}
            onClick={() => panel.undo()}
          >
            <span aria-hidden="true">↶</span>
          </button>
          <button
            type="button"
            class="icon-btn"
            aria-label="Redo"
            title="Redo (Shift+Ctrl/Cmd+Z)"
            disabled={!canRedo}
            onClick={() => panel.redo()}
          >
            <span aria-hidden="true">↷</span>
          </button>
        </div>
      </div>
      {/* Only offered while a journey map is selected on the canvas. */}
      {chosen && (
        <div class="start">
          {selection.length > 1 && (
            <select
              id="selected-map"
              class="grow"
              aria-label="Selected map"
              value={chosen.nodeId}
              onChange={(e) => setPicked(e.currentTarget.value)}
            >
              {selection.map((m) => (
                <option key={m.nodeId} value={m.nodeId}>
                  {m.title}
                </option>
              ))}
            </select>
          )}
          <button type="button" class="btn grow-btn" onClick={() => panel.read(chosen.nodeId)}>
            {selection.length === 1 ? `Load selected map “${chosen.title}”` : 'Load selected map'}
          </button>
        </div>
      )}
      <Field
        class="title-field"
        label="Map title"
        path="title"
        value={title}
        maxLength={LIMITS.shortText}
        onValue={(v) => panel.edit((m) => setTitle(m, v))}
      />
    </header>
  );
}
