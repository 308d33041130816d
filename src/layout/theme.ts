/**
 * The one place for colours, spacing and type on the canvas. The renderer
 * never writes a literal colour or size of its own: changing the look of every
 * map means changing this file.
 */
import type { Rgb, SolidPaintSpec } from './spec';
import type { Tone } from '../model';
import { hexToRgb, luminance } from './color';

/** Parsed colours: a map uses a few dozen, thousands of times. Frozen, since they are shared. */
const parsed = new Map<string, Rgb>();

export function hex(h: string): Rgb {
  let rgb = parsed.get(h);
  if (rgb) return rgb;
  const n = parseInt(h.replace('#', ''), 16);
  // Rounded to 4 places: Figma stores paints as floats and compares loosely;
  // stable numbers keep "did this prop change?" checks exact.
  const c = (v: number) => Math.round((v / 255) * 10000) / 10000;
  rgb = Object.freeze({ r: c((n >> 16) & 255), g: c((n >> 8) & 255), b: c(n & 255) });
  // Bounded: a theme's colours are few, but any string could come through here.
  if (parsed.size > 2000) parsed.clear();
  parsed.set(h, rgb);
  return rgb;
}

/**
 * Colours of the second, third … curve on one chart (the first is COLORS.emotionCurve):
 * distinct hues, each at least 3:1 against the lane backgrounds (tests/layout/color.test.ts).
 */
export const EXTRA_CURVES = ['#1570EF', '#DC6803', '#7A5AF8', '#D92D6B', '#039855'];

/** Dash pattern of a `dashed` curve (and its legend swatch). */
export const CURVE_DASH = [10, 6];

export function solid(h: string, opacity?: number): SolidPaintSpec[] {
  return opacity === undefined ? [{ type: 'SOLID', color: hex(h) }] : [{ type: 'SOLID', color: hex(h), opacity }];
}

/** Font roles; src/figma/fonts.ts resolves each to a font that actually loads (Inter first). */
export type FontRole = 'regular' | 'medium' | 'semibold' | 'bold' | 'italic';

/** Inter's styles as Figma names them ("Semi Bold" has a space). */
export const PREFERRED_FONTS: Record<FontRole, { family: string; style: string }> = {
  regular: { family: 'Inter', style: 'Regular' },
  medium: { family: 'Inter', style: 'Medium' },
  semibold: { family: 'Inter', style: 'Semi Bold' },
  bold: { family: 'Inter', style: 'Bold' },
  italic: { family: 'Inter', style: 'Italic' },
};

export const COLORS = {
  mapBackground: '#FFFFFF',
  mapBorder: '#E4E7EC',
  text: '#101828',
  textSecondary: '#475467',
  textMuted: '#667085',
  personaBackground: '#F4F3FF',
  personaAccent: '#6938EF',
  personaAvatarText: '#FFFFFF',
  personaSectionTitle: '#5925DC',
  stageBackground: '#1D2939',
  stageText: '#FFFFFF',
  stageDescription: '#D0D5DD',
  laneLabelBackground: '#F2F4F7',
  laneLabelText: '#344054',
  cellBackground: '#F9FAFB',
  cellBorder: '#EAECF0',
  emotionBackground: '#F9FAFB',
  emotionBaseline: '#98A2B3',
  emotionCurve: '#475467',
  emotionMarkerStroke: '#FFFFFF',
  emotionNoteBackground: '#FFFFFF',
  phaseText: '#344054',
  /** A divider lane's line and label (a service blueprint's line of visibility). */
  dividerLine: '#98A2B3',
  dividerText: '#475467',
  /** A text cell that links to its evidence (underlined too, so colour is not the only sign). */
  link: '#175CD3',
} as const;

/** A metric that meets its target, and one that misses it: text colours, AA on the lane fills. */
export const METRIC = {
  met: '#067647',
  missed: '#B42318',
  /** Dash of a dashed divider line; its weight and the height of the band it sits in. */
  dividerDash: [8, 6],
  dividerWeight: 1.5,
  dividerHeight: 12,
  dividerPaddingY: 6,
} as const;

/** Phase bands cycle through these soft fills so neighbouring phases read apart. */
export const PHASE_FILLS = ['#E0EAFF', '#FCE7F6', '#D1FADF', '#FEF0C7', '#D5F5F6'] as const;

