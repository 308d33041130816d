/**
 * Versions of the map on the canvas (issue #18): save the map as a named version, delete one,
 * load one into the panel (one undo step), compare a version with the current map or two
 * versions, draw that comparison on the canvas, and read the map's history. Requests and replies
 * go through ui/versions.ts; every text shown is the sandbox's or the map's, as text.
 */
import type { JSX } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState } from 'preact/hooks';
import { formatMetric, normaliseMap, serialiseMap, type Card } from '../../src/model';
import { linkToText } from '../formats/links';
import type { Side } from '../../src/protocol';
import { toMapInput, type DraftMap } from '../draft';
import { usePanel, useSlice } from '../hooks';
import {
  delta,
  FIELD_WORDS,
  num,
  shortDate,
  value,
  type Comparison,
  type VersionsState,
  type WireDiff,
} from '../versions';
import './versions.css';

const HISTORY_SHOWN = 5;
/** Comparisons already shown (and focused) once. */
const seen = new WeakSet<Comparison>();

/** The Versions tab's own store, whole: it is small and only this tab reads it. */
function useVersions(): VersionsState {
  const store = usePanel().versions.store;
  const [, force] = useReducer((n: number) => n + 1, 0);
  useLayoutEffect(() => store.subscribe(() => force(0)), [store]);
  return store.get();
}

/** The canonical JSON of a draft, or null while it is not a valid map. */
function canonical(d: DraftMap): string | null {
  const r = normaliseMap(toMapInput(d));
  return r.ok ? serialiseMap(r.value) : null;
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function VersionsTab() {
  const panel = usePanel();
  const nodeId = useSlice((s) => s.target?.nodeId ?? null);
  const revision = useSlice((s) => s.target?.revision ?? null);
  const map = useSlice((s) => s.map);
  const base = useSlice((s) => s.target?.base);
  const v = useVersions();
  // Listed when the tab opens and after every create, update or load of another map.
  useEffect(() => {
    if (nodeId) panel.versions.list();
  }, [panel, nodeId, revision]);
  // The panel's data differs from the map on the canvas (which is what versions are made from).
  const unsent = useMemo(() => !!base && canonical(map) !== canonical(base), [map, base]);

  if (!nodeId)
    return (
      <div class="stack">
        <h2>Versions</h2>
        <p class="ver-empty">
          Create the map on the canvas first. Versions, comparisons and the map’s history are kept with the map itself,
          in the Figma file.
        </p>
        <p class="hint">
          Press Create map below, or select a journey map on the canvas and load it into the panel (Load selected map).
        </p>
      </div>
    );
  const listed = v.nodeId === nodeId && v.listed;
  return (
    <div class="stack ver">
      {unsent && (
        <p class="ver-note" role="note">
          The panel has edits that are not on the canvas yet. Versions are saved from, and compared with, the map on the
          canvas: press Update selected map first to include them.
        </p>
      )}
      <SaveVersion v={v} />
      <VersionList v={v} listed={listed} />
      {v.versions.length > 0 && <Compare v={v} />}
      <History v={v} listed={listed} />
    </div>
  );
}

function SaveVersion({ v }: { v: VersionsState }) {
  const panel = usePanel();
  const [name, setName] = useState('');
  const [error, setError] = useState('');
  const full = v.versions.length >= v.max;
  // A version saved: the field is free for the next one.
  useEffect(() => {
    if (v.saved) setName('');
  }, [v.saved]);
  const onSubmit = (e: JSX.TargetedEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!name.trim()) return setError('Give the version a name, such as “As-is, June interviews”.');
    if (full)
      return setError(
        `This map already keeps ${v.max} versions, the most it can. Delete one below to save another; nothing was saved.`,
      );
    setError('');
    panel.versions.save(name);
  };
  return (
    <form class="stack" aria-labelledby="ver-save-h" onSubmit={onSubmit} noValidate>
      <h2 id="ver-save-h">Save a version</h2>
      <div class="field">
        <label for="ver-name">Version name</label>
        <div class="ver-save-row">
          <input
            id="ver-name"
            type="text"
            maxLength={80}
            placeholder="As-is, June interviews"
            value={name}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? 'ver-name-err ver-name-hint' : 'ver-name-hint'}
            onInput={(e) => {
              setName(e.currentTarget.value);
              if (error) setError('');
            }}
          />
          <button type="submit" class="btn primary-outline" disabled={v.pending === 'save'}>
            Save current as version
          </button>
        </div>
        {error && (
          <p class="field-error" id="ver-name-err" role="alert">
            {error}
          </p>
        )}
        <p class="hint" id="ver-name-hint">
          {full
            ? `${v.versions.length} of ${v.max} versions kept: delete one to save another.`
            : `Saves the map as it is on the canvas now (${v.versions.length} of ${v.max} versions kept).`}
        </p>
      </div>
    </form>
  );
}

