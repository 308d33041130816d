/**
 * Validation of `vectorPaths[].data` the way Figma's parser treats it.
 * Typings (VectorPath.data): a subset of the SVG path format: only the
 * commands M, L, Q, C and Z are supported, absolute only; relative commands,
 * H/V/S/T shorthands and arcs (A) are rejected when set from a plugin.
 * We also reject commas and exponent notation, which Figma's own output never
 * contains, so the plugin cannot come to depend on them.
 */
const ARITY: Record<string, number> = { M: 2, L: 2, Q: 4, C: 6, Z: 0 };

export function validatePathData(data: string): void {
  if (typeof data !== 'string') throw new Error('Failed to parse path: data must be a string');
  if (/,/.test(data)) throw new Error(`Failed to parse path "${data.slice(0, 40)}": commas are not supported`);
  if (data === '') return; // an empty path is allowed (an empty vector)
  // Typings (VectorPath.data): "Path commands must be joined into a single string in order
  // separated by a single space." Tabs, newlines, runs of spaces and padding are refused.
  if (!/^\S+( \S+)*$/.test(data))
    throw new Error(`Failed to parse path "${data.slice(0, 40)}": tokens must be separated by single spaces`);
  const tokens = data.split(' ');
  if (tokens[0] !== 'M') throw new Error(`Failed to parse path "${data.slice(0, 40)}": must start with M`);
  let i = 0;
  while (i < tokens.length) {
    const cmd = tokens[i];
    if (!(cmd in ARITY))
      throw new Error(`Failed to parse path: unsupported command "${cmd}" (only absolute M L Q C Z)`);
    const n = ARITY[cmd];
    for (let k = 1; k <= n; k++) {
      const t = tokens[i + k];
      if (t === undefined || !/^-?\d+(\.\d+)?$/.test(t) || !Number.isFinite(Number(t))) {
        throw new Error(`Failed to parse path: "${cmd}" needs ${n} numbers, got "${t ?? 'end of path'}"`);
      }
    }
    i += n + 1;
  }
}
