/**
 * The map header: title block and persona card, as wide as the grid.
 */
import type { JourneyMap } from '../../model';
import { type Fonts, frame, text } from '../nodes';
import type { NodeSpec } from '../spec';
import { COLORS, SPACE, TYPE } from '../theme';
import { personaSpec } from './persona';

export function headerSpec(map: JourneyMap, width: number, fonts: Fonts): NodeSpec {
  const stageCount = `${map.stages.length} stage${map.stages.length === 1 ? '' : 's'}`;
  const subtitle = map.persona
    ? `Customer journey map · ${map.persona.name} · ${stageCount}`
    : `Customer journey map · ${stageCount}`;
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
          color: COLORS.text,
          width: 'FILL',
        }),
        text({
          key: 'subtitle',
          name: 'Subtitle',
          tag: { role: 'subtitle' },
          characters: subtitle,
          style: TYPE.subtitle,
          fonts,
          color: COLORS.textMuted,
          width: 'FILL',
        }),
      ],
    }),
  ];
  if (map.persona) children.push(personaSpec(map.persona, width, fonts));
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
