/**
 * The rows above the lanes: the phase band (one band per run of stages in a phase) and the stage headers.
 */
import type { JourneyMap } from '../../model';
import type { GridGeometry } from '../grid';
import { type Fonts, frame, text } from '../nodes';
import { phaseRuns } from '../phases';
import type { NodeSpec } from '../spec';
import { SPACE, TYPE, type Palette } from '../theme';
import { labelColumn, row } from './rows';
import { momentHeader, withMomentBorder } from './moments';

export function phaseRow(map: JourneyMap, g: GridGeometry, fonts: Fonts, pal: Palette): NodeSpec {
  let coloured = 0;
  // Bands are keyed by their phase (and which occurrence of it, for A, B, A), never by their first
  // stage: removing or moving that stage must not redraw the band and lose the designer's styling.
  const seen = new Map<string, number>();
  // `phase:<name>` for a phase's first band, `phase#<n>:<name>` for its n-th: the occurrence sits
  // before the colon, so no phase name (which may contain "#" or ":") can produce another's key.
  const keyOf = (prefix: string, name: string) => {
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n === 1 ? `${prefix}:${name}` : `${prefix}#${n}:${name}`;
  };
  const bands = phaseRuns(map.stages).map((run) => {
    const width = g.span(run.start, run.count);
    if (run.phase === undefined) {
      return frame({
        key: keyOf('gap', ''),
        name: 'No phase',
        tag: { role: 'spacer', stage: run.firstStageId },
        layout: 'VERTICAL',
        sizing: ['FIXED', 'HUG'],
        size: { width, height: 10 },
      });
    }
    const fill = pal.phaseFills[coloured++ % pal.phaseFills.length];
    return frame({
      key: keyOf('phase', run.phase),
      name: `Phase: ${run.phase}`,
      tag: { role: 'phase', stage: run.firstStageId, phase: run.phase },
      layout: 'VERTICAL',
      sizing: ['FIXED', 'HUG'],
      size: { width, height: 20 },
      padding: [SPACE.phasePaddingY, SPACE.cellPadding],
      fill,
      radius: SPACE.radiusCard,
      children: [
        text({
          key: 'label',
          name: 'Phase label',
          tag: { role: 'phase-label', stage: run.firstStageId },
          characters: run.phase,
          style: TYPE.phase,
          fonts,
          color: pal.colors.phaseText,
          width: 'FILL',
          upper: true,
          letterSpacing: 4,
        }),
      ],
    });
  });
  // Transparent row with the same padding as the lanes so bands line up with columns.
  return frame({
    key: 'phases',
    name: 'Phases',
    tag: { role: 'phase-row' },
    layout: 'HORIZONTAL',
    sizing: ['HUG', 'HUG'],
    padding: [0, SPACE.cellPadding],
    gap: SPACE.columnGap,
    children: [labelColumn('label', { role: 'spacer' }, []), ...bands],
  });
}

export function stageRow(map: JourneyMap, g: GridGeometry, fonts: Fonts, pal: Palette): NodeSpec {
  const headers = map.stages.map((s, i) => {
    // A moment of truth: its header has an accent border, a label above the name and its note below.
    const moment = s.moment ? momentHeader(s, g.columns[i].width, fonts, pal) : undefined;
    const children = [
      ...(moment?.before ?? []),
      text({
        key: 'name',
        name: 'Stage name',
        tag: { role: 'stage-name', stage: s.id },
        characters: s.name,
        style: TYPE.stageName,
        fonts,
        color: pal.colors.stageText,
        width: 'FILL',
      }),
    ];
    if (s.description)
      children.push(
        text({
          key: 'description',
          name: 'Stage description',
          tag: { role: 'stage-description', stage: s.id },
          characters: s.description,
          style: TYPE.stageDescription,
          fonts,
          color: pal.colors.stageDescription,
          width: 'FILL',
        }),
      );
    if (moment) children.push(...moment.after);
    const header = frame({
      key: `stage:${s.id}`,
      name: `Stage: ${s.name}`,
      tag: { role: 'stage-header', stage: s.id },
      layout: 'VERTICAL',
      sizing: ['FIXED', 'HUG'],
      size: { width: g.columns[i].width, height: 24 },
      gap: 4,
      ...moment?.look,
      children,
    });
    return moment ? withMomentBorder(header) : header;
  });
  const label = labelColumn('label', { role: 'stage-row-label' }, [
    text({
      key: 'title',
      name: 'Stages label',
      tag: { role: 'stage-row-label' },
      characters: 'Stages',
      style: TYPE.laneTitle,
      fonts,
      color: pal.colors.stageDescription,
      width: 'FILL',
      upper: true,
      letterSpacing: 6,
    }),
  ]);
  return row('stages', 'Stages', { role: 'stage-row' }, pal.colors.stageBackground, label, headers);
}
