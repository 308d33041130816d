/**
 * The journey-map format, version 1: the public contract of the project.
 * Users and other tools write these files by hand, so field names are fixed
 * and unknown keys are errors (a typo like "stage" must not be silently lost).
 * Types are inferred from these schemas; nothing else declares the shape.
 */
import { z } from 'zod';
import { LIMITS, SCORE_MAX, SCORE_MIN } from './limits';

export const FORMAT_VERSION = 1;

const shortText = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(LIMITS.shortText, `at most ${LIMITS.shortText} characters`);
const longText = z.string().max(LIMITS.longText, `at most ${LIMITS.longText} characters`);
const itemText = z.string().max(LIMITS.itemText, `at most ${LIMITS.itemText} characters`);

export const IdSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(LIMITS.idLength, `at most ${LIMITS.idLength} characters`)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'letters, digits, "-" and "_" only, starting with a letter or digit');

export const PersonaSchema = z.strictObject({
  name: shortText,
  role: z.string().max(LIMITS.shortText, `at most ${LIMITS.shortText} characters`).optional(),
  quote: longText.optional(),
  description: longText.optional(),
  goals: z.array(itemText).max(LIMITS.listItems, `at most ${LIMITS.listItems} goals`).optional(),
  frustrations: z.array(itemText).max(LIMITS.listItems, `at most ${LIMITS.listItems} frustrations`).optional(),
});

export const StageSchema = z.strictObject({
  id: IdSchema.optional(),
  name: shortText,
  phase: z.string().trim().max(LIMITS.shortText, `at most ${LIMITS.shortText} characters`).optional(),
  description: longText.optional(),
});

export const ToneSchema = z.enum(['neutral', 'positive', 'negative', 'idea']);

export const EmotionCellSchema = z.strictObject({
  score: z
    .number()
    .min(SCORE_MIN, `score must be between ${SCORE_MIN} and ${SCORE_MAX}`)
    .max(SCORE_MAX, `score must be between ${SCORE_MIN} and ${SCORE_MAX}`),
  note: itemText.optional(),
});

const laneBase = {
  id: IdSchema.optional(),
  title: shortText,
};

export const TextLaneSchema = z.strictObject({
  ...laneBase,
  kind: z.literal('text'),
  cells: z.record(z.string(), longText).optional(),
});

export const CardsLaneSchema = z.strictObject({
  ...laneBase,
  kind: z.literal('cards'),
  tone: ToneSchema.optional(),
  cells: z
    .record(z.string(), z.array(itemText).max(LIMITS.cardsPerCell, `at most ${LIMITS.cardsPerCell} cards per cell`))
    .optional(),
});

export const EmotionLaneSchema = z.strictObject({
  ...laneBase,
  kind: z.literal('emotion'),
  cells: z.record(z.string(), EmotionCellSchema).optional(),
});

export const LaneSchema = z.discriminatedUnion('kind', [TextLaneSchema, CardsLaneSchema, EmotionLaneSchema]);

export const MetaSchema = z.record(z.string(), z.json());

/** What a file may contain (ids optional). */
export const JourneyMapInputSchema = z.strictObject({
  version: z.literal(FORMAT_VERSION).optional(),
  title: shortText,
  persona: PersonaSchema.optional(),
  stages: z
    .array(StageSchema)
    .min(1, 'a map needs at least one stage')
    .max(LIMITS.stages, `at most ${LIMITS.stages} stages`),
  lanes: z.array(LaneSchema).max(LIMITS.lanes, `at most ${LIMITS.lanes} lanes`).default([]),
  meta: MetaSchema.optional(),
});

/** A normalised map: every stage and lane has a unique id, version is set. */
export const JourneyMapSchema = JourneyMapInputSchema.extend({
  version: z.literal(FORMAT_VERSION),
  stages: z
    .array(StageSchema.extend({ id: IdSchema }))
    .min(1)
    .max(LIMITS.stages),
  lanes: z
    .array(
      z.discriminatedUnion('kind', [
        // Normalised lanes always carry `cells` (possibly empty), keyed by stage id, in stage order.
        TextLaneSchema.extend({ id: IdSchema, cells: TextLaneSchema.shape.cells.unwrap() }),
        CardsLaneSchema.extend({ id: IdSchema, cells: CardsLaneSchema.shape.cells.unwrap() }),
        EmotionLaneSchema.extend({ id: IdSchema, cells: EmotionLaneSchema.shape.cells.unwrap() }),
      ]),
    )
    .max(LIMITS.lanes),
});

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
