/**
 * The journey-map format, version 1: the public contract of the project.
 * Users and other tools write these files by hand, so field names are fixed
 * and unknown keys are errors (a typo like "stage" must not be silently lost).
 * Types are inferred from these schemas; nothing else declares the shape.
 */
import * as z from 'zod/mini';
import '../zod-jitless'; // English messages and jitless, before any schema is built
import { LIMITS, SCORE_MAX, SCORE_MIN } from './limits';

export const FORMAT_VERSION = 1;

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
  name: shortText,
  role: z.optional(z.string().check(z.maxLength(LIMITS.shortText, atMost(LIMITS.shortText)))),
  quote: z.optional(longText),
  description: z.optional(longText),
  goals: list('goals'),
  frustrations: list('frustrations'),
});

export const StageSchema = z.strictObject({
  id: z.optional(IdSchema),
  name: shortText,
  phase: z.optional(z.string().check(z.trim(), z.maxLength(LIMITS.shortText, atMost(LIMITS.shortText)))),
  description: z.optional(longText),
});

export const ToneSchema = z.enum(['neutral', 'positive', 'negative', 'idea']);

const scoreRange = `score must be between ${SCORE_MIN} and ${SCORE_MAX}`;
export const EmotionCellSchema = z.strictObject({
  score: z.number().check(z.gte(SCORE_MIN, scoreRange), z.lte(SCORE_MAX, scoreRange)),
  note: z.optional(itemText),
});

const laneBase = {
  id: z.optional(IdSchema),
  title: shortText,
};

const textCells = z.record(z.string(), longText);
const cardsCells = z.record(
  z.string(),
  z.array(itemText).check(z.maxLength(LIMITS.cardsPerCell, `at most ${LIMITS.cardsPerCell} cards per cell`)),
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
  cells: z.optional(emotionCells),
});

export const LaneSchema = z.discriminatedUnion('kind', [TextLaneSchema, CardsLaneSchema, EmotionLaneSchema]);

export const MetaSchema = z.record(z.string(), z.json());

/** What a file may contain (ids optional). */
export const JourneyMapInputSchema = z.strictObject({
  version: z.optional(z.literal(FORMAT_VERSION)),
  title: shortText,
  persona: z.optional(PersonaSchema),
  stages: z
    .array(StageSchema)
    .check(
      z.minLength(1, 'a map needs at least one stage'),
      z.maxLength(LIMITS.stages, `at most ${LIMITS.stages} stages`),
    ),
  lanes: z._default(z.array(LaneSchema).check(z.maxLength(LIMITS.lanes, `at most ${LIMITS.lanes} lanes`)), []),
  meta: z.optional(MetaSchema),
});

/**
 * A normalised map: every stage and lane has a unique id, version is set. Only types and tests
 * use it: built in a call marked pure, so the bundles, which never read it, leave it out.
 */
export const JourneyMapSchema = /* @__PURE__ */ (() =>
  z.extend(JourneyMapInputSchema, {
    version: z.literal(FORMAT_VERSION),
    stages: z.array(z.extend(StageSchema, { id: IdSchema })).check(z.minLength(1), z.maxLength(LIMITS.stages)),
    lanes: z
      .array(
        z.discriminatedUnion('kind', [
          // Normalised lanes always carry `cells` (possibly empty), keyed by stage id, in stage order.
          z.extend(TextLaneSchema, { id: IdSchema, cells: textCells }),
          z.extend(CardsLaneSchema, { id: IdSchema, cells: cardsCells }),
          z.extend(EmotionLaneSchema, { id: IdSchema, cells: emotionCells }),
        ]),
      )
      .check(z.maxLength(LIMITS.lanes)),
  }))();

export type JourneyMapInput = z.input<typeof JourneyMapInputSchema>;
export type JourneyMap = z.infer<typeof JourneyMapSchema>;
export type Persona = z.infer<typeof PersonaSchema>;
export type Stage = JourneyMap['stages'][number];
export type Lane = JourneyMap['lanes'][number];
export type TextLane = Extract<Lane, { kind: 'text' }>;
export type CardsLane = Extract<Lane, { kind: 'cards' }>;
export type EmotionLane = Extract<Lane, { kind: 'emotion' }>;
export type Tone = z.infer<typeof ToneSchema>;
export type EmotionCell = z.infer<typeof EmotionCellSchema>;
export type LaneKind = Lane['kind'];
