/**
 * The head of a persona, stage or lane row: its number, its name field, and buttons to
 * move it up or down and remove it. Alt+↑/↓ is handled by the row around it
 * (see `rowMover`), which also gives this header its `move`.
 */
import { LIMITS } from '../../src/model';
import { Field, IconButton } from './fields';

export interface RowHeaderProps {
  /** What the row is, as said in labels: "persona", "stage" or "lane". */
  noun: string;
  /** Which field the name is, as said in its label: "name" or "title". */
  field: string;
  /** 0-based position of the row; labels count from 1. */
  index: number;
  count: number;
  /** id of the name input, so focus can return to it after a move or an add. */
  inputId: string;
  /** Map path of the name, for its validation issue, e.g. `stages[2].name`. */
  path: string;
  value: string;
  onValue: (v: string) => void;
  /** When the name field is left after a change. */
  onCommit?: (v: string) => void;
  /** Placeholder of the name field. */
  placeholder?: string;
  move: (by: number) => void;
  onRemove: () => void;
  /** Whether the row may be removed now (a map keeps at least one stage). Default true. */
  canRemove?: boolean;
  /** Put a new row right after this one; no button without it. */
  onInsertAfter?: () => void;
  /** Whether a row may be added now (below the limit). Default true. */
  canInsert?: boolean;
}

export function RowHeader(p: RowHeaderProps) {
  const n = p.index + 1;
  const Noun = p.noun.charAt(0).toUpperCase() + p.noun.slice(1);
  return (
    <div class="row-head">
      <span class="badge" aria-hidden="true">
        {n}
      </span>
      <Field
        class="grow"
        label={`${Noun} ${n} ${p.field}`}
        id={p.inputId}
        path={p.path}
        value={p.value}
        maxLength={LIMITS.shortText}
        onValue={p.onValue}
        onCommit={p.onCommit}
        placeholder={p.placeholder}
      />
      <div class="row-tools">
        {p.onInsertAfter && (
          <IconButton
            id={`${p.inputId}-insert`}
            label={`Insert ${p.noun} after ${p.noun} ${n}`}
            disabled={p.canInsert === false}
            onClick={p.onInsertAfter}
          >
            +
          </IconButton>
        )}
        <IconButton
          id={`${p.inputId}-up`}
          label={`Move ${p.noun} ${n} up`}
          disabled={p.index === 0}
          onClick={() => p.move(-1)}
        >
          ↑
        </IconButton>
        <IconButton
          id={`${p.inputId}-down`}
          label={`Move ${p.noun} ${n} down`}
          disabled={p.index === p.count - 1}
          onClick={() => p.move(1)}
        >
          ↓
        </IconButton>
        <IconButton
          label={`Remove ${p.noun} ${n}`}
          class="danger"
          disabled={p.canRemove === false}
          onClick={p.onRemove}
        >
          ×
        </IconButton>
      </div>
    </div>
  );
}
