/** The panel: header, tabs (personas, stages, lanes, cells, import/export), footer, resize grip. */
import type { JSX } from 'preact';
import { useEffect } from 'preact/hooks';
import type { PanelController } from '../controller';
import { PanelContext, usePanel, useSlice } from '../hooks';
import { TAB_LABELS, type TabId } from '../state';
import { StoreContext } from '../store';
import { CellsTab } from './CellsTab';
import { Footer } from './Footer';
import { Header } from './Header';
import { LanesTab } from './LanesTab';
import { PersonaTab } from './PersonaTab';
import { PortTab } from './PortTab';
import { ResizeGrip } from './ResizeGrip';
import { StagesTab } from './StagesTab';
import { VersionsTab } from './VersionsTab';

/**
 * The tabs; their visible labels are TAB_LABELS (state.ts), short so six fit one row from 320 px.
 * `name`, when given, is the tab's accessible name and tooltip: it starts with the visible label
 * and says what the short word stands for.
 */
const TABS: { id: TabId; name?: string; view: () => JSX.Element }[] = [
  { id: 'persona', view: PersonaTab },
  { id: 'stages', view: StagesTab },
  { id: 'lanes', view: LanesTab },
  { id: 'cells', view: CellsTab },
  { id: 'port', name: `${TAB_LABELS.port}: import and export`, view: PortTab },
  { id: 'versions', view: VersionsTab },
];

function Tabs() {
  const panel = usePanel();
  const tab = useSlice((s) => s.tab);
  const personaCount = useSlice((s) => s.map.personas.length);
  const stageCount = useSlice((s) => s.map.stages.length);
  const laneCount = useSlice((s) => s.map.lanes.length);
  const counts: Partial<Record<TabId, number>> = { persona: personaCount, stages: stageCount, lanes: laneCount };
  const onKeyDown = (e: JSX.TargetedKeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    const i = TABS.findIndex((t) => t.id === tab);
    const next = TABS[(i + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length];
    panel.setTab(next.id);
    setTimeout(() => document.getElementById(`tab-${next.id}`)?.focus(), 0);
  };
  const View = TABS.find((t) => t.id === tab)!.view;
  return (
    <>
      <div class="tabs" role="tablist" aria-label="Sections" onKeyDown={onKeyDown}>
        {TABS.map((t) => (
          <button
            type="button"
            role="tab"
            key={t.id}
            id={`tab-${t.id}`}
            aria-selected={t.id === tab}
            aria-controls="tabpanel"
            aria-label={t.name}
            title={t.name}
            tabIndex={t.id === tab ? 0 : -1}
            onClick={() => panel.setTab(t.id)}
          >
            {TAB_LABELS[t.id]}
            {counts[t.id] !== undefined && <span class="count">{counts[t.id]}</span>}
          </button>
        ))}
      </div>
      <main class="content" id="tabpanel" role="tabpanel" aria-labelledby={`tab-${tab}`}>
        <View />
      </main>
    </>
  );
}

export function App({ controller }: { controller: PanelController }) {
  useEffect(() => {
    // Panel-level undo/redo replaces the browser's per-field undo, which cannot undo a removed stage.
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const k = e.key.toLowerCase();
      if (k === 'z' && !e.shiftKey) controller.undo();
      else if ((k === 'z' && e.shiftKey) || k === 'y') controller.redo();
      else return;
      e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [controller]);
  return (
    <StoreContext.Provider value={controller.store}>
      <PanelContext.Provider value={controller}>
        <div class="app">
          <Header />
          <Tabs />
          <Footer />
          <ResizeGrip send={controller.sendRaw} />
        </div>
      </PanelContext.Provider>
    </StoreContext.Provider>
  );
}
