/** Import (paste or open a file) and export (copy or download) of the current map. */
import { useState } from 'preact/hooks';
import { describeIssues } from '../../src/model';
import { draftFromMap } from '../draft';
import { usePanel } from '../hooks';
import { copyText, downloadText, EXPORTS, FORMAT_NAMES, importText, slugFile, type ExportFormat } from '../io';

type Message = { tone: 'error' | 'success'; text: string } | null;

export function PortTab() {
  const panel = usePanel();
  const [text, setText] = useState('');
  const [importMsg, setImportMsg] = useState<Message>(null);
  const [exportMsg, setExportMsg] = useState<Message>(null);
  const [preview, setPreview] = useState('');

  const doImport = (source: string, from: string) => {
    const r = importText(source);
    if (!r.ok) {
      // The current map stays as it is: nothing is replaced until a parse fully succeeds.
      const what = r.format ? `This ${FORMAT_NAMES[r.format]} could not be imported` : 'Could not import';
      setImportMsg({ tone: 'error', text: `${what} (your map is unchanged):\n${describeIssues(r.issues, 6)}` });
      return;
    }
    panel.replace(draftFromMap(r.map), {
      target: null,
      status: { tone: 'success', text: `Imported “${r.map.title}” from ${from}. Undo with Ctrl+Z.` },
    });
    setImportMsg({
      tone: 'success',
      text: `Imported ${FORMAT_NAMES[r.format]}: ${r.map.stages.length} stages, ${r.map.lanes.length} lanes.`,
    });
  };

  const make = (f: ExportFormat): string | null => {
    const map = panel.validMap('exporting');
    if (!map) {
      setExportMsg({ tone: 'error', text: 'The map has problems (listed below); fix them to export.' });
      return null;
    }
    const out = EXPORTS[f].make(map);
    setPreview(out);
    return out;
  };

  const copy = async (f: ExportFormat) => {
    const out = make(f);
    if (out === null) return;
    const ok = await copyText(out);
    setExportMsg(
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
    setExportMsg({ tone: 'success', text: `Downloaded ${EXPORTS[f].label}.` });
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
            onInput={(e) => setText(e.currentTarget.value)}
          />
        </div>
        <div class="btn-row">
          <button type="button" class="btn primary-outline" onClick={() => doImport(text, 'pasted text')}>
            Import pasted text
          </button>
          <label class="btn file-btn">
            Open .json file…
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
        {importMsg && (
          <p class={`msg ${importMsg.tone}`} role={importMsg.tone === 'error' ? 'alert' : 'status'}>
            {importMsg.text}
          </p>
        )}
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
        {exportMsg && (
          <p class={`msg ${exportMsg.tone}`} role={exportMsg.tone === 'error' ? 'alert' : 'status'}>
            {exportMsg.text}
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
