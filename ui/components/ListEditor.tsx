/** An editable list of short texts (a persona's goals, frustrations): one input per item. */
import { LIMITS } from '../../src/model';
import { refocus } from '../hooks';
import { Field, IconButton } from './fields';

interface Props {
  /** Singular noun used in labels: "Goal" → "Goal 2", "Add goal". */
  noun: string;
  heading: string;
  /** Extra words for screen readers after each label, e.g. " of persona 2". */
  labelSuffix?: string;
  path: string;
  items: string[];
  onChange: (items: string[]) => void;
}

export function ListEditor({ noun, heading, labelSuffix = '', path, items, onChange }: Props) {
  const idBase = `list-${path.replace(/\W+/g, '-')}`;
  const lower = noun.toLowerCase();
  return (
    <fieldset class="list">
      <legend>
        {heading}
        {labelSuffix && ' '}
        {labelSuffix && <span class="sr-only">{labelSuffix.trim()}</span>}
      </legend>
      {items.map((item, i) => (
        <div class="list-row" key={i}>
          <Field
            label={`${noun} ${i + 1}`}
            labelSuffix={labelSuffix || undefined}
            class="grow label-hidden"
            id={`${idBase}-${i}`}
            path={`${path}[${i}]`}
            value={item}
            maxLength={LIMITS.itemText}
            onValue={(v) => onChange(items.map((x, j) => (j === i ? v : x)))}
          />
          <IconButton
            label={`Remove ${lower} ${i + 1}${labelSuffix}`}
            onClick={() => onChange(items.filter((_, j) => j !== i))}
          >
            ×
          </IconButton>
        </div>
      ))}
      <button
        type="button"
        class="btn-link"
        disabled={items.length >= LIMITS.listItems}
        onClick={() => {
          onChange([...items, '']);
          refocus(`${idBase}-${items.length}`);
        }}
      >
        + Add {lower}
        {/* The space outside the hidden words: accessible names are trimmed piece by piece. */}
        {labelSuffix && ' '}
        {labelSuffix && <span class="sr-only">{labelSuffix.trim()}</span>}
      </button>
    </fieldset>
  );
}