function VersionList({ v, listed }: { v: VersionsState; listed: boolean }) {
  const panel = usePanel();
  const [confirming, setConfirming] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const newestFirst = [...v.versions].reverse();
  return (
    <section class="stack" aria-labelledby="ver-list-h">
      <h2 id="ver-list-h" ref={heading} tabIndex={-1}>
        Saved versions
        {listed && (
          <span class="count">
            {v.versions.length} of {v.max}
          </span>
        )}
      </h2>
      {!listed ? (
        <p class="hint">Reading the versions…</p>
      ) : v.versions.length === 0 ? (
        <p class="hint">
          No saved versions yet. Save one before a review round (“As-is, June interviews”), then compare the map with it
          later.
        </p>
      ) : (
        <ol class="ver-list">
          {newestFirst.map((ver) => (
            <li
              key={ver.id}
              class={ver.id === v.saved ? 'ver-item saved' : 'ver-item'}
              aria-labelledby={`ver-${ver.id}`}
            >
              <div class="ver-head">
                <span class="ver-name" id={`ver-${ver.id}`}>
                  {ver.name}
                </span>
                <span class="ver-meta">
                  Revision {ver.revision} · {shortDate(ver.date)}
                </span>
              </div>
              {confirming === ver.id ? (
                <div class="ver-confirm" role="group" aria-label="Confirm delete">
                  <p>Delete “{ver.name}”? It cannot be brought back.</p>
                  <div class="btn-row">
                    <button
                      type="button"
                      class="btn danger"
                      onClick={() => {
                        setConfirming(null);
                        panel.versions.remove(ver.id);
                        heading.current?.focus();
                      }}
                    >
                      Delete version
                    </button>
                    <button type="button" class="btn" onClick={() => setConfirming(null)}>
                      Keep it
                    </button>
                  </div>
                </div>
              ) : (
                <div class="ver-actions">
                  <button type="button" class="btn-link" onClick={() => panel.versions.compare(ver.id)}>
                    Compare with current
                  </button>
                  <button type="button" class="btn-link" onClick={() => panel.versions.load(ver.id)}>
                    Load into panel
                  </button>
                  <button type="button" class="btn-link ver-delete" onClick={() => setConfirming(ver.id)}>
                    Delete
                  </button>
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function Compare({ v }: { v: VersionsState }) {
  const panel = usePanel();
  const latest = v.versions[v.versions.length - 1].id;
  const [from, setFrom] = useState(latest);
  const [to, setTo] = useState('current');
  // A version deleted: fall back to the latest and the current map.
  const has = (id: string) => v.versions.some((x) => x.id === id);
  const a = has(from) ? from : latest;
  const b = to === 'current' || has(to) ? to : 'current';
  const newestFirst = [...v.versions].reverse();
  return (
    <section class="stack" aria-labelledby="ver-cmp-h">
      <h2 id="ver-cmp-h">Compare</h2>
      <div class="ver-pick">
        <div class="field">
          <label for="ver-from">From (older)</label>
          <select id="ver-from" value={a} onChange={(e) => setFrom(e.currentTarget.value)}>
            {newestFirst.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="ver-to">To (newer)</label>
          <select id="ver-to" value={b} onChange={(e) => setTo(e.currentTarget.value)}>
            <option value="current">Current map</option>
            {newestFirst.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div class="btn-row">
        <button type="button" class="btn" onClick={() => panel.versions.compare(a, b)}>
          Compare
        </button>
      </div>
      {v.comparison && <ComparisonView c={v.comparison} drawn={v.drawn !== null} drawing={v.pending === 'draw'} />}
    </section>
  );
}

/** "As-is" (revision 3, 30 Nov 2026, 22:50), or the current map on the canvas. */
function sideLine(s: Side): string {
  const what = s.id === 'current' ? 'Current map on the canvas' : s.name;
  const bits = [s.revision !== undefined ? `revision ${s.revision}` : '', shortDate(s.date)].filter(Boolean);
  return bits.length ? `${what} (${bits.join(', ')})` : what;
}

function Tag({ kind }: { kind: Kind }) {
  return <span class={`ver-tag ${kind}`}>{capitalised(kind)}</span>;
}

/** A cell's value: text as it is, cards joined with “;”, a metric with its unit; nothing as “(empty)”. */
function cellText(x: unknown): string {
  if (x === undefined || x === '' || (Array.isArray(x) && !x.length)) return '(empty)';
  if (typeof x === 'string') return x;
  // Cards and linked texts read as they are typed in the Cells tab: `words <https://…>`.
  if (Array.isArray(x)) return x.map((c) => (typeof c === 'string' ? c : linkToText(c as Card))).join('; ');
  if (typeof x === 'object' && x && 'url' in x) return linkToText(x as Card);
  // A metric as the map writes it ("18%", "3.5 min"), its target in the same unit.
  const m = x as { value?: unknown; unit?: unknown; target?: unknown };
  if (typeof m.value === 'number') {
    const unit = typeof m.unit === 'string' && m.unit ? m.unit : undefined;
    const target = typeof m.target === 'number' ? ` (target ${formatMetric({ value: m.target, unit })})` : '';
    return formatMetric({ value: m.value, unit }) + target;
  }
  return value(x);
}

type ListDiff = WireDiff['stages'];

type Kind = 'added' | 'removed' | 'renamed' | 'moved' | 'changed';
/** Lines of one list's changes (stages, lanes, personas): a tag, then what happened, as text. */
function listLines(d: ListDiff): JSX.Element[] {
  const lines: [Kind, string][] = [
    ...d.added.map((x): [Kind, string] => ['added', `“${x.name}”, at position ${x.index + 1}`]),
    ...d.removed.map((x): [Kind, string] => ['removed', `“${x.name}”`]),
    ...d.renamed.map((x): [Kind, string] => ['renamed', `“${x.before}” → “${x.after}”`]),
    ...d.moved.map((x): [Kind, string] => ['moved', `“${x.name}” from position ${x.from + 1} to ${x.to + 1}`]),
    ...d.changed.map((x): [Kind, string] => [
      'changed',
      `“${x.name}”: ${
        x.field === 'moment'
          ? x.after
            ? 'marked a moment of truth'
            : 'no longer a moment of truth'
          : `${FIELD_WORDS[x.field] ?? x.field} ${value(x.before)} → ${value(x.after)}`
      }`,
    ]),
  ];
  return lines.map(([kind, text], k) => (
    <li key={k}>
      <Tag kind={kind} /> {text}
    </li>
  ));
}

function Group({ title, lines }: { title: string; lines: JSX.Element[] }) {
  if (!lines.length) return null;
  return (
    <div class="ver-group">
      <h4>
        {title} <span class="count">{lines.length}</span>
      </h4>
      <ul class="ver-changes">{lines}</ul>
    </div>
  );
}

function ComparisonView({ c, drawn, drawing }: { c: Comparison; drawn: boolean; drawing: boolean }) {
  const panel = usePanel();
  const heading = useRef<HTMLHeadingElement>(null);
  // A new comparison (not one shown again when the tab reopens): its top in view, the keyboard on it.
  useEffect(() => {
    if (seen.has(c)) return;
    seen.add(c);
    heading.current?.focus({ preventScroll: true });
    heading.current?.closest('.ver-cmp')?.scrollIntoView?.({ block: 'start' });
  }, [c]);
  const d = c.diff;
  const map: JSX.Element[] = [];
  if (d.title)
    map.push(
      <li key="title">
        <Tag kind="changed" /> Title “{d.title.before}” → “{d.title.after}”
      </li>,
    );
  if (d.objective)
    map.push(
      <li key="objective">
        <Tag kind="changed" /> Objective {value(d.objective.before)} → {value(d.objective.after)}
      </li>,
    );
  if (d.meta)
    map.push(
      <li key="meta">
        <Tag kind="changed" /> Meta
      </li>,
    );
  const cells = d.cells.map((x, k) => (
    <li key={k} class="ver-cell">
      <span class="ver-where">
        {x.laneTitle}
        {x.kind === 'note' ? ' note' : ''} · {x.stageName}
      </span>
      <span class="ver-before-after">
        <del>{cellText(x.before)}</del> → <ins>{cellText(x.after)}</ins>
      </span>
    </li>
  ));
  const scores = d.scores.map((x, k) => (
    <li key={k} class="ver-score">
      <span class="ver-where">
        {x.laneTitle} · {x.stageName}
      </span>
      <span>
        {x.before === undefined ? 'no score' : num(x.before)} → {x.after === undefined ? 'no score' : num(x.after)}
        {x.delta !== undefined && (
          <>
            {' '}
            <span class={x.delta < 0 ? 'ver-delta down' : 'ver-delta up'}>{delta(x.delta)}</span>
          </>
        )}
      </span>
    </li>
  ));
  return (
    <div class="ver-cmp" role="region" aria-labelledby="ver-result-h">
      <div class="ver-cmp-head">
        <h3 id="ver-result-h" ref={heading} tabIndex={-1}>
          {c.a.name} → {c.b.id === 'current' ? 'current map' : c.b.name}
        </h3>
        <button
          type="button"
          class="icon-btn"
          aria-label="Close the comparison"
          title="Close"
          onClick={() => panel.versions.closeComparison()}
        >
          ×
        </button>
      </div>
      <p class="hint">
        From {sideLine(c.a)} to {sideLine(c.b)}.
      </p>
      <p class="ver-summary">
        {d.count ? `${capitalised(d.summary)}.` : 'No differences: the two hold the same data.'}
      </p>
      <Group title="Map" lines={map} />
      <Group title="Stages" lines={listLines(d.stages)} />
      <Group title="Lanes" lines={listLines(d.lanes)} />
      <Group title="Personas" lines={listLines(d.personas)} />
      <Group title="Cells" lines={cells} />
      <Group title="Scores" lines={scores} />
      <div class="btn-row">
        <button type="button" class="btn primary-outline" disabled={drawing} onClick={() => panel.versions.draw()}>
          Draw on canvas
        </button>
      </div>
      {drawn && <p class="hint">Drawn to the right of the map on the canvas (the map is unchanged).</p>}
    </div>
  );
}

function History({ v, listed }: { v: VersionsState; listed: boolean }) {
  const [all, setAll] = useState(false);
  if (!listed) return null;
  const newestFirst = [...v.history].reverse();
  const shown = all ? newestFirst : newestFirst.slice(0, HISTORY_SHOWN);
  return (
    <section class="stack" aria-labelledby="ver-hist-h">
      <h2 id="ver-hist-h">History</h2>
      {!shown.length ? (
        <p class="hint">No creates or updates recorded for this map yet.</p>
      ) : (
        <ol class="ver-history">
          {shown.map((h, k) => (
            <li key={k}>
              <span class="ver-meta">
                Revision {h.revision} · {shortDate(h.date)}
              </span>
              <span>{capitalised(h.summary)}</span>
            </li>
          ))}
        </ol>
      )}
      {newestFirst.length > HISTORY_SHOWN && (
        <button type="button" class="btn-link" onClick={() => setAll(!all)}>
          {all ? 'Show the last five' : `Show all ${newestFirst.length}`}
        </button>
      )}
    </section>
  );
}
