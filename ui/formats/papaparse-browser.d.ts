/**
 * The slice of papaparse's API the panel uses (ui/formats/table.ts), typed for
 * the browser. tsconfig.ui.json maps `papaparse` here because @types/papaparse
 * references Node's types, which would put `process`, `Buffer` and friends into
 * the panel's context; the Node context (tests) keeps @types/papaparse.
 */
export interface ParseConfig {
  delimiter?: string;
}
export interface ParseResult<T> {
  data: T[];
  errors: Array<{ type: string; code: string; message: string; row?: number }>;
}
export interface UnparseConfig {
  delimiter?: string;
  newline?: string;
}
declare const Papa: {
  parse<T>(input: string, config?: ParseConfig): ParseResult<T>;
  unparse(data: unknown[][], config?: UnparseConfig): string;
};
export default Papa;
