/**
 * Always visible: result of the last action (with its warnings in full), a standing notice (the
 * draft could not be saved), issue summary, conflict choices, canvas buttons.
 */
import { fieldLabel, type MapIssue } from '../../src/model';
import { usePanel, useSlice } from '../hooks';
import { shallowArrayEq } from '../store';
import { tabForPath } from '../state';

const SHOWN = 8;
const NO_LABELS: string[] = [];

/** Focus the field an issue points at, switching tab first. */
function goTo(panel: ReturnType<typeof usePanel>, path: string) {
  const tab = tabForPath(path);
  if (tab) panel.setTab(tab);
  setTimeout(() => {
    let p = path;
    // Walk up the path until a field claims it: `lanes[1].cells.a[3]` → the cell `lanes[1].cells.a`.
    while (p) {
      const el = document.querySelector<HTMLElement>(`[data-path="${p.replace(/["\\]/g, '\\$&')}"]`);
      if (el) {
        (el.matches('input, textarea, select')
          ? el
          : (el.querySelector<HTMLElement>('input, textarea, select') ?? el)
        ).focus();
        return;
      }
      const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      p = cut > 0 ? p.slice(0, cut) : '';
    }
  }, 0);
}

export function Footer() {
  const panel = usePanel();
  const status = useSlice((s) => s.status);
  const notice = useSlice((s) => s.notice);
  const issues = useSlice((s) => s.issues);
  // Each issue's field as the panel labels it ("Stage 2 name"), with the lane and stage names of the draft.
  const labels = useSlice(
    (s) => (s.issues.length ? s.issues.slice(0, SHOWN).map((i: MapIssue) => fieldLabel(i.path, s.map)) : NO_LABELS),
    shallowArrayEq,
  );
  const conflict = useSlice((s) => s.conflict);
  const hasTarget = useSlice((s) => s.target !== null || s.selection.length === 1);
  const editing = useSlice((s) => s.target !== null);
  const figjam = useSlice((s) => s.editor === 'figjam');
  return (
    <footer class="footer">
      {status && (
        <div class={`status ${status.tone}`} role={status.tone === 'error' ? 'alert' : 'status'}>
          <p>{status.text}</p>
          {status.progress && (
            <progress
              class="status-progress"
              max={status.progress.total}
              value={status.progress.done}
              aria-label="Layers drawn"
            />
          )}
          {status.details && status.details.length > 0 && (
            <ul class="status-details">
              {status.details.map((d, k) => (
                <li key={k}>{d}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {notice && (
        <div class={`notice ${notice.tone}`} role="status" aria-label="Notice">
          <p>{notice.text}</p>
          <button type="button" class="btn-link" onClick={() => panel.dismissNotice()}>
            Dismiss
          </button>
        </div>
      )}
      {issues.length > 0 && (
        <div class="summary" role="region" aria-label="Problems">
          <ul>
            {issues.slice(0, SHOWN).map((i, k) => (
              <li key={k}>
                <button type="button" class="btn-link" onClick={() => goTo(panel, i.path)}>
                  {i.path && labels[k] ? `${labels[k]}: ` : ''}
                  {i.message}
                  {/* The path too, for people who fix the JSON file rather than the panel. */}
                  {i.path && labels[k] !== i.path ? (
                    <>
                      {' '}
                      <code>{i.path}</code>
                    </>
                  ) : null}
                </button>
              </li>
            ))}
            {issues.length > SHOWN && <li>…and {issues.length - SHOWN} more</li>}
          </ul>
        </div>
      )}
      {conflict && (
        <div class="conflict" role="group" aria-label="Conflict" aria-describedby="conflict-help">
          <div class="btn-row">
            <button type="button" class="btn primary-outline" onClick={() => panel.read()}>
              Reload from canvas
            </button>
            <button type="button" class="btn danger" onClick={() => panel.update(true)}>
              Overwrite
            </button>
          </div>
          <p id="conflict-help" class="conflict-help">
            Reload brings the canvas changes into this panel and keeps your edits. Overwrite puts this panel’s map on
            the canvas: the canvas changes are lost.
          </p>
        </div>
      )}
      {figjam && (
        <p class="editor-note" role="note">
          FigJam: the map is a workshop board. Cards are stickies; Read back turns the stickies in each cell into its
          cards.
        </p>
      )}
      <div class="btn-row actions">
        {/* Working on a map already on the canvas: Update is the main action, and Create (a second map) is not. */}
        <button type="button" class={editing ? 'btn' : 'btn primary'} onClick={() => panel.create()}>
          Create map
        </button>
        <button
          type="button"
          class={editing ? 'btn primary' : 'btn'}
          disabled={!hasTarget}
          onClick={() => panel.update()}
        >
          Update selected map
        </button>
        <button type="button" class="btn" disabled={!hasTarget} onClick={() => panel.read()}>
          Read back
        </button>
      </div>
    </footer>
  );
}
