/**
 * Hard limits of the format. They keep a map drawable (Figma slows to a crawl
 * past a few thousand nodes in one frame), keep plugin data per node far under
 * Figma's 100 kB per entry, and turn a pasted novel into a clear error instead
 * of a frozen canvas. The README's "Limits" section lists these same numbers.
 */
export const LIMITS = {
  stages: 40,
  lanes: 30,
  /** Title of the map, stage names, lane titles, persona name and role. */
  shortText: 120,
  /** A text-lane cell, a stage description, persona quote and description. */
  longText: 2000,
  /** One card, one emotion note, one persona goal or frustration. */
  itemText: 280,
  cardsPerCell: 12,
  /** Persona goals and frustrations, each. */
  listItems: 12,
  idLength: 64,
  personas: 6,
  /** The objective, a moment-of-truth note. */
  noteText: 280,
  /** The words at the ends of an emotion scale ("unhappy", "delighted"). */
  scaleWord: 40,
  /** max − min of an emotion scale, inclusive bounds. */
  scaleSpan: [2, 10] as const,
  /** An evidence link's URL. */
  url: 2000,
  /** The unit of a metric ("%", "min", "NPS"). */
  unit: 12,
  /** Serialised `meta` (free-form user data) in characters. */
  metaChars: 20000,
  /**
   * Layers one map may put on the canvas. A full 40×30 map of text and emotion
   * lanes needs about 5,000; cards lanes full of cards can need far more, and
   * Figma slows badly past ~15,000 layers in one frame.
   */
  totalNodes: 15000,
} as const;

export const SCORE_MIN = -2;
export const SCORE_MAX = 2;
