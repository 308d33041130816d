import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatMetric, metricMet, parseMetric } from '../../src/model';
import { arbMetric } from '../support/arbitraries';

describe('metric text, both ways', () => {
  it('writes units as people do: "%" against the number, words after a space, a real minus', () => {
    expect(formatMetric({ value: 18, unit: '%' })).toBe('18%');
    expect(formatMetric({ value: 3.5, unit: 'min' })).toBe('3.5 min');
    expect(formatMetric({ value: -2, unit: 'pts' })).toBe('−2 pts');
    expect(formatMetric({ value: 0.1 + 0.2 })).toBe('0.3');
  });

  it('reads what a designer types on the canvas', () => {
    expect(parseMetric('18 %')).toEqual({ value: 18, unit: '%' });
    expect(parseMetric('3,5 min')).toEqual({ value: 3.5, unit: 'min' });
    expect(parseMetric('1,200 visits')).toEqual({ value: 1200, unit: 'visits' });
    expect(parseMetric('1,200,000 visits')).toEqual({ value: 1200000, unit: 'visits' });
    expect(parseMetric('1,234.5 €')).toEqual({ value: 1234.5, unit: '€' });
    expect(parseMetric('-2')).toEqual({ value: -2 });
    expect(parseMetric('−0')).toEqual({ value: 0 });
    expect(Object.is(parseMetric('−0')!.value, -0)).toBe(false);
    expect(parseMetric('n/a')).toBeUndefined();
    expect(parseMetric('')).toBeUndefined();
  });

  it('reads back exactly what it writes', () => {
    fc.assert(
      fc.property(arbMetric, (cell) => {
        const read = parseMetric(formatMetric(cell));
        expect(read).toEqual(cell.unit === undefined ? { value: cell.value } : { value: cell.value, unit: cell.unit });
      }),
    );
  });

  it('meets a target in the direction that is better', () => {
    expect(metricMet({ value: 12, target: 15 })).toBe(false);
    expect(metricMet({ value: 12, target: 15, better: 'lower' })).toBe(true);
    expect(metricMet({ value: 15, target: 15, better: 'lower' })).toBe(true);
    expect(metricMet({ value: 15 })).toBeUndefined();
  });
});
