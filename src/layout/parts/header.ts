/**
 * The map header: title block and the persona cards (one full width, or several side by
 * side), as wide as the grid.
 */
import type { JourneyMap } from '../../model';
import { type Fonts, frame, text } from '../nodes';
import type { NodeSpec } from '../spec';
import { SPACE, TYPE, type Palette } from '../theme';
import { personaSpec } from './persona';
import { momentLegend } from './moments';

export function headerSpec(map: JourneyMap, width: number, fonts: Fonts, pal: Palette): NodeSpec {
  const stageCount = `${map.stages.length} stage${map.stages.length === 1 ? '' : 's'}`;
  const names = (map.personas ?? []).map((p) => p.name);
  const who =
    names.length > 2 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names.join(' and ');
  const subtitle = who ? `Customer journey map · ${who} · ${stageCount}` : `Customer journey map · ${stageCount}`;
  const children = [
    frame({
      key: 'title-block',
      name: 'Title',
      tag: { role: 'title-block' },
      layout: 'VERTICAL',
      sizing: ['FILL', 'HUG'],
      gap: 6,
      children: [
        text({
          key: 'title',
          name: 'Title',
          tag: { role: 'title' },
          characters: map.title,
          style: TYPE.title,
          fonts,
          color: pal.colors.text,
          width: 'FILL',
        }),
        text({
          key: 'subtitle',
          name: 'Subtitle',
          tag: { role: 'subtitle' },
          characters: subtitle,
          style: TYPE.subtitle,
          fonts,
          color: pal.colors.textMuted,
          width: 'FILL',
        }),
        ...(map.objective
          ? [
              text({
                key: 'objective',
                name: 'Objective',
                tag: { role: 'objective' },
                characters: map.objective,
                style: TYPE.objective,
                fonts,
                color: pal.colors.textSecondary,
                width: 'FILL',
              }),
            ]
          : []),
        ...momentLegend(map, width, fonts, pal),
      ],
    }),
  ];
  const personas = map.personas ?? [];
  if (personas.length === 1) children.push(personaSpec(personas[0], width, fonts, pal, false));
  else if (personas.length > 1) {
    // Side by side, each as wide as its share: widths are fixed, never "fill" in a hugging row.
    const gap = SPACE.personaGap;
    const each = Math.floor((width - gap * (personas.length - 1)) / personas.length);
    children.push(
      frame({
        key: 'personas',
        name: 'Personas',
        tag: { role: 'personas' },
        layout: 'HORIZONTAL',
        sizing: ['FIXED', 'HUG'],
        size: { width, height: 100 },
        gap,
        children: personas.map((p) => personaSpec(p, each, fonts, pal, true)),
      }),
    );
  }
  return frame({
    key: 'header',
    name: 'Header',
    tag: { role: 'header' },
    layout: 'VERTICAL',
    sizing: ['FIXED', 'HUG'],
    size: { width, height: 100 },
    gap: SPACE.headerGap,
    children,
  });
}
