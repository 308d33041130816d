/**
 * A metric cell as people write it, both ways: `{ value: 18, unit: "%" }` is "18%",
 * `{ value: 3.5, unit: "min" }` is "3.5 min". The map draws these words, the reader parses
 * what a designer typed on the canvas ("18 %", "3,5 min", "−2 pts"), and the table
 * import and export use the same two functions, so one place says what a metric looks like.
 */
import type { MetricCell } from './schema';

/** Units written against the number ("18%", "4.2★"); every other unit after a space ("3 min"). */
const TIGHT_UNIT = /^[%‰°★′″]/;

/** A number as written in the map: no exponent, no trailing zeros, a real minus sign. */
export function formatNumber(n: number): string {
  const text = Number.isInteger(n) ? String(n) : String(Math.round(n * 1e6) / 1e6);
  return text.startsWith('-') ? `−${text.slice(1)}` : text;
}

/** "18%", "3.5 min", "12": the value with its unit. */
export function formatMetric(cell: Pick<MetricCell, 'value' | 'unit'>): string {
  const value = formatNumber(cell.value);
  if (!cell.unit) return value;
  return TIGHT_UNIT.test(cell.unit) ? `${value}${cell.unit}` : `${value} ${cell.unit}`;
}

/** Whether a metric meets its target (undefined without a target). */
export function metricMet(cell: MetricCell): boolean | undefined {
  if (cell.target === undefined) return undefined;
  return cell.better === 'lower' ? cell.value <= cell.target : cell.value >= cell.target;
}

const NUMBER = /^([+\-−]?)\s*(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?|[.,]\d+)\s*(.*)$/s;

/**
 * "18 %", "3,5 min", "−2 pts", "+4.2" → value and unit; undefined when the text does not start
 * with a number. A comma is a decimal point when it is the only separator ("3,5"); commas
 * before groups of three digits are thousands ("1,200", "1,200,000", "1,234.5"), as in
 * English spreadsheets.
 */
export function parseMetric(text: string): { value: number; unit?: string } | undefined {
  const m = NUMBER.exec(text.trim());
  if (!m) return undefined;
  const [, sign, digits, rest] = m;
  const thousands = /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(digits);
  const value = Number(thousands ? digits.replace(/,/g, '') : digits.replace(',', '.'));
  if (!Number.isFinite(value)) return undefined;
  const unit = rest.trim();
  const signed = sign === '-' || sign === '−' ? -value : value;
  return unit ? { value: signed + 0, unit } : { value: signed + 0 };
}
