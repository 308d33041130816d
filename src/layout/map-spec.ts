/**
 * Map → NodeSpec tree: the whole look of a journey map on the canvas, as data.
 *
 * Structure (keys in brackets; tags in src/layout/spec.ts):
 *   [map] vertical auto-layout, hugs its content
 *     [header] title block + persona card (fixed to the grid's width)
 *     [grid]   [phases] band · [stages] dark header row · [lane:<id>] one row per lane
 *
 * Rows are the coloured bands and cells are transparent: in auto-layout cells
 * of one row can't share a height while still growing with their text, so a
 * band behind the whole row keeps the grid tidy when a designer adds text.
 * All widths are fixed from one column width, so nothing relies on
 * "fill container" inside a hugging parent.
 */
import type { CardsLane, EmotionLane, JourneyMap, Lane, Persona, TextLane } from '../model';
import { curveRuns, emotionPoints, smoothPath, baselineY, type EmotionArea, type EmotionPoint } from './emotion';
import { scoreColor } from './color';
import { gridGeometry, type GridGeometry } from './grid';
import { frame, text, vector, type Fonts } from './nodes';
import { hasPhases, phaseRuns } from './phases';
import { memo, nextRender } from './memo';
import type { NodeSpec } from './spec';
import { COLORS, PHASE_FILLS, SPACE, TONES, TYPE, solid } from './theme';

export interface MapSpecOptions {
  fonts: Fonts;
  /** Width of the stage columns not in `columnWidths`. */
  columnWidth?: number;
  /** Columns the designer resized on the canvas, by stage id: kept as they are. */
  columnWidths?: Record<string, number>;
}

export const EMOTION_AREA: EmotionArea = {
  height: SPACE.emotionHeight,
  padTop: SPACE.emotionPad,
  padBottom: SPACE.emotionPad,
};

function initials(name: string): string {
  const letters = name
    .trim()
    .split(/\s+/)
    .slice(0, 2)
    .map((w) => Array.from(w)[0] ?? '')
    .join('');
  return letters.toUpperCase() || '?';
}

function personaSpec(p: Persona, width: number, fonts: Fonts): NodeSpec {
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
      fill: COLORS.personaAccent,
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
          color: COLORS.personaAvatarText,
          width: 'HUG',
          align: 'CENTER',
        }),
      ],
    }),
    t('name', 'persona-name', p.name, TYPE.personaName, COLORS.text),
  ];
  if (p.role) identity.push(t('role', 'persona-role', p.role, TYPE.personaRole, COLORS.textSecondary));
  if (p.quote)
    identity.push(t('quote', 'persona-quote', `“${p.quote}”`, TYPE.personaQuote, COLORS.personaSectionTitle));

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
          color: COLORS.personaSectionTitle,
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
      sizing: ['FIXED', 'HUG'],
      size: { width: SPACE.personaIdentityWidth, height: 100 },
      gap: 8,
      children: identity,
    }),
  ];
  if (p.description)
    children.push(
      column('about', 'About', 'persona-column', [
        t('description', 'persona-description', p.description, TYPE.personaBody, COLORS.textSecondary),
      ]),
    );
  if (p.goals?.length)
    children.push(
      column(
        'goals',
        'Goals',
        'persona-goals',
        p.goals.map((g, i) => t(`goal:${i}`, 'persona-goal', `• ${g}`, TYPE.personaBody, COLORS.text, i)),
      ),
    );
  if (p.frustrations?.length)
    children.push(
      column(
        'frustrations',
        'Frustrations',
        'persona-frustrations',
        p.frustrations.map((g, i) =>
          t(`frustration:${i}`, 'persona-frustration', `• ${g}`, TYPE.personaBody, COLORS.text, i),
        ),
      ),
    );
  return frame({
    key: 'persona',
    name: `Persona: ${p.name}`,
    tag: { role: 'persona' },
    layout: 'HORIZONTAL',
    sizing: ['FIXED', 'HUG'],
    size: { width, height: 100 },
    padding: SPACE.personaPadding,
    gap: SPACE.personaGap,
    fill: COLORS.personaBackground,
    radius: SPACE.radiusBlock,
    children,
  });
}

