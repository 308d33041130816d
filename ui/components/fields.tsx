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

export function IconButton(p: {
  label: string;
  onClick: () => void;
  disabled?: boolean;
  children: preact.ComponentChildren;
  class?: string;
}) {
  return (
    <button
      type="button"
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
