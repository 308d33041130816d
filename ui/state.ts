/** Everything the panel shows, in one immutable object held by a Store. */
import type { MapIssue } from '../src/model';
import type { CanvasTarget, DraftMap } from './draft';

/** 'persona' is the Personas tab (its DOM id, `tab-persona`, is older than several personas). */
export type TabId = 'persona' | 'stages' | 'lanes' | 'cells' | 'port' | 'versions';

/** The tabs' visible names, short so six fit one row from 320 px; messages that send the designer to a tab use them. */
export const TAB_LABELS: Record<TabId, string> = {
  persona: 'Personas',
  stages: 'Stages',
  lanes: 'Lanes',
  cells: 'Cells',
  port: 'Data',
  versions: 'Versions',
};

export interface Status {
  tone: 'info' | 'success' | 'warning' | 'error';
  text: string;
  /** Shown in full under the text, one per line (warnings of a create or update). */
  details?: string[];
  /** Long work under way in the sandbox: layers drawn of layers needed (a progress bar). */
  progress?: { done: number; total: number };
}

export interface PanelState {
  map: DraftMap;
  /** The canvas map this draft was created on or loaded from, for "Update" and "Reload". */
  target: CanvasTarget | null;
  /** Journey maps currently selected on the canvas. */
  selection: { nodeId: string; title: string }[];
  /** Issues of the last local validation or sandbox error, by path (`stages[2].name`). */
  issues: MapIssue[];
  status: Status | null;
  /** A standing notice that does not block anything (the draft could not be saved in Figma). */
  notice: Status | null;
  /** The canvas changed since we loaded it; offer reload or overwrite. */
  conflict: boolean;
  tab: TabId;
  /** Font families Figma has, for the font picker: null until asked for and answered (`list-fonts`). */
  fonts: string[] | null;
  canUndo: boolean;
  canRedo: boolean;
  /** The editor the plugin runs in (the sandbox says so when the panel is ready): FigJam draws a workshop board. */
  editor: 'figma' | 'figjam';
  /** The Data tab's paste box, kept here so that switching tabs keeps the designer's paste. */
  pasted: string;
  /**
   * The Data tab's last import message, with the status that was current when it was said (an
   * error is shown only while that status is: see PortTab). Kept across tab switches.
   */
  imported: { msg: Status; status: Status | null } | null;
}

/** Which tab shows the field a path points at; null for the always-visible header. */
export function tabForPath(path: string): TabId | null {
  // `persona…` too: a version-1 map's persona is reported there.
  if (path.startsWith('persona')) return 'persona';
  // The objective is edited above the stages.
  if (path.startsWith('stages') || path === 'objective') return 'stages';
  if (/^lanes\[\d+\]\.cells/.test(path)) return 'cells';
  if (path.startsWith('lanes')) return 'lanes';
  return null;
}

/** Does an issue at `issuePath` concern the field at `fieldPath` (itself or something inside it)? */
export function issueConcerns(issuePath: string, fieldPath: string): boolean {
  if (issuePath === fieldPath) return true;
  if (!issuePath.startsWith(fieldPath)) return false;
  const next = issuePath[fieldPath.length];
  return next === '.' || next === '[';
}
