/**
 * Long work shows progress. Creating or updating a map of thousands of layers takes
 * seconds in Figma, and the plugin runs on the editor's main thread: without a break
 * nothing repaints, and the panel cannot show anything. So every `budget` ms of work the
 * reconciler reports how many layers are done and yields (a macrotask), letting Figma
 * deliver the report and repaint. Figma's docs, "Frozen plugins": split long work into
 * chunks and yield to the main thread in between.
 *
 * Yielding keeps every guarantee: plugin actions are not committed to undo history
 * until figma.commitUndo() (Figma docs, commitUndo), which runs once, after the whole
 * action; a failure after a yield still removes the half-drawn map or rolls the update back.
 */
export type ProgressReport = (done: number, total: number) => void;

/** A report at least this often (ms of work); the issue asks for 250 at most. */
export const PROGRESS_BUDGET_MS = 200;

export class Progress {
  private done = 0;
  private last: number;

  constructor(
    private readonly total: number,
    private readonly report: ProgressReport,
    private readonly now: () => number = Date.now,
    private readonly budget = PROGRESS_BUDGET_MS,
  ) {
    this.last = now();
  }

  /** `n` more layers are done: report and yield if the budget is spent. */
  async tick(n = 1): Promise<void> {
    this.done = Math.min(this.total, this.done + n);
    if (this.now() - this.last < this.budget) return;
    this.report(this.done, this.total);
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    this.last = this.now();
  }
}
