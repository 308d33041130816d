/**
 * The persona card in the map header: avatar with initials, name and role, quote, description, goals and frustrations.
 */
import type { Persona } from '../../model';
import { type Fonts, frame, text } from '../nodes';
import type { NodeSpec } from '../spec';
import { SPACE, TYPE, type Palette } from '../theme';

function initials(name: string): string {
  const letters = name
    .trim()
    .split(/\s+/)
    .slice(0, 2)
    .map((w) => Array.from(w)[0] ?? '')
    .join('');
  return letters.toUpperCase() || '?';
}

/**
 * One persona's card, keyed by the persona's id. `stacked`: a narrow card beside others,
 * its sections one under the other instead of side by side.
 */
export function personaSpec(p: Persona, width: number, fonts: Fonts, pal: Palette, stacked: boolean): NodeSpec {
  const t = (
    key: string,
    role: NodeSpec['tag']['role'],
    characters: string,
    style: typeof TYPE.personaBody,
    color: string,
    index?: number,
  ) =>
    text({
      key,
      name: role,
      tag: index === undefined ? { role } : { role, index },
      characters,
      style,
      fonts,
      color,
      width: 'FILL',
    });
  const identity: NodeSpec[] = [
    frame({
      key: 'avatar',
      name: 'Avatar',
      tag: { role: 'persona-avatar' },
      layout: 'HORIZONTAL',
      sizing: ['FIXED', 'FIXED'],
      size: { width: SPACE.avatarSize, height: SPACE.avatarSize },
      fill: pal.colors.personaAccent,
      radius: SPACE.avatarSize / 2,
      align: 'CENTER',
      justify: 'CENTER',
      children: [
        text({
          key: 'initials',
          name: 'Initials',
          tag: { role: 'persona-initials' },
          characters: initials(p.name),
          style: TYPE.avatar,
          fonts,
          color: pal.colors.personaAvatarText,
          width: 'HUG',
          align: 'CENTER',
        }),
      ],
    }),
    t('name', 'persona-name', p.name, TYPE.personaName, pal.colors.text),
  ];
  if (p.role) identity.push(t('role', 'persona-role', p.role, TYPE.personaRole, pal.colors.textSecondary));
  if (p.quote)
    identity.push(t('quote', 'persona-quote', `“${p.quote}”`, TYPE.personaQuote, pal.colors.personaSectionTitle));

  const column = (
    key: string,
    title: string,
    role: 'persona-column' | 'persona-goals' | 'persona-frustrations',
    body: NodeSpec[],
  ) =>
    frame({
      key,
      name: title,
      tag: { role },
      layout: 'VERTICAL',
      sizing: ['FILL', 'HUG'],
      gap: 8,
      children: [
        text({
          key: `${key}-title`,
          name: `${title} title`,
          tag: { role: 'persona-section-title' },
          characters: title,
          style: TYPE.personaSection,
          fonts,
          color: pal.colors.personaSectionTitle,
          width: 'FILL',
          upper: true,
          letterSpacing: 6,
        }),
        ...body,
      ],
    });
  const children: NodeSpec[] = [
    frame({
      key: 'identity',
      name: 'Identity',
      tag: { role: 'persona-identity' },
      layout: 'VERTICAL',
      sizing: stacked ? ['FILL', 'HUG'] : ['FIXED', 'HUG'],
      size: { width: SPACE.personaIdentityWidth, height: 100 },
      gap: 8,
      children: identity,
    }),
  ];
  if (p.description)
    children.push(
      column('about', 'About', 'persona-column', [
        t('description', 'persona-description', p.description, TYPE.personaBody, pal.colors.textSecondary),
      ]),
    );
  if (p.goals?.length)
    children.push(
      column(
        'goals',
        'Goals',
        'persona-goals',
        p.goals.map((g, i) => t(`goal:${i}`, 'persona-goal', `• ${g}`, TYPE.personaBody, pal.colors.text, i)),
      ),
    );
  if (p.frustrations?.length)
    children.push(
      column(
        'frustrations',
        'Frustrations',
        'persona-frustrations',
        p.frustrations.map((g, i) =>
          t(`frustration:${i}`, 'persona-frustration', `• ${g}`, TYPE.personaBody, pal.colors.text, i),
        ),
      ),
    );
  return frame({
    key: `persona:${p.id}`,
    name: `Persona: ${p.name}`,
    tag: { role: 'persona' },
    layout: stacked ? 'VERTICAL' : 'HORIZONTAL',
    sizing: ['FIXED', 'HUG'],
    size: { width, height: 100 },
    padding: SPACE.personaPadding,
    gap: SPACE.personaGap,
    fill: pal.colors.personaBackground,
    radius: SPACE.radiusBlock,
    children,
  });
}
