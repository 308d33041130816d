/**
 * Axis-aligned boxes, for layout that keeps things clear of each other (an emotion chart's notes
 * in Figma Design, parts/note-placement.ts, and on a FigJam board, src/figjam/geometry.ts).
 */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The boxes share some area (boxes that only touch do not). */
export const overlaps = (a: Box, b: Box): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
