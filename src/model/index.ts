export * from './schema';
export * from './limits';
export * from './errors';
export { normaliseMap, parseMapJson, serialiseMap } from './normalise';
export { migrate, MIGRATIONS } from './migrate';
export { slugify, uniqueId } from './ids';
export { formatMetric, formatNumber, metricMet, parseMetric } from './metric';