function headerSpec(map: JourneyMap, width: number, fonts: Fonts): NodeSpec {
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

/** A row of the grid: fixed label column, then one child per column or one spanning child. */
function row(
  key: string,
  name: string,
  tag: NodeSpec['tag'],
  fill: string | null,
  label: NodeSpec,
  cells: NodeSpec[],
  stroke?: string,
): NodeSpec {
  return frame({
    key,
    name,
    tag,
    layout: 'HORIZONTAL',
    sizing: ['HUG', 'HUG'],
    padding: SPACE.cellPadding,
    gap: SPACE.columnGap,
    fill,
    stroke,
    radius: SPACE.radiusBlock,
    children: [label, ...cells],
  });
}

function labelColumn(key: string, tag: NodeSpec['tag'], children: NodeSpec[]): NodeSpec {
  return frame({
    key,
    name: 'Label',
    tag,
    layout: 'VERTICAL',
    sizing: ['FIXED', 'HUG'],
    size: { width: SPACE.laneLabelWidth, height: 20 },
    gap: 4,
    children,
  });
}

function phaseRow(map: JourneyMap, g: GridGeometry, fonts: Fonts): NodeSpec {
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
    const fill = PHASE_FILLS[coloured++ % PHASE_FILLS.length];
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
          color: COLORS.phaseText,
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

function stageRow(map: JourneyMap, g: GridGeometry, fonts: Fonts): NodeSpec {
  const headers = map.stages.map((s, i) => {
    const children = [
      text({
        key: 'name',
        name: 'Stage name',
        tag: { role: 'stage-name', stage: s.id },
        characters: s.name,
        style: TYPE.stageName,
        fonts,
        color: COLORS.stageText,
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
          color: COLORS.stageDescription,
          width: 'FILL',
        }),
      );
    return frame({
      key: `stage:${s.id}`,
      name: `Stage: ${s.name}`,
      tag: { role: 'stage-header', stage: s.id },
      layout: 'VERTICAL',
      sizing: ['FIXED', 'HUG'],
      size: { width: g.columns[i].width, height: 24 },
      gap: 4,
      children,
    });
  });
  const label = labelColumn('label', { role: 'stage-row-label' }, [
    text({
      key: 'title',
      name: 'Stages label',
      tag: { role: 'stage-row-label' },
      characters: 'Stages',
      style: TYPE.laneTitle,
      fonts,
      color: COLORS.stageDescription,
      width: 'FILL',
      upper: true,
      letterSpacing: 6,
    }),
  ]);
  return row('stages', 'Stages', { role: 'stage-row' }, COLORS.stageBackground, label, headers);
}

function cellFrame(lane: Lane, stageId: string, g: GridGeometry, children: NodeSpec[]): NodeSpec {
  const width = g.columns.find((c) => c.stageId === stageId)!.width;
  return frame({
    key: `cell:${stageId}`,
    name: `Cell: ${stageId}`,
    tag: { role: 'cell', lane: lane.id, stage: stageId },
    layout: 'VERTICAL',
    sizing: ['FIXED', 'HUG'],
    size: { width, height: 20 },
    gap: SPACE.cellGap,
    children,
  });
}

function textCells(lane: TextLane, map: JourneyMap, g: GridGeometry, fonts: Fonts): NodeSpec[] {
  return map.stages.map((s) => {
    const value = lane.cells?.[s.id];
    const width = g.columns.find((c) => c.stageId === s.id)!.width;
    return memo(JSON.stringify(['text', lane.id, s.id, width, fontsKey(fonts), value ?? null]), () =>
      textCell(lane, s.id, value, g, fonts),
    );
  });
}

function textCell(lane: TextLane, stageId: string, value: string | undefined, g: GridGeometry, fonts: Fonts): NodeSpec {
  const kids =
    value === undefined
      ? []
      : [
          text({
            key: 'text',
            name: 'Text',
            tag: { role: 'cell-text', lane: lane.id, stage: stageId },
            characters: value,
            style: TYPE.cellText,
            fonts,
            color: COLORS.text,
            width: 'FILL',
          }),
        ];
  return cellFrame(lane, stageId, g, kids);
}

function cardCells(lane: CardsLane, map: JourneyMap, g: GridGeometry, fonts: Fonts): NodeSpec[] {
  return map.stages.map((s) => {
    const cards = lane.cells?.[s.id] ?? [];
    const width = g.columns.find((c) => c.stageId === s.id)!.width;
    const key = JSON.stringify(['cards', lane.id, lane.tone ?? 'neutral', s.id, width, fontsKey(fonts), cards]);
    return memo(key, () => cardCell(lane, s.id, cards, g, fonts));
  });
}

function cardCell(lane: CardsLane, stageId: string, list: string[], g: GridGeometry, fonts: Fonts): NodeSpec {
  const tone = TONES[lane.tone ?? 'neutral'];
  const cards = list.map((card, i) =>
    frame({
      key: `card:${i}`,
      name: 'Card',
      tag: { role: 'card', lane: lane.id, stage: stageId, index: i },
      layout: 'VERTICAL',
      sizing: ['FILL', 'HUG'],
      padding: [SPACE.cardPaddingY, SPACE.cardPaddingX],
      fill: tone.fill,
      stroke: tone.border,
      radius: SPACE.radiusCard,
      children: [
        text({
          key: 'text',
          name: 'Card text',
          tag: { role: 'card-text', lane: lane.id, stage: stageId, index: i },
          characters: card,
          style: TYPE.card,
          fonts,
          color: tone.text,
          width: 'FILL',
        }),
      ],
    }),
  );
  return cellFrame(lane, stageId, g, cards);
}

/** Rough size of a note's text, to place it clear of its marker (Figma measures the real size later). */
function noteSize(note: string, maxWidth: number): { width: number; height: number; wraps: boolean } {
  const charWidth = TYPE.note.size * 0.56;
  const width = Math.ceil(Array.from(note).length * charWidth);
  const lines = Math.min(3, Math.ceil(width / maxWidth));
  return { width: Math.min(width, maxWidth), height: lines * TYPE.note.line, wraps: width > maxWidth };
}

/**
 * Which side of its marker a note goes: above a peak, below a dip, so the
 * curve leaves through the other side. On a slope it goes away from the
 * middle of the lane, where it has room.
 */
function noteAbove(points: EmotionPoint[], i: number, runStart: Set<string>): boolean {
  const p = points[i];
  const prev = i > 0 && !runStart.has(p.stageId) ? points[i - 1] : undefined;
  const next = points[i + 1] && !runStart.has(points[i + 1].stageId) ? points[i + 1] : undefined;
  const ys = [prev?.y, next?.y].filter((y): y is number => y !== undefined);
  if (ys.length && ys.every((y) => y > p.y)) return true; // a peak
  if (ys.length && ys.every((y) => y < p.y)) return false; // a dip
  return p.score < 0;
}

function noteSpec(
  laneId: string,
  stageId: string,
  note: string,
  x: number,
  y: number,
  width: number,
  fonts: Fonts,
): NodeSpec {
  const inner = width - 2 * SPACE.notePaddingX;
  const size = noteSize(note, inner);
  const tag = (role: NodeSpec['tag']['role']) => ({ role, lane: laneId, stage: stageId });
  // A pill behind the text keeps it readable where the curve passes under it; centred by auto-layout.
  const pill = frame({
    key: 'pill',
    name: 'Note background',
    tag: tag('emotion-note-pill'),
    layout: 'HORIZONTAL',
    sizing: [size.wraps ? 'FILL' : 'HUG', 'HUG'],
    padding: [SPACE.notePaddingY, SPACE.notePaddingX],
    fill: COLORS.emotionNoteBackground,
    fillOpacity: 0.92,
    radius: SPACE.radiusNote,
    children: [
      text({
        key: 'text',
        name: 'Emotion note',
        tag: tag('emotion-note-text'),
        characters: note,
        style: TYPE.note,
        fonts,
        color: COLORS.textSecondary,
        width: size.wraps ? 'FILL' : 'HUG',
        align: 'CENTER',
      }),
    ],
  });
  return frame({
    key: `note:${stageId}`,
    name: 'Emotion note',
    tag: tag('emotion-note'),
    layout: 'VERTICAL',
    sizing: ['FIXED', 'HUG'],
    size: { width, height: size.height },
    align: 'CENTER',
    x,
    y,
    children: [pill],
  });
}

function emotionArea(lane: EmotionLane, map: JourneyMap, g: GridGeometry, fonts: Fonts): NodeSpec {
  const width = g.span(0, map.stages.length);
  const area = EMOTION_AREA;
  const scores: Record<string, number | undefined> = {};
  for (const s of map.stages) scores[s.id] = lane.cells?.[s.id]?.score;
  const points = emotionPoints(g.columns, scores, area);
  const tag = (role: NodeSpec['tag']['role'], stage?: string): NodeSpec['tag'] =>
    stage ? { role, lane: lane.id, stage } : { role, lane: lane.id };
  const base = baselineY(area);
  const children: NodeSpec[] = [
    vector({
      key: 'baseline',
      name: 'Neutral line',
      tag: tag('emotion-baseline'),
      data: `M 0 ${base} L ${width} ${base}`,
      stroke: solid(COLORS.emotionBaseline),
      weight: 1,
      dash: [4, 4],
    }),
  ];
  for (const run of curveRuns(g.columns, points)) {
    const d = smoothPath(run, { minY: area.padTop, maxY: area.height - area.padBottom });
    if (d)
      children.push(
        vector({
          key: `curve:${run[0].stageId}`,
          name: 'Emotion curve',
          tag: tag('emotion-curve', run[0].stageId),
          data: d,
          stroke: solid(COLORS.emotionCurve),
          weight: SPACE.curveWeight,
        }),
      );
  }
  const m = SPACE.markerSize;
  const runStarts = new Set(curveRuns(g.columns, points).map((r) => r[0].stageId));
  const notes: NodeSpec[] = [];
  points.forEach((p, i) => {
    children.push({
      type: 'ELLIPSE',
      key: `marker:${p.stageId}`,
      name: `Emotion: ${p.score}`,
      tag: tag('emotion-marker', p.stageId),
      size: { width: m, height: m },
      props: {
        x: p.x - m / 2,
        y: p.y - m / 2,
        fills: [{ type: 'SOLID', color: scoreColor(p.score) }],
        strokes: solid(COLORS.emotionMarkerStroke),
        strokeWeight: SPACE.markerStroke,
        strokeAlign: 'OUTSIDE',
      },
    });
    const note = lane.cells?.[p.stageId]?.note;
    if (!note) return;
    const col = g.columns.find((c) => c.stageId === p.stageId)!;
    const w = col.width - SPACE.noteWidthInset * 2;
    const h = noteSize(note, w - 2 * SPACE.notePaddingX).height + 2 * SPACE.notePaddingY;
    const y = noteAbove(points, i, runStarts) ? p.y - m / 2 - SPACE.noteGap - h : p.y + m / 2 + SPACE.noteGap;
    notes.push(noteSpec(lane.id, p.stageId, note, col.x + SPACE.noteWidthInset, y, w, fonts));
  });
  // Notes last: on top of the curve and the markers.
  children.push(...notes);
  const spec = frame({
    key: 'area',
    name: 'Emotion curve',
    tag: tag('emotion-area'),
    layout: 'NONE',
    sizing: ['FIXED', 'FIXED'],
    size: { width, height: area.height },
    clip: false,
    children,
  });
  spec.meta = { emotionArea: { ...area } };
  return spec;
}

function laneRow(lane: Lane, index: number, map: JourneyMap, g: GridGeometry, fonts: Fonts): NodeSpec {
  const label = labelColumn('label', { role: 'lane-label', lane: lane.id }, [
    text({
      key: 'title',
      name: 'Lane title',
      tag: { role: 'lane-title', lane: lane.id },
      characters: lane.title,
      style: TYPE.laneTitle,
      fonts,
      color: COLORS.laneLabelText,
      width: 'FILL',
    }),
  ]);
  const cells =
    lane.kind === 'text'
      ? textCells(lane, map, g, fonts)
      : lane.kind === 'cards'
        ? cardCells(lane, map, g, fonts)
        : [memo(JSON.stringify(['emotion', lane, g.columns, fontsKey(fonts)]), () => emotionArea(lane, map, g, fonts))];
  const fill = index % 2 === 0 ? COLORS.cellBackground : COLORS.mapBackground;
  return row(
    `lane:${lane.id}`,
    `Lane: ${lane.title}`,
    { role: 'lane', lane: lane.id },
    fill,
    label,
    cells,
    COLORS.cellBorder,
  );
}

/** Fonts as part of a memo key. */
const fontKeys = new WeakMap<Fonts, string>();
function fontsKey(fonts: Fonts): string {
  let k = fontKeys.get(fonts);
  if (k === undefined) fontKeys.set(fonts, (k = JSON.stringify(fonts)));
  return k;
}

export function buildMapSpec(map: JourneyMap, options: MapSpecOptions): NodeSpec {
  const { fonts } = options;
  nextRender();
  const g = gridGeometry(
    map.stages.map((s) => s.id),
    options.columnWidth,
    options.columnWidths,
  );
  const gridChildren: NodeSpec[] = [];
  if (hasPhases(map.stages)) gridChildren.push(phaseRow(map, g, fonts));
  gridChildren.push(stageRow(map, g, fonts));
  map.lanes.forEach((lane, i) => gridChildren.push(laneRow(lane, i, map, g, fonts)));

  return frame({
    key: 'map',
    name: map.title,
    tag: { role: 'map' },
    layout: 'VERTICAL',
    sizing: ['HUG', 'HUG'],
    padding: SPACE.mapPadding,
    gap: SPACE.mapGap,
    fill: COLORS.mapBackground,
    stroke: COLORS.mapBorder,
    radius: SPACE.radiusMap,
    children: [
      headerSpec(map, g.rowWidth, fonts),
      frame({
        key: 'grid',
        name: 'Grid',
        tag: { role: 'grid' },
        layout: 'VERTICAL',
        sizing: ['HUG', 'HUG'],
        gap: SPACE.gridGap,
        children: gridChildren,
      }),
    ],
  });
}