export const TONES: Record<Tone, { fill: string; border: string; text: string }> = {
  neutral: { fill: '#FFFFFF', border: '#D0D5DD', text: '#344054' },
  positive: { fill: '#ECFDF3', border: '#ABEFC6', text: '#085D3A' },
  negative: { fill: '#FEF3F2', border: '#FECDCA', text: '#912018' },
  idea: { fill: '#FFFAEB', border: '#FEDF89', text: '#93370D' },
};

export const SPACE = {
  mapPadding: 48,
  mapGap: 40,
  headerGap: 24,
  personaPadding: 24,
  personaGap: 32,
  personaIdentityWidth: 300,
  avatarSize: 56,
  gridGap: 12,
  columnGap: 12,
  laneLabelWidth: 180,
  defaultColumnWidth: 240,
  minColumnWidth: 120,
  maxColumnWidth: 640,
  cellPadding: 14,
  cellGap: 8,
  cardPaddingX: 12,
  cardPaddingY: 10,
  stagePadding: 16,
  phasePaddingY: 10,
  radiusMap: 24,
  radiusBlock: 12,
  radiusCard: 8,
  emotionHeight: 240,
  /** Room above +2 and below -2 for markers and their notes. */
  emotionPad: 52,
  markerSize: 16,
  markerStroke: 3,
  curveWeight: 3,
  noteGap: 10,
  noteWidthInset: 12,
  /** Between the notes of different curves at one stage, side by side. */
  noteSlotGap: 6,
  /** Length of a curve's swatch in a chart's legend. */
  legendSwatch: 18,
  notePaddingX: 6,
  notePaddingY: 2,
  radiusNote: 4,
} as const;

export const TYPE = {
  title: { font: 'bold' as FontRole, size: 40, line: 48 },
  subtitle: { font: 'regular' as FontRole, size: 16, line: 24 },
  objective: { font: 'regular' as FontRole, size: 16, line: 24 },
  personaName: { font: 'semibold' as FontRole, size: 20, line: 28 },
  personaRole: { font: 'regular' as FontRole, size: 14, line: 20 },
  personaQuote: { font: 'italic' as FontRole, size: 15, line: 22 },
  personaBody: { font: 'regular' as FontRole, size: 14, line: 21 },
  personaSection: { font: 'semibold' as FontRole, size: 12, line: 16 },
  avatar: { font: 'semibold' as FontRole, size: 20, line: 24 },
  phase: { font: 'semibold' as FontRole, size: 13, line: 18 },
  stageName: { font: 'semibold' as FontRole, size: 17, line: 24 },
  stageDescription: { font: 'regular' as FontRole, size: 12, line: 17 },
  laneTitle: { font: 'semibold' as FontRole, size: 14, line: 20 },
  cellText: { font: 'regular' as FontRole, size: 14, line: 21 },
  card: { font: 'medium' as FontRole, size: 13, line: 18 },
  note: { font: 'medium' as FontRole, size: 12, line: 16 },
  metricValue: { font: 'semibold' as FontRole, size: 26, line: 32 },
  metricTarget: { font: 'medium' as FontRole, size: 12, line: 16 },
  dividerLabel: { font: 'semibold' as FontRole, size: 12, line: 16 },
};

/**
 * Moments of truth (src/layout/parts/moments.ts): one warm accent, in a light tone on the dark
 * stage row and a dark tone on the light lanes and header, so the mark reads on screen and in print.
 */
export const MOMENT = {
  /** Border of a moment's stage header, on the dark stage row. */
  headerBorder: '#FDB022',
  /** Tint behind a moment's stage header (with `headerFillOpacity`). */
  headerFill: '#FDB022',
  headerFillOpacity: 0.14,
  /** The "Moment of truth" label and the note in the header, on the dark stage row. */
  headerLabel: '#FEC84B',
  headerNote: '#FEF0C7',
  /** The band behind a moment's column on an emotion chart (with `bandOpacity`). */
  band: '#FDB022',
  bandOpacity: 0.16,
  /** The ring around each curve's marker at a moment, and the legend's dots: ≥ 3:1 on the lanes. */
  ring: '#B54708',
  /** The legend's title. */
  legendTitle: '#B54708',
  /** Header padding, border weight, corner radius. */
  headerPadding: 10,
  headerBorderWeight: 2,
  radius: 8,
  /** Diameter and stroke of the ring around a marker (the marker is SPACE.markerSize plus its white stroke). */
  ringSize: 30,
  ringStroke: 2,
  /** Diameter of a legend dot, the width of the legend's stage-name column, gaps. */
  legendDot: 12,
  legendNameWidth: 220,
  legendGap: 6,
  /** A note is shown in its stage header when it fits in this many lines (it is always in the legend). */
  headerNoteLines: 3,
} as const;

