/**
 * The journey-map format, version 2: the public contract of the project.
 * Version 2 (over 1): several personas (`personas`, was `persona`); emotion lanes with
 * their own scale, drawn on another lane's chart (`overlay`), tied to a persona, solid or
 * dashed; the map's objective; stages marked as moments of truth; divider lanes (a service
 * blueprint's lines of interaction and visibility) and metric lanes, which version-2 readers
 * that predate them refuse with a located error. Version-1 files are migrated (migrate.ts).
 * Users and other tools write these files by hand, so field names are fixed
 * and unknown keys are errors (a typo like "stage" must not be silently lost).
 * Types are inferred from these schemas; nothing else declares the shape.
 */
import * as z from 'zod/mini';
import '../zod-jitless'; // English messages and jitless, before any schema is built
import { LIMITS, SCORE_MAX, SCORE_MIN } from './limits';
import { THEME_ROLES, type ThemeRoleName } from '../layout/theme';

export const FORMAT_VERSION = 2;

const atMost = (n: number) => `at most ${n} characters`;
const shortText = z
  .string()
  .check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(LIMITS.shortText, atMost(LIMITS.shortText)));
const longText = z.string().check(z.maxLength(LIMITS.longText, atMost(LIMITS.longText)));
const itemText = z.string().check(z.maxLength(LIMITS.itemText, atMost(LIMITS.itemText)));

export const IdSchema = z
  .string()
  .check(
    z.minLength(1, 'must not be empty'),
    z.maxLength(LIMITS.idLength, atMost(LIMITS.idLength)),
    z.regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'letters, digits, "-" and "_" only, starting with a letter or digit'),
  );

const list = (what: string) =>
  z.optional(z.array(itemText).check(z.maxLength(LIMITS.listItems, `at most ${LIMITS.listItems} ${what}`)));

export const PersonaSchema = z.strictObject({
  /** Made from the name when missing, like stage ids; emotion lanes refer to it. */
  id: z.optional(IdSchema),
  name: shortText,
  role: z.optional(z.string().check(z.maxLength(LIMITS.shortText, atMost(LIMITS.shortText)))),
  quote: z.optional(longText),
  description: z.optional(longText),
  goals: list('goals'),
  frustrations: list('frustrations'),
});

const noteText = z.string().check(z.maxLength(LIMITS.noteText, atMost(LIMITS.noteText)));

export const StageSchema = z.strictObject({
  id: z.optional(IdSchema),
  name: shortText,
  phase: z.optional(z.string().check(z.trim(), z.maxLength(LIMITS.shortText, atMost(LIMITS.shortText)))),
  description: z.optional(longText),
  /** A moment of truth: marked on the stage header and the curves, listed in a legend. */
  moment: z.optional(z.boolean()),
  momentNote: z.optional(noteText),
});

export const ToneSchema = z.enum(['neutral', 'positive', 'negative', 'idea']);

/** Whether a score lies within its lane's scale is checked in normalise.ts, where the scale is known. */
export const EmotionCellSchema = z.strictObject({
  score: z.number().check(z.refine(Number.isFinite, 'must be a number')),
  note: z.optional(itemText),
});

const scaleWord = z.string().check(z.trim(), z.maxLength(LIMITS.scaleWord, atMost(LIMITS.scaleWord)));
const scaleEnd = z.number().check(z.int('must be a whole number'));
/** An emotion lane's scale: −2..+2 by default; 1–5, 1–7, 0–10 … with 2 ≤ max − min ≤ 10. */
export const ScaleSchema = z
  .strictObject({ min: scaleEnd, max: scaleEnd, low: z.optional(scaleWord), high: z.optional(scaleWord) })
  .check(
    z.refine((s) => s.max - s.min >= LIMITS.scaleSpan[0] && s.max - s.min <= LIMITS.scaleSpan[1], {
      message: `max − min must be from ${LIMITS.scaleSpan[0]} to ${LIMITS.scaleSpan[1]}`,
      path: ['max'],
    }),
  );

export const DEFAULT_SCALE = { min: SCORE_MIN, max: SCORE_MAX } as const;

const laneBase = {
  id: z.optional(IdSchema),
  title: shortText,
};

/**
 * Evidence links: only `https:`, `http:` and `mailto:` (a link on a shared map is clicked by
 * people who did not write it: no `javascript:`, `data:` or `file:`), no spaces, ≤ 2,000 characters.
 */
