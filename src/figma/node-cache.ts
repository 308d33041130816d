/**
 * What this plugin run already knows about nodes, so it need not ask the editor
 * again (every read crosses into the editor in Figma and costs):
 *  - a node's type, which never changes (Flatten or Detach make a new node);
 *  - the raw tag entries (tags.ts) a create or update read and wrote, kept by
 *    map-ops.ts with what it drew. Only the plugin writes its tags, so right
 *    after that operation each entry is what it recorded. Undo and Redo put
 *    entries back as they were at a step, together with the map stored on the
 *    frame: map-ops.ts reuses a record only while the frame stores the map of
 *    the operation that made it, and only once (an operation that fails has
 *    written tags the record does not know).
 * Keyed by the node objects themselves: if the editor hands out a new object for
 * the same node, the record simply misses and the node is read.
 */
export type TagRecord = WeakMap<BaseNode, string>;

let recording: TagRecord | undefined;
/** Tag writes made while no operation was recording: any makes every record unsafe. */
let unrecordedWrites = 0;

/**
 * Start recording the tags the operation under way reads and writes: into a new record, or
 * on in `from`, the record the operation takes its tags from (what it does not touch stays
 * as recorded).
 */
export function recordTags(from?: TagRecord): TagRecord {
  return (recording = from ?? new WeakMap());
}

export function stopRecording(): void {
  recording = undefined;
}

/** A token that changes whenever a tag is written outside a recorded operation. */
export function unrecordedToken(): number {
  return unrecordedWrites;
}

export function rememberTag(node: BaseNode, raw: string, written: boolean): void {
  if (recording) recording.set(node, raw);
  else if (written) unrecordedWrites++;
}

const types = new WeakMap<BaseNode, NodeType>();

/** A node's type, read from the editor once. */
export function typeOf(node: BaseNode): NodeType {
  let t = types.get(node);
  if (t === undefined) types.set(node, (t = node.type));
  return t;
}

/** Record the type of a node this run made, so it is never read. */
export function rememberType(node: BaseNode, type: NodeType): void {
  types.set(node, type);
}