export const MOMENT_TYPE = {
  label: { font: 'semibold' as FontRole, size: 11, line: 14 },
  headerNote: { font: 'italic' as FontRole, size: 12, line: 17 },
  legendTitle: { font: 'semibold' as FontRole, size: 12, line: 16 },
  legendName: { font: 'semibold' as FontRole, size: 14, line: 21 },
  legendNote: { font: 'regular' as FontRole, size: 14, line: 21 },
};

/**
 * Colour roles a map's `theme.colors` may set (issue 15). The format's schema (src/model/schema.ts)
 * takes its list from here; README "The format" says what each colours (as comments here, so the
 * bundles carry only the names):
 *   surface    the map background, cards of the neutral tone, notes on the curves
 *   text       body text: titles, cells, lane titles, phase names
 *   mutedText  secondary text: descriptions, roles, axis labels, divider labels
 *   accent     the persona avatar and its section titles, evidence links, phase bands
 *   stage      the stage header row (its text switches to the readable colour)
 *   positive   cards of the positive tone, a metric that meets its target
 *   negative   cards of the negative tone, a metric that misses its target
 *   idea       cards of the idea tone
 *   neutral    borders of neutral cards, the neutral line of an emotion chart, divider lines
 *   curve      the first curve on an emotion chart
 *   moment     moments of truth: stage header mark, chart band, rings, legend
 */
export const THEME_ROLES = [
  'surface',
  'text',
  'mutedText',
  'accent',
  'stage',
  'positive',
  'negative',
  'idea',
  'neutral',
  'curve',
  'moment',
] as const;

export type ThemeRoleName = (typeof THEME_ROLES)[number];

/** The colours a map is drawn with: the constants above, or a theme's (src/layout/palette.ts). */
export interface Palette {
  colors: { [K in keyof typeof COLORS]: string };
  tones: Record<Tone, { fill: string; border: string; text: string }>;
  phaseFills: readonly string[];
  extraCurves: readonly string[];
  /**
   * Relative luminances of the lanes an emotion chart's markers sit on (the surface, the cell tint):
   * a marker's score colour is kept at 3:1 on them (scoreColorOn). Numbers, not colours: the markers
   * take no variable, and the probe palette (palette-names.ts) keeps these as they are.
   */
  markerLanes: readonly number[];
  metric: { met: string; missed: string };
  moment: {
    headerBorder: string;
    headerFill: string;
    headerLabel: string;
    headerNote: string;
    band: string;
    ring: string;
    legendTitle: string;
  };
}

/** The default look: exactly the constants above. */
export const DEFAULT_PALETTE: Palette = {
  colors: COLORS,
  tones: TONES,
  phaseFills: PHASE_FILLS,
  extraCurves: EXTRA_CURVES,
  markerLanes: [COLORS.mapBackground, COLORS.cellBackground].map((h) => luminance(hexToRgb(h))),
  metric: { met: METRIC.met, missed: METRIC.missed },
  moment: {
    headerBorder: MOMENT.headerBorder,
    headerFill: MOMENT.headerFill,
    headerLabel: MOMENT.headerLabel,
    headerNote: MOMENT.headerNote,
    band: MOMENT.band,
    ring: MOMENT.ring,
    legendTitle: MOMENT.legendTitle,
  },
};

/**
 * The presets other than `default`, as role colours; everything else follows from them
 * (paletteFor). Each keeps body text at WCAG AA (tests/layout/theme-contrast.test.ts).
 */
export const PRESET_ROLES: Record<'mono' | 'warm' | 'contrast', Partial<Record<ThemeRoleName, string>>> = {
  mono: {
    surface: '#FFFFFF',
    text: '#111111',
    mutedText: '#555555',
    accent: '#333333',
    stage: '#222222',
    positive: '#4D4D4D',
    negative: '#4D4D4D',
    idea: '#4D4D4D',
    neutral: '#A3A3A3',
    curve: '#333333',
    moment: '#737373',
  },
  warm: {
    surface: '#FFFCF7',
    text: '#2B1D14',
    mutedText: '#6B5242',
    accent: '#C2410C',
    stage: '#4A2C1D',
    positive: '#4D7C0F',
    negative: '#B91C1C',
    idea: '#B45309',
    neutral: '#C8B8A6',
    curve: '#7C2D12',
    moment: '#EA580C',
  },
  contrast: {
    surface: '#FFFFFF',
    text: '#000000',
    mutedText: '#2E2E2E',
    accent: '#0038B8',
    stage: '#000000',
    positive: '#006B2E',
    negative: '#B00000',
    idea: '#8A4B00',
    neutral: '#595959',
    curve: '#000000',
    moment: '#C25E00',
  },
};

/**
 * The presets' dark schemes (paletteFor(theme, 'dark')), as role colours: a near-black surface of
 * the preset's hue, light text, and the role hues one step lighter so they read on it. Each keeps
 * body text at WCAG AA and curves and rings at 3:1 (tests/layout/theme-contrast.test.ts).
 */
export const DARK_ROLES: Record<'default' | 'mono' | 'warm' | 'contrast', Required<Record<ThemeRoleName, string>>> = {
  default: {
    surface: '#0C111D',
    text: '#F5F5F6',
    mutedText: '#A4A7AE',
    accent: '#9E77ED',
    stage: '#253041',
    positive: '#47CD89',
    negative: '#F97066',
    idea: '#FDB022',
    neutral: '#667085',
    curve: '#D0D5DD',
    moment: '#FDB022',
  },
  mono: {
    surface: '#121212',
    text: '#F2F2F2',
    mutedText: '#B3B3B3',
    accent: '#D6D6D6',
    stage: '#2E2E2E',
    positive: '#BDBDBD',
    negative: '#BDBDBD',
    idea: '#BDBDBD',
    neutral: '#6B6B6B',
    curve: '#E6E6E6',
    moment: '#A3A3A3',
  },
  warm: {
    surface: '#1A120D',
    text: '#F8EDE3',
    mutedText: '#CDB8A6',
    accent: '#FB923C',
    stage: '#42291B',
    positive: '#9BC53D',
    negative: '#F87171',
    idea: '#FBBF24',
    neutral: '#75604F',
    curve: '#FDBA74',
    moment: '#F97316',
  },
  contrast: {
    surface: '#000000',
    text: '#FFFFFF',
    mutedText: '#E6E6E6',
    accent: '#80B3FF',
    stage: '#262626',
    positive: '#4ADE80',
    negative: '#FF7070',
    idea: '#FFB020',
    neutral: '#A6A6A6',
    curve: '#FFFFFF',
    moment: '#FF9F1C',
  },
};

/**
 * The presets' own colours for a chart's second, third … curve (the first is the `curve` role), light
 * and dark, instead of EXTRA_CURVES' blue and orange: warm's ochre, olive, raspberry and warm grey;
 * mono's greys, apart in lightness from its first curve and from each other; contrast's deep blue,
 * vermilion, magenta and green. Each distinct from the first curve and from the others, and at 3:1
 * (dark: 4.5:1) on the preset's lanes (tests/layout/theme-contrast.test.ts).
 */
export const PRESET_CURVES: Record<'mono' | 'warm' | 'contrast', { light: string[]; dark: string[] }> = {
  mono: { light: ['#8A8A8A', '#000000', '#5E5E5E'], dark: ['#8C8C8C', '#B8B8B8'] },
  warm: { light: ['#B45309', '#4D7C0F', '#BE185D', '#78716C'], dark: ['#D97706', '#9BC53D', '#F472B6', '#A8A29E'] },
  contrast: { light: ['#0038B8', '#B34000', '#9C1C6E', '#00735A'], dark: ['#80B3FF', '#FF9F1C', '#FF80C8', '#4ADE80'] },
};

/** The default dark scheme's phase bands (tinted into the surface), as the light one's PHASE_FILLS cycle hues. */
export const DARK_PHASE_HUES = ['#6172F3', '#EE46BC', '#32D583', '#FDB022', '#22CCEE'] as const;
