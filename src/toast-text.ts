/** Figma's notification bar shows at most 100 characters; the full text goes to the panel. */
export const TOAST_MAX = 100;

/** A message cut to what Figma's notification bar shows, on a word boundary, with an ellipsis. */
export function toastText(message: string): string {
  const chars = Array.from(message);
  if (chars.length <= TOAST_MAX) return message;
  const cut = chars.slice(0, TOAST_MAX - 1).join('');
  const space = cut.lastIndexOf(' ');
  return (space > TOAST_MAX / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, '') + '…';
}
