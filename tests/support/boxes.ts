/**
 * Plain box geometry for tests that judge where things were drawn (notes, markers, labels),
 * written apart from src/ so a test never checks the layout with the layout's own maths.
 */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The boxes share some area (touching edges do not count). */
export const overlap = (a: Box, b: Box): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Distance from a point to a box (0 inside it). */
export const distance = (b: Box, x: number, y: number): number =>
  Math.hypot(Math.max(b.x - x, 0, x - b.x - b.width), Math.max(b.y - y, 0, y - b.y - b.height));

export const centre = (b: Box): { x: number; y: number } => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });
