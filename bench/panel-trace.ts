/**
 * Main-thread CPU time of the panel's renderer from a Chromium trace, split into
 * measured windows (between `performance.mark`s named `<prefix>:start` and
 * `<prefix>:end`) and into phases. Every event's self time (thread CPU time,
 * `tdur`, minus that of the events nested in it) goes to the phase of the
 * event or of its nearest ancestor that has one; the rest (task bookkeeping,
 * autofill, IPC) is "other". The phases add up to the window's total.
 */

export const PHASES = ['script', 'input', 'style', 'layout', 'paint', 'layerize', 'other'] as const;
export type Phase = (typeof PHASES)[number];
export type PhaseTimes = Record<Phase, number> & { total: number };

const PHASE_OF: Record<string, Phase> = {
  FunctionCall: 'script',
  EvaluateScript: 'script',
  'v8.callFunction': 'script',
  'v8.run': 'script',
  'V8.Execute': 'script',
  RunMicrotasks: 'script',
  TimerFire: 'script',
  FireAnimationFrame: 'script',
  // Event routing, hit testing and the browser's own text editing (inserting the typed character).
  EventDispatch: 'input',
  'EventHandler::handleMouseMoveEvent': 'input',
  HitTest: 'input',
  'Editor::HandleKeyboardEvent': 'input',
  UpdateLayoutTree: 'style',
  Layout: 'layout',
  PrePaint: 'paint',
  Paint: 'paint',
  Layerize: 'layerize',
  Commit: 'layerize',
};

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

interface Node {
  e: TraceEvent;
  end: number;
  kids: Node[];
}

const empty = (): PhaseTimes => ({
  total: 0,
  script: 0,
  input: 0,
  style: 0,
  layout: 0,
  paint: 0,
  layerize: 0,
  other: 0,
});

/** Per window `prefix:0`, `prefix:1`, …: CPU ms by phase on the renderer main thread that holds the marks. */
export function windowsFromTrace(json: string, prefix: string): PhaseTimes[] {
  const parsed = JSON.parse(json) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const starts = new Map<number, number>();
  const ends = new Map<number, number>();
  let thread: { pid: number; tid: number } | null = null;
  const markRe = new RegExp(`^${prefix}:(\\d+):(start|end)$`);
  for (const e of events) {
    const m = markRe.exec(e.name);
    if (!m || e.ph === 'M') continue;
    thread ??= { pid: e.pid, tid: e.tid };
    (m[2] === 'start' ? starts : ends).set(Number(m[1]), e.ts);
  }
  if (!thread) throw new Error(`panel bench: no ${prefix} marks in the trace`);
  const own = events
    .filter((e) => e.ph === 'X' && e.pid === thread!.pid && e.tid === thread!.tid && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  // Nest by time: a task's events lie within it.
  const roots: Node[] = [];
  const stack: Node[] = [];
  for (const e of own) {
    const node: Node = { e, end: e.ts + e.dur!, kids: [] };
    while (stack.length && stack[stack.length - 1].end <= e.ts) stack.pop();
    (stack.length ? stack[stack.length - 1].kids : roots).push(node);
    stack.push(node);
  }
  const cpu = (n: Node) => (n.e.tdur ?? n.e.dur!) / 1000;
  const add = (into: PhaseTimes, n: Node, inherited: Phase) => {
    const phase = PHASE_OF[n.e.name] ?? inherited;
    const self = Math.max(0, cpu(n) - n.kids.reduce((s, k) => s + cpu(k), 0));
    into[phase] += self;
    for (const k of n.kids) add(into, k, phase);
  };
  const out: PhaseTimes[] = [];
  for (const [i, start] of [...starts].sort((a, b) => a[0] - b[0])) {
    const end = ends.get(i);
    if (end === undefined) continue;
    const w = empty();
    for (const r of roots) {
      if (r.e.ts < start || r.e.ts > end) continue;
      w.total += cpu(r);
      add(w, r, 'other');
    }
    out.push(w);
  }
  return out;
}

/** The median of each phase (and of the total) over the windows. */
export function medianTimes(ws: PhaseTimes[]): PhaseTimes {
  const med = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    const m = Math.floor(s.length / 2);
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
  };
  const out = empty();
  for (const k of ['total', ...PHASES] as const) out[k] = med(ws.map((w) => w[k]));
  return out;
}
