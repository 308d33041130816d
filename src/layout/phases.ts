/**
 * Consecutive stages that share a phase are drawn under one spanning band.
 * A phase name that comes back later (A, B, A) makes a second band: the map is
 * read left to right, so the band follows the stages, not the name.
 */
import type { Stage } from '../model';

export interface PhaseRun {
  /** `undefined` for a run of stages without a phase (an empty gap in the band). */
  phase: string | undefined;
  /** Index of the run's first stage. */
  start: number;
  /** Number of stages in the run. */
  count: number;
  firstStageId: string;
}

export function phaseRuns(stages: ReadonlyArray<Pick<Stage, 'id' | 'phase'>>): PhaseRun[] {
  const runs: PhaseRun[] = [];
  stages.forEach((s, i) => {
    const last = runs[runs.length - 1];
    if (last && last.phase === s.phase) last.count++;
    else runs.push({ phase: s.phase, start: i, count: 1, firstStageId: s.id });
  });
  return runs;
}

export function hasPhases(stages: ReadonlyArray<Pick<Stage, 'phase'>>): boolean {
  return stages.some((s) => s.phase !== undefined);
}
