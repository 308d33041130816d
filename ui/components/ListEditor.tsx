/** An editable list of short texts (persona goals, frustrations): one input per item. */
import { LIMITS } from '../../src/model';
import { refocus } from '../hooks';
import { Field, IconButton } from './fields';

interface Props {
  /** Singular noun used in labels: "Goal" → "Goal 2", "Add goal". */
  noun: string;
  heading: string;
  path: string;
  items: string[];
  onChange: (items: string[]) => void;
}

export function ListEditor({ noun, heading, path, items, onChange }: Props) {
  const idBase = `list-${path.replace(/\W+/g, '-')}`;
  const lower = noun.toLowerCase();
  return (
    <fieldset class="list">
      <legend>{heading}</legend>
      {items.map((item, i) => (
        <div class="list-row" key={i}>
          <Field
            label={`${noun} ${i + 1}`}
            class="grow label-hidden"
            id={`${idBase}-${i}`}
            path={`${path}[${i}]`}
            value={item}
            maxLength={LIMITS.itemText}
            onValue={(v) => onChange(items.map((x, j) => (j === i ? v : x)))}
          />
          <IconButton label={`Remove ${lower} ${i + 1}`} onClick={() => onChange(items.filter((_, j) => j !== i))}>
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
      </button>
    </fieldset>
  );
}
