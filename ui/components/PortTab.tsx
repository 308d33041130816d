/** Import (paste or open a file) and export (copy or download) of the current map. */
import { useState } from 'preact/hooks';
import { describeIssue } from '../../src/model';
import { draftFromMap } from '../draft';
import { usePanel, useSlice } from '../hooks';
import { copyText, downloadText, EXPORTS, FORMAT_NAMES, importText, slugFile, type ExportFormat } from '../io';
import { exportLosses, plural } from '../formats/losses';
import { TAB_LABELS, type Status } from '../state';
import './port.css';

type Message = Pick<Status, 'tone' | 'text' | 'details'>;

/** An error is shown while the panel's status is the one it came with (see useTiedMessage). */
const tied = (held: { msg: Message; status: Status | null } | null, status: Status | null) =>
  held && (held.msg.tone !== 'error' || held.status === status) ? held.msg : null;

/**
 * A message of this tab. An error is shown while the panel's status is the one it came with: a
 * later action (create, update, load) sets another status and the error goes, so the tab never
 * shows a problem that the footer has moved past. What did happen (an import, a copy) stays true
 * and stays shown.
 */
function useTiedMessage() {
  const panel = usePanel();
  const status = useSlice((s) => s.status);
  const [held, setHeld] = useState<{ msg: Message; status: Status | null } | null>(null);
  const show = (msg: Message) => setHeld({ msg, status: panel.state.status });
  return [tied(held, status), show] as const;
}

function MessageBox({ msg }: { msg: Message | null }) {
  if (!msg) return null;
  return (
    <div class={`msg ${msg.tone}`} role={msg.tone === 'error' ? 'alert' : 'status'}>
      <p>{msg.text}</p>
      {msg.details && msg.details.length > 0 && (
        <ul>
          {msg.details.map((d, k) => (
            <li key={k}>{d}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function PortTab() {
  const panel = usePanel();
  // The paste and the import's message live in the panel's state: they outlive a switch to another tab.
  const text = useSlice((s) => s.pasted);
  const importMsg = useSlice((s) => tied(s.imported, s.status));
  const showImport = (msg: Message) => panel.setImport({ imported: { msg, status: panel.state.status } });
  const [exportMsg, showExport] = useTiedMessage();
  const [preview, setPreview] = useState('');
  const [losses, setLosses] = useState('');

  const doImport = (source: string, from: string) => {
    const r = importText(source);
    if (!r.ok) {
      // The current map stays as it is: nothing is replaced until a parse fully succeeds. The footer's
      // last status (e.g. "Map created") is about something else now: cleared, not left beside this error.
      panel.setStatus(null);
      const what = r.format ? `This ${FORMAT_NAMES[r.format]} could not be imported` : 'Could not import';
      const lines = r.issues.map((i) => describeIssue(i));
      showImport({
        tone: 'error',
        text: `${what} (your map is unchanged):`,
        details: lines.length > 8 ? [...lines.slice(0, 8), `…and ${lines.length - 8} more`] : lines,
      });
      return;
    }
    panel.replace(draftFromMap(r.map), {
      target: null,
      status: {
        tone: r.check ? 'warning' : 'success',
        text: `Imported “${r.map.title}” from ${from}.${r.check ? ` Check the emotion scale (${TAB_LABELS.port} tab).` : ''} Undo with Ctrl+Z.`,
      },
    });
    showImport({
      tone: r.check ? 'warning' : 'success',
      text: `Imported ${FORMAT_NAMES[r.format]}: ${plural(r.map.stages.length, 'stage')}, ${plural(r.map.lanes.length, 'lane')}.`,
      details: r.notes,
    });
  };

  const make = (f: ExportFormat): string | null => {
    const map = panel.validMap('exporting');
    if (!map) {
      showExport({ tone: 'error', text: 'The map has problems (listed below); fix them to export.' });
      return null;
    }
    const out = EXPORTS[f].make(map);
    setPreview(out);
    setLosses(exportLosses(map, f).length ? `${EXPORTS[f].label} leaves out: ${exportLosses(map, f).join('; ')}.` : '');
    return out;
  };

  const copy = async (f: ExportFormat) => {
    const out = make(f);
    if (out === null) return;
    const ok = await copyText(out);
    showExport(
      ok
        ? { tone: 'success', text: `Copied ${EXPORTS[f].label} to the clipboard.` }
        : { tone: 'error', text: 'Copying was blocked; select the text below and copy it.' },
    );
  };

  const download = (f: ExportFormat) => {
    const out = make(f);
    if (out === null) return;
    const ext = EXPORTS[f].file.split('.').pop()!;
    downloadText(out, slugFile(panel.state.map.title, ext), EXPORTS[f].mime);
    showExport({ tone: 'success', text: `Downloaded ${EXPORTS[f].label}.` });
  };

  return (
    <div class="stack">
      <section class="stack" aria-labelledby="import-h">
        <h2 id="import-h">Import</h2>
        <div class="field">
          <label for="import-text">Paste a map: JSON, Mermaid journey, or a spreadsheet table</label>
          <textarea
            id="import-text"
            rows={6}
            value={text}
            spellcheck={false}
            aria-describedby="import-hint"
            onInput={(e) => panel.setImport({ pasted: e.currentTarget.value })}
          />
          <p class="hint" id="import-hint">
            Tables: stage names across the top or down the first column; a title row above is fine. Cards split at line
            breaks, bullets and “;”, never at commas.
          </p>
        </div>
        <div class="btn-row">
          <button type="button" class="btn primary-outline" onClick={() => doImport(text, 'pasted text')}>
            Import pasted text
          </button>
          <label class="btn file-btn">
            Open a file…
            <input
              type="file"
              class="sr-only"
              accept=".json,application/json,.mmd,.tsv,.csv,.txt"
              onChange={async (e) => {
                const file = e.currentTarget.files?.[0];
                e.currentTarget.value = '';
                if (file) doImport(await file.text(), file.name);
              }}
            />
          </label>
        </div>
        <MessageBox msg={importMsg} />
      </section>
      <section class="stack" aria-labelledby="export-h">
        <h2 id="export-h">Export</h2>
        {(Object.keys(EXPORTS) as ExportFormat[]).map((f) => (
          <div class="btn-row" key={f}>
            <button type="button" class="btn" onClick={() => copy(f)}>
              Copy {EXPORTS[f].label}
            </button>
            <button type="button" class="btn" onClick={() => download(f)}>
              Download {EXPORTS[f].label}
            </button>
          </div>
        ))}
        <MessageBox msg={exportMsg} />
        {losses && (
          <p class="hint" role="note">
            {losses}
          </p>
        )}
        {preview && (
          <div class="field">
            <label for="export-text">Exported text</label>
            <textarea id="export-text" rows={6} readOnly value={preview} spellcheck={false} />
          </div>
        )}
      </section>
    </div>
  );
}
