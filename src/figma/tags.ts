/**
 * Tags: how the plugin recognises the nodes it manages. Every managed node has
 * ONE entry in shared plugin data (namespace `journeymap`, node-data.ts says
 * why), `t`, holding these fields separated by U+001F (trailing empty ones left out):
 *   role   what it stands for (see Role in src/layout/spec.ts)
 *   key    its key among its siblings, from the NodeSpec (`stage:discover`, `card:0`)
 *   id     the node's own id when tagged: a copy the designer makes (Cmd+D, or
 *          copy-paste) keeps the plugin data but gets a new id, so the mismatch
 *          tells us the copy is the designer's own node, not ours
 *   hash   a hash of what the plugin last wrote on the node (written.ts): an update
 *          compares it with what it would write now and skips the node when equal
 *   stage, lane, index
 *          the stage id, lane id and list position the node belongs to. Stored only
 *          where they differ from the parent's (a card's text inherits its card's),
 *          and U+0018 where the parent has one and the node has none
 *   phase  the phase name, on phase bands
 * One short entry instead of eight keeps the stored data of a 40×30 map under
 * 4× its JSON and makes reading a tag one call into the editor, not seven.
 * A node without `t` is the designer's own and is never written or deleted.
 * (Maps made before this layout are converted on first contact: migrate-tags.ts.)
 */
import type { Tag } from '../layout/spec';
import { getData, setData } from './node-data';
import { rememberTag } from './node-cache';

export const TAG_ENTRY = 't';
const SEP = '\u001f';
/** "The parent has this field, this node has none." */
const NONE = '\u0018';

export interface StoredTag extends Tag {
  key: string;
  /** The node id written with the tag ('' when not recorded). */
  id: string;
  /** Hash of what the plugin last wrote ('' when unknown: compare with the canvas instead). */
  hash: string;
}

const INHERITED = ['stage', 'lane', 'index'] as const;

/** A field value safe between separators (a control character in a phase name would split the tag). */
const clean = (s: string) => s.split(SEP).join(' ').split(NONE).join(' ');

export function encodeTag(tag: StoredTag, parent?: Tag): string {
  const rel = INHERITED.map((f) => {
    const own = tag[f];
    const up = parent?.[f];
    if (own === up) return '';
    return own === undefined ? NONE : clean(String(own));
  });
  const fields = [tag.role, clean(tag.key), tag.id, tag.hash, ...rel, clean(tag.phase ?? '')];
  while (fields.length > 4 && fields[fields.length - 1] === '') fields.pop();
  return fields.join(SEP);
}

/** Parse a raw `t` entry given the parent's tag; undefined when there is none or it is malformed. */
export function decodeTag(raw: string, parent?: Tag): StoredTag | undefined {
  if (!raw) return undefined;
  const f = raw.split(SEP);
  if (f.length < 4 || !f[0] || !f[1]) return undefined;
  // Written out field by field: this runs for every node of every map on every update.
  const tag: StoredTag = { role: f[0] as Tag['role'], key: f[1], id: f[2], hash: f[3] };
  const stage = f[4];
  if (stage === undefined || stage === '') {
    if (parent?.stage !== undefined) tag.stage = parent.stage;
  } else if (stage !== NONE) tag.stage = stage;
  const lane = f[5];
  if (lane === undefined || lane === '') {
    if (parent?.lane !== undefined) tag.lane = parent.lane;
  } else if (lane !== NONE) tag.lane = lane;
  const index = f[6];
  if (index === undefined || index === '') {
    if (parent?.index !== undefined) tag.index = parent.index;
  } else if (index !== NONE) tag.index = Number(index);
  if (f[7]) tag.phase = f[7];
  return tag;
}

export function rawTag(node: BaseNode): string {
  return getData(node, TAG_ENTRY);
}

/** Every tag entry is written here, so node-cache.ts can record what each of ours holds. */
export function writeRawTag(node: BaseNode, raw: string): void {
  setData(node, TAG_ENTRY, raw);
  rememberTag(node, raw, true);
}

/** The role of a node on its own (the one field that never depends on the parent), or ''. */
export function roleOf(node: BaseNode): string {
  const raw = rawTag(node);
  const cut = raw.indexOf(SEP);
  return cut < 0 ? '' : raw.slice(0, cut);
}

/**
 * The key of a managed node, or undefined for a designer's node (no tag, or a copy
 * of one of ours: its recorded id is another node's).
 */
export function keyOf(node: BaseNode): string | undefined {
  const tag = decodeTag(rawTag(node));
  return tag && (tag.id === '' || tag.id === node.id) ? tag.key : undefined;
}

/** Tag a node the plugin made outside a spec tree (the holding area). */
export function tagNode(node: BaseNode, tag: Omit<StoredTag, 'id' | 'hash'>): void {
  writeRawTag(node, encodeTag({ ...tag, id: node.id, hash: '' }));
}

/**
 * A whole map the designer duplicated: every node in the copy has new ids, so
 * none would look like ours. The copy's frame is tagged with the original's id;
 * on first contact we take the copy over (re-tag ids) so it works as a map of
 * its own. Copies of single nodes inside it were the designer's before and stay
 * duplicates of a key, which readers and the reconciler leave alone.
 */
export function adoptCopiedMap(frame: BaseNode & ChildrenMixin): boolean {
  const own = decodeTag(rawTag(frame));
  if (!own || !own.id || own.id === frame.id) return false;
  const walk = (node: BaseNode) => {
    const raw = rawTag(node);
    if (raw) {
      const f = raw.split(SEP);
      if (f.length >= 4 && f[2] !== node.id) {
        f[2] = node.id;
        writeRawTag(node, f.join(SEP));
      }
    }
    if ('children' in node) for (const child of (node as ChildrenMixin).children) walk(child);
  };
  walk(frame);
  return true;
}
