/**
 * Stable ids for stages and lanes. Hand-written files need none: a stage
 * "Check out" gets `check-out`. Once given, an id never changes when the name
 * does, because the canvas nodes and every cell are keyed by it.
 */
const MAX_SLUG = 48;

export function slugify(text: string, fallback: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // strip accents: "Café" → "cafe"
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG)
    .replace(/-+$/g, '');
  // Names in scripts without Latin letters (emoji, Arabic, CJK) slug to nothing.
  return slug || fallback;
}

/** `base` if free, else `base-2`, `base-3`… Marks the result as taken. */
export function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}
