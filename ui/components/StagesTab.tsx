/**
 * The map's objective, then the stages: add, rename, remove, reorder (buttons or Alt+↑/↓),
 * phase, description, moment of truth and its note, and a score for each emotion curve.
 */
import { LIMITS } from '../../src/model';
import { addStage, insertStageAfter, moveStage, removeStage, setObjective, setStageMoment, updateStage } from '../edit';
import { refocus, rowMover, usePanel, useSlice } from '../hooks';
import { shallowArrayEq } from '../store';
import { EmotionControl } from './EmotionControl';
import { Field } from './fields';
import { RowHeader } from './RowHeader';
import { ThemeSection } from './ThemeSection';
import './editors.css';

export function StagesTab() {
  const panel = usePanel();
  const ids = useSlice((s) => s.map.stages.map((st) => st.id), shallowArrayEq);
  const emotionLanes = useSlice(
    (s) => s.map.lanes.filter((l) => l.kind === 'emotion').map((l) => l.id),
    shallowArrayEq,
  );
  const objective = useSlice((s) => s.map.objective ?? '');
  return (
    <div class="stack">
      <Field
        label="Objective"
        path="objective"
        id="map-objective"
        placeholder="Optional: what this map is for, shown under the title"
        value={objective}
        multiline
        rows={2}
        maxLength={LIMITS.noteText}
        onValue={(v) => panel.edit((m) => setObjective(m, v))}
      />
      <ThemeSection />
      <p class="hint">
        <kbd>Alt</kbd> + <kbd>↑</kbd>/<kbd>↓</kbd> moves the focused stage.
      </p>
      <ol class="rows">
        {ids.map((id, i) => (
          <StageRow key={id} id={id} index={i} count={ids.length} emotionLanes={emotionLanes} />
        ))}
      </ol>
      <button
        type="button"
        class="btn"
        disabled={ids.length >= LIMITS.stages}
        onClick={() => {
          panel.edit((m) => addStage(m));
          const last = panel.state.map.stages[panel.state.map.stages.length - 1];
          refocus(`stage-${last.id}-name`);
        }}
      >
        + Add stage
      </button>
    </div>
  );
}

function StageRow({
  id,
  index,
  count,
  emotionLanes,
}: {
  id: string;
  index: number;
  count: number;
  emotionLanes: string[];
}) {
  const panel = usePanel();
  const stage = useSlice((s) => s.map.stages.find((st) => st.id === id));
  if (!stage) return null;
  const n = index + 1;
  const { move, onKeyDown } = rowMover((by) => panel.edit((m) => moveStage(m, id, by)));
  const path = `stages[${index}]`;
  return (
    <li class="row card" onKeyDown={onKeyDown}>
      <RowHeader
        noun="stage"
        field="name"
        index={index}
        count={count}
        inputId={`stage-${id}-name`}
        path={`${path}.name`}
        value={stage.name}
        onValue={(v) => panel.edit((m) => updateStage(m, id, { name: v }))}
        move={move}
        onRemove={() => panel.edit((m) => removeStage(m, id))}
        canRemove={count > 1}
        canInsert={count < LIMITS.stages}
        onInsertAfter={() => {
          panel.edit((m) => insertStageAfter(m, id));
          // The new stage is the one after this: its name takes the focus, ready to be typed over.
          const stages = panel.state.map.stages;
          const added = stages[stages.findIndex((s) => s.id === id) + 1];
          if (added) refocus(`stage-${added.id}-name`, true);
        }}
      />
      <div class="two-col">
        <Field
          label="Phase"
          labelSuffix={` of stage ${n}`}
          id={`stage-${id}-phase`}
          path={`${path}.phase`}
          placeholder="Optional group, e.g. Before"
          value={stage.phase ?? ''}
          maxLength={LIMITS.shortText}
          onValue={(v) => panel.edit((m) => updateStage(m, id, { phase: v }))}
        />
        <Field
          label="Description"
          labelSuffix={` of stage ${n}`}
          id={`stage-${id}-description`}
          path={`${path}.description`}
          placeholder="Optional"
          value={stage.description ?? ''}
          maxLength={LIMITS.longText}
          onValue={(v) => panel.edit((m) => updateStage(m, id, { description: v }))}
        />
      </div>
      <div class="moment">
        <label class="check" for={`stage-${id}-moment`}>
          <input
            type="checkbox"
            id={`stage-${id}-moment`}
            data-path={`${path}.moment`}
            checked={stage.moment === true}
            onChange={(e) => {
              const on = e.currentTarget.checked;
              panel.edit((m) => setStageMoment(m, id, on));
            }}
          />
          Moment of truth<span class="sr-only"> of stage {n}</span>
        </label>
        {stage.moment && (
          <Field
            label="Moment note"
            labelSuffix={` of stage ${n}`}
            class="label-hidden"
            id={`stage-${id}-moment-note`}
            path={`${path}.momentNote`}
            placeholder="Why it matters (optional)"
            value={stage.momentNote ?? ''}
            maxLength={LIMITS.noteText}
            onValue={(v) => panel.edit((m) => updateStage(m, id, { momentNote: v }))}
          />
        )}
      </div>
      {emotionLanes.map((laneId) => (
        <EmotionControl key={laneId} laneId={laneId} stageId={id} place="stage" />
      ))}
    </li>
  );
}
