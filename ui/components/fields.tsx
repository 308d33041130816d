/** Labelled inputs that show the validation issues concerning them right below. */
import type { JSX } from 'preact';
import { useId } from 'preact/hooks';
import { useIssueText } from '../hooks';

interface FieldProps {
  label: string;
  /** Extra words for screen readers only, e.g. " of stage 2", so every control has a unique name. */
  labelSuffix?: string;
  /** Map path for issues, e.g. `stages[2].name`. */
  path: string;
  value: string;
  onValue: (v: string) => void;
  /** When the field is left after a change (the native `change` event). */
  onCommit?: (v: string) => void;
  multiline?: boolean;
  rows?: number;
  id?: string;
  placeholder?: string;
  maxLength?: number;
  onKeyDown?: (e: JSX.TargetedKeyboardEvent<HTMLElement>) => void;
  class?: string;
}

export function Field(p: FieldProps) {
  const autoId = useId();
  const id = p.id ?? `f${autoId}`;
  const issue = useIssueText(p.path);
  const errId = `${id}-err`;
  const common = {
    id,
    value: p.value,
    placeholder: p.placeholder,
    maxLength: p.maxLength,
    'data-path': p.path,
    'aria-invalid': issue ? true : undefined,
    'aria-describedby': issue ? errId : undefined,
    onKeyDown: p.onKeyDown,
    onInput: (e: JSX.TargetedEvent<HTMLInputElement | HTMLTextAreaElement>) => p.onValue(e.currentTarget.value),
    onChange:
      p.onCommit &&
      ((e: JSX.TargetedEvent<HTMLInputElement | HTMLTextAreaElement>) => p.onCommit!(e.currentTarget.value)),
  };
  return (
    <div class={`field${p.class ? ` ${p.class}` : ''}`}>
      <label for={id}>
        {p.label}
        {p.labelSuffix && <span class="sr-only">{p.labelSuffix}</span>}
      </label>
      {p.multiline ? <textarea rows={p.rows ?? 2} {...common} /> : <input type="text" {...common} />}
      {issue && (
        <p class="field-error" id={errId}>
          {issue}
        </p>
      )}
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
  disabled?: boolean;
}

interface SelectProps {
  label: string;
  labelSuffix?: string;
  /** Map path for issues and for the problem summary to find the control. */
  path: string;
  id: string;
  value: string;
  options: readonly Option[];
  onValue: (v: string) => void;
  disabled?: boolean;
  /** A line under the control saying why it is as it is (not an error). */
  hint?: string;
  class?: string;
}

/** A labelled select that shows the validation issues concerning it right below. */
export function SelectField(p: SelectProps) {
  const issue = useIssueText(p.path);
  const errId = `${p.id}-err`;
  const hintId = `${p.id}-hint`;
  const described = [issue && errId, p.hint && hintId].filter(Boolean).join(' ');
  return (
    <div class={`field${p.class ? ` ${p.class}` : ''}`}>
      <label for={p.id}>
        {p.label}
        {p.labelSuffix && <span class="sr-only">{p.labelSuffix}</span>}
      </label>
      <select
        id={p.id}
        value={p.value}
        disabled={p.disabled}
        data-path={p.path}
        aria-invalid={issue ? true : undefined}
        aria-describedby={described || undefined}
        onChange={(e) => p.onValue(e.currentTarget.value)}
      >
        {p.options.map((o) => (
          <option value={o.value} key={o.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
      </select>
      {p.hint && (
        <p class="field-hint" id={hintId}>
          {p.hint}
        </p>
      )}
      {issue && (
        <p class="field-error" id={errId}>
          {issue}
        </p>
      )}
    </div>
  );
}

export function IconButton(p: {
  label: string;
  onClick: () => void;
  disabled?: boolean;
  children: preact.ComponentChildren;
  class?: string;
  id?: string;
}) {
  return (
    <button
      type="button"
      id={p.id}
      class={`icon-btn${p.class ? ` ${p.class}` : ''}`}
      aria-label={p.label}
      title={p.label}
      disabled={p.disabled}
      onClick={p.onClick}
    >
      <span aria-hidden="true">{p.children}</span>
    </button>
  );
}