export function allowedUrl(url: string): boolean {
  return /^(https?:\/\/[^\s/?#@]+(?:[/?#][^\s]*)?|mailto:[^\s@]+@[^\s]+)$/i.test(url);
}
const UrlSchema = z
  .string()
  .check(
    z.maxLength(LIMITS.url, atMost(LIMITS.url)),
    z.refine(allowedUrl, 'must be an https:, http: or mailto: link, without spaces'),
  );
const required = (max: number) =>
  z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(max, atMost(max)));
/** A text cell or card with the evidence it comes from: drawn as a Figma hyperlink. */
export const LinkedTextSchema = z.strictObject({ text: required(LIMITS.longText), url: UrlSchema });
export const LinkedCardSchema = z.strictObject({ text: required(LIMITS.itemText), url: UrlSchema });

const textCells = z.record(z.string(), z.union([longText, LinkedTextSchema]));
const cardsCells = z.record(
  z.string(),
  z
    .array(z.union([itemText, LinkedCardSchema]))
    .check(z.maxLength(LIMITS.cardsPerCell, `at most ${LIMITS.cardsPerCell} cards per cell`)),
);
const emotionCells = z.record(z.string(), EmotionCellSchema);

export const TextLaneSchema = z.strictObject({
  ...laneBase,
  kind: z.literal('text'),
  cells: z.optional(textCells),
});

export const CardsLaneSchema = z.strictObject({
  ...laneBase,
  kind: z.literal('cards'),
  tone: z.optional(ToneSchema),
  cells: z.optional(cardsCells),
});

export const EmotionLaneSchema = z.strictObject({
  ...laneBase,
  kind: z.literal('emotion'),
  scale: z.optional(ScaleSchema),
  /** Drawn on this other emotion lane's chart instead of a row of its own (and on its scale). */
  overlay: z.optional(IdSchema),
  /** The persona whose curve this is. */
  persona: z.optional(IdSchema),
  style: z.optional(z.enum(['solid', 'dashed'])),
  cells: z.optional(emotionCells),
});

/**
 * A labelled line across the map between the lanes around it (a service blueprint's "Line of
 * visibility"). It has no cells: `cells` may only be empty (a normalised map writes `{}`).
 */
export const DividerLaneSchema = z.strictObject({
  ...laneBase,
  kind: z.literal('divider'),
  style: z.optional(z.enum(['solid', 'dashed'])),
  cells: z.optional(z.record(z.string(), z.never('a divider lane has no cells'))),
});

const finite = z.number().check(z.refine(Number.isFinite, 'must be a number'));
/** How a step performs: a number with its unit, and optionally the target it should meet. */
export const MetricCellSchema = z.strictObject({
  value: finite,
  unit: z.optional(z.string().check(z.trim(), z.maxLength(LIMITS.unit, atMost(LIMITS.unit)))),
  target: z.optional(finite),
  /** Which way is better, for met / missed; higher when absent. */
  better: z.optional(z.enum(['higher', 'lower'])),
});

export const MetricLaneSchema = z.strictObject({
  ...laneBase,
  kind: z.literal('metric'),
  cells: z.optional(z.record(z.string(), MetricCellSchema)),
});

export const LaneSchema = z.discriminatedUnion('kind', [
  TextLaneSchema,
  CardsLaneSchema,
  EmotionLaneSchema,
  DividerLaneSchema,
  MetricLaneSchema,
]);

/** The lane kinds, in the order messages list them. */
export const LANE_KINDS = ['text', 'cards', 'emotion', 'divider', 'metric'] as const;

export const MetaSchema = z.record(z.string(), z.json());

/** The colour roles a theme may set, named once (with what each colours) in src/layout/theme.ts. */
export const THEME_ROLE_NAMES = THEME_ROLES;
export const THEME_PRESETS = ['default', 'mono', 'warm', 'contrast'] as const;
const hexColour = z.string().check(z.regex(/^#[0-9A-Fa-f]{6}$/, 'must be a colour written #RRGGBB'));

/**
 * The map's look: a preset, a font family available in Figma, an accent colour and colours by
 * role. Every part is optional; nothing given draws the default look.
 */
export const ThemeSchema = z.strictObject({
  preset: z.optional(z.enum(THEME_PRESETS)),
  font: z.optional(
    z
      .string()
      .check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(LIMITS.shortText, atMost(LIMITS.shortText))),
  ),
  accent: z.optional(hexColour),
  /** Bind the map's colours to Figma variables (src/figma/variables.ts): stored with the map, so updates keep binding. */
  variables: z.optional(z.boolean()),
  colors: z.optional(
    z.strictObject(
      Object.fromEntries(THEME_ROLE_NAMES.map((r) => [r, z.optional(hexColour)])) as Record<
        ThemeRoleName,
        z.ZodMiniOptional<typeof hexColour>
      >,
    ),
  ),
});

/** What a file may contain (ids optional). */
export const JourneyMapInputSchema = z.strictObject({
  version: z.optional(z.literal(FORMAT_VERSION)),
  title: shortText,
  /** What the map is for, in a sentence or two: shown under the title. */
  objective: z.optional(noteText),
  personas: z.optional(
    z.array(PersonaSchema).check(z.maxLength(LIMITS.personas, `at most ${LIMITS.personas} personas`)),
  ),
  stages: z
    .array(StageSchema)
    .check(
      z.minLength(1, 'a map needs at least one stage'),
      z.maxLength(LIMITS.stages, `at most ${LIMITS.stages} stages`),
    ),
  lanes: z._default(z.array(LaneSchema).check(z.maxLength(LIMITS.lanes, `at most ${LIMITS.lanes} lanes`)), []),
  /** The map's look (preset, font, accent, colours by role); the default look when absent. */
  theme: z.optional(ThemeSchema),
  meta: z.optional(MetaSchema),
});

/**
 * A normalised map: every stage and lane has a unique id, version is set. Only types and tests
 * use it: built in a call marked pure, so the bundles, which never read it, leave it out.
 */
export const JourneyMapSchema = /* @__PURE__ */ (() =>
  z.extend(JourneyMapInputSchema, {
    version: z.literal(FORMAT_VERSION),
    personas: z.optional(z.array(z.extend(PersonaSchema, { id: IdSchema })).check(z.maxLength(LIMITS.personas))),
    stages: z.array(z.extend(StageSchema, { id: IdSchema })).check(z.minLength(1), z.maxLength(LIMITS.stages)),
    lanes: z
      .array(
        z.discriminatedUnion('kind', [
          // Normalised lanes always carry `cells` (possibly empty), keyed by stage id, in stage order.
          z.extend(TextLaneSchema, { id: IdSchema, cells: textCells }),
          z.extend(CardsLaneSchema, { id: IdSchema, cells: cardsCells }),
          z.extend(EmotionLaneSchema, { id: IdSchema, cells: emotionCells }),
          z.extend(DividerLaneSchema, { id: IdSchema, cells: z.record(z.string(), z.never()) }),
          z.extend(MetricLaneSchema, { id: IdSchema, cells: z.record(z.string(), MetricCellSchema) }),
        ]),
      )
      .check(z.maxLength(LIMITS.lanes)),
  }))();

export type JourneyMapInput = z.input<typeof JourneyMapInputSchema>;
export type JourneyMap = z.infer<typeof JourneyMapSchema>;
export type Persona = NonNullable<JourneyMap['personas']>[number];
export type PersonaInput = z.infer<typeof PersonaSchema>;
export type Scale = z.infer<typeof ScaleSchema>;
export type Stage = JourneyMap['stages'][number];
export type Lane = JourneyMap['lanes'][number];
export type TextLane = Extract<Lane, { kind: 'text' }>;
export type CardsLane = Extract<Lane, { kind: 'cards' }>;
export type EmotionLane = Extract<Lane, { kind: 'emotion' }>;
export type DividerLane = Extract<Lane, { kind: 'divider' }>;
export type MetricLane = Extract<Lane, { kind: 'metric' }>;
export type MetricCell = z.infer<typeof MetricCellSchema>;
/** A text cell: its text, or its text with a link. */
export type TextCell = TextLane['cells'][string];
/** A card: its text, or its text with a link. */
export type Card = CardsLane['cells'][string][number];
export type Link = { text: string; url: string };
export type Tone = z.infer<typeof ToneSchema>;
export type Theme = z.infer<typeof ThemeSchema>;
export type ThemeRole = ThemeRoleName;
export type ThemePreset = (typeof THEME_PRESETS)[number];
export type EmotionCell = z.infer<typeof EmotionCellSchema>;
export type LaneKind = Lane['kind'];
