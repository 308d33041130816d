/**
 * Validation of `fills` / `strokes` the way Figma validates them on write.
 * Figma checks paints with a strict schema and throws, e.g.
 *   in set_fills: Property "fills" failed validation: Unrecognized key(s) in object: 'a' at [0].color
 * (a well-known error: RGBA colours belong to effects, SOLID paints take `opacity`).
 * Typings (plugin-api.d.ts, RGB): channels are 0..1, not 0..255.
 * Only SOLID paints are implemented; anything else is reported as not implemented.
 */
const SOLID_KEYS = new Set(['type', 'color', 'opacity', 'visible', 'blendMode', 'boundVariables']);
const RGB_KEYS = new Set(['r', 'g', 'b']);

function fail(prop: string, detail: string): never {
  throw new Error(`in set_${prop}: Property "${prop}" failed validation: ${detail}`);
}

export function validatePaints(value: unknown, prop: string): ReadonlyArray<Paint> {
  if (!Array.isArray(value)) fail(prop, `Expected array, received ${value === null ? 'null' : typeof value}`);
  return Object.freeze(
    value.map((p: unknown, i: number) => {
      if (!p || typeof p !== 'object') fail(prop, `Expected object, received ${typeof p} at [${i}]`);
      const paint = p as Record<string, unknown>;
      if (paint.type !== 'SOLID') throw new Error(`FakeFigma: paint type ${String(paint.type)} is not implemented`);
      const extra = Object.keys(paint).filter((k) => !SOLID_KEYS.has(k));
      if (extra.length) fail(prop, `Unrecognized key(s) in object: ${extra.map((k) => `'${k}'`).join(', ')} at [${i}]`);
      const color = paint.color as Record<string, unknown> | undefined;
      if (!color || typeof color !== 'object') fail(prop, `Required value missing at [${i}].color`);
      const extraC = Object.keys(color).filter((k) => !RGB_KEYS.has(k));
      if (extraC.length)
        fail(prop, `Unrecognized key(s) in object: ${extraC.map((k) => `'${k}'`).join(', ')} at [${i}].color`);
      for (const ch of ['r', 'g', 'b'] as const) {
        const v = color[ch];
        if (typeof v !== 'number' || !Number.isFinite(v)) fail(prop, `Expected number at [${i}].color.${ch}`);
        if (v < 0 || v > 1)
          fail(prop, `Expected color.${ch} to be a number between 0 and 1, got ${v} at [${i}].color.${ch}`);
      }
      if (
        paint.opacity !== undefined &&
        (typeof paint.opacity !== 'number' || paint.opacity < 0 || paint.opacity > 1)
      ) {
        fail(prop, `Expected opacity to be a number between 0 and 1 at [${i}].opacity`);
      }
      if (paint.visible !== undefined && typeof paint.visible !== 'boolean')
        fail(prop, `Expected boolean at [${i}].visible`);
      // Typings, SolidPaint.boundVariables: { color?: VariableAlias } (figma.variables.setBoundVariableForPaint).
      const bound = paint.boundVariables as Record<string, unknown> | undefined;
      if (bound !== undefined) {
        const alias = bound && typeof bound === 'object' ? (bound.color as Record<string, unknown>) : undefined;
        const extraB = bound && typeof bound === 'object' ? Object.keys(bound).filter((k) => k !== 'color') : [];
        if (extraB.length)
          fail(prop, `Unrecognized key(s) in object: '${extraB.join("', '")}' at [${i}].boundVariables`);
        if (alias !== undefined && (alias?.type !== 'VARIABLE_ALIAS' || typeof alias.id !== 'string'))
          fail(prop, `Expected a VariableAlias { type: 'VARIABLE_ALIAS', id } at [${i}].boundVariables.color`);
      }
      const alias = (bound?.color as VariableAlias | undefined) ?? undefined;
      // Reading back gives Figma's normalised paint: visible/opacity/blendMode filled in.
      return Object.freeze({
        type: 'SOLID' as const,
        visible: (paint.visible as boolean | undefined) ?? true,
        opacity: (paint.opacity as number | undefined) ?? 1,
        blendMode: (paint.blendMode as BlendMode | undefined) ?? 'NORMAL',
        color: Object.freeze({ r: color.r as number, g: color.g as number, b: color.b as number }),
        ...(alias
          ? { boundVariables: Object.freeze({ color: Object.freeze({ type: alias.type, id: alias.id }) }) }
          : {}),
      });
    }),
  );
}
