// TEMPORARY stand-in until src/formats lands; replaced by the real module.
import type { JourneyMap, Result } from '../src/model';
const no = (): Result<JourneyMap> => ({ ok: false, issues: [{ path: '', message: 'format not available yet' }] });
export const detectFormat = (t: string): 'json' | 'mermaid' | 'table' | 'unknown' => (t.trim().startsWith('{') ? 'json' : 'unknown');
export const parseMermaidJourney = (_t: string) => no();
export const parseTable = (_t: string) => no();
export const toMermaidJourney = (_m: JourneyMap) => '';
export const toTable = (_m: JourneyMap, _d?: string) => '';
