/**
 * Random sequences of what designers do to a map on the canvas (edit a text,
 * delete a node, duplicate one, move their own node, restyle, add a sticker,
 * group a node)
 * interleaved with updates with random data and reads. Whatever happens:
 * no exception escapes the plugin, every reply is a valid protocol message,
 * and no node the designer added is ever lost.
 */
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { JourneyMap } from '../../src/model';
import { uninstallFakeFigma } from '../support/figma-fake';
import { arbMapInput } from '../support/arbitraries';
import { clone } from '../support/maps';
import { allNodes, startPlugin, type Plugin } from '../support/plugin';
import { tagField } from '../support/tags';

afterEach(() => uninstallFakeFigma());

type Action =
  | { kind: 'edit-text'; pick: number; text: string }
  | { kind: 'delete'; pick: number }
  | { kind: 'duplicate'; pick: number }
  | { kind: 'add-sticker'; pick: number }
  | { kind: 'move-sticker'; pick: number; to: number }
  | { kind: 'restyle'; pick: number; r: number }
  | { kind: 'group'; pick: number }
  | { kind: 'update'; rename: string; dropLast: boolean; reverse: boolean; force: boolean }
  | { kind: 'read' };

const arbAction: fc.Arbitrary<Action> = fc.oneof(
  fc.record({
    kind: fc.constant('edit-text' as const),
    pick: fc.nat(),
    text: fc.string({ minLength: 1, maxLength: 30 }),
  }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('add-sticker' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('move-sticker' as const), pick: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('restyle' as const), pick: fc.nat(), r: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('group' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('update' as const),
    rename: fc.string({ minLength: 1, maxLength: 20 }),
    dropLast: fc.boolean(),
    reverse: fc.boolean(),
    force: fc.boolean(),
  }),
  fc.constant({ kind: 'read' as const }),
);

/** Groups the designer made (a removed node's type can no longer be read, so they are remembered). */
const groups = new WeakSet<SceneNode>();
const isGroup = (n: SceneNode) => groups.has(n);

/** Whether a designer's group holds any node of the designer's own (untagged, or a copy with a foreign id). */
const holdsDesignerContent = (group: SceneNode): boolean =>
  allNodes(group).some((n) => n !== group && (!tagField(n, 'key') || tagField(n, 'id') !== n.id));

const pickFrom = <T>(list: T[], n: number): T | undefined => (list.length ? list[n % list.length] : undefined);

async function apply(
  p: Plugin,
  frameId: string,
  action: Action,
  stickers: SceneNode[],
  current: { map: JourneyMap },
): Promise<void> {
  const frame = (await p.figma.getNodeByIdAsync(frameId)) as FrameNode;
  // The plugin's nodes: tagged, and tagged with their own id (a designer's copy carries its original's id).
  const managedNodes = allNodes(frame).filter(
    (n) => n !== frame && tagField(n, 'key') && tagField(n, 'id') === n.id && tagField(n, 'role') !== 'holding',
  ) as SceneNode[];
  const frames = [frame, ...(managedNodes.filter((n) => n.type === 'FRAME') as FrameNode[])];
  switch (action.kind) {
    case 'edit-text': {
      const t = pickFrom(
        managedNodes.filter((n): n is TextNode => n.type === 'TEXT'),
        action.pick,
      );
      if (!t) return;
      await p.figma.loadFontAsync(t.fontName as FontName);
      t.characters = action.text;
      return;
    }
    case 'delete': {
      // Only leaves: deleting a container would delete the designer's own stickers inside it, by the designer's hand.
      const leaf = pickFrom(
        managedNodes.filter((n) => !('children' in n)),
        action.pick,
      );
      leaf?.remove();
      return;
    }
    case 'duplicate': {
      const n = pickFrom(
        managedNodes.filter((n) => !('children' in n) || (n as FrameNode).children.every((c) => !stickers.includes(c))),
        action.pick,
      );
      if (n) stickers.push(n.clone()); // the copy is the designer's: it must survive like a sticker
      return;
    }
    case 'add-sticker': {
      const parent = pickFrom(frames, action.pick)!;
      const sticker = p.figma.createRectangle();
      sticker.name = `Sticker ${stickers.length}`;
      parent.appendChild(sticker);
      stickers.push(sticker);
      return;
    }
    case 'move-sticker': {
      const s = pickFrom(
        stickers.filter((n) => !n.removed),
        action.pick,
      );
      const to = pickFrom(frames, action.to);
      if (s && to && !allNodes(s).includes(to)) to.appendChild(s);
      return;
    }
    case 'restyle': {
      const f = pickFrom(frames, action.pick);
      if (f) f.fills = [{ type: 'SOLID', color: { r: action.r, g: 0.5, b: 0.5 } }];
      return;
    }
    case 'group': {
      // Cmd+G on the first child of some managed frame together with a sticker of the designer's.
      // (A group holding only our node would vanish with it, as Figma deletes emptied groups.)
      const f = pickFrom(
        frames.filter((fr) => fr.children.length > 0 && fr !== frame),
        action.pick,
      );
      if (!f) return;
      const sticker = p.figma.createRectangle();
      f.appendChild(sticker);
      const group = p.figma.group([f.children[0], sticker], f);
      groups.add(group);
      stickers.push(sticker, group);
      return;
    }
    case 'update': {
      const next = clone(current.map);
      if (action.rename.trim()) next.stages[0].name = action.rename;
      if (action.reverse) next.stages.reverse();
      if (action.dropLast && next.stages.length > 1) {
        const gone = next.stages.pop()!;
        for (const lane of next.lanes) delete (lane.cells as Record<string, unknown>)[gone.id];
      }
      const replies = await p.send({ type: 'update', nodeId: frameId, map: next, force: action.force });
      const ok = replies.find((r) => r.type === 'updated');
      if (ok && ok.type === 'updated') current.map = ok.map as JourneyMap;
      else {
        // Without force, canvas edits since the last write make it a conflict; nothing else may fail.
        const err = replies.find((r) => r.type === 'error');
        expect(err && err.type === 'error' && err.code).toBe('conflict');
      }
      return;
    }
    case 'read': {
      const replies = await p.send({ type: 'read', nodeId: frameId });
      expect(replies.some((r) => r.type === 'map' || (r.type === 'error' && r.code !== 'internal'))).toBe(true);
      return;
    }
  }
}

describe('random designer actions', () => {
  it('never let an exception escape and never lose a designer-added node', async () => {
    await fc.assert(
      fc.asyncProperty(
        arbMapInput({ maxStages: 5, maxLanes: 4 }),
        fc.array(arbAction, { minLength: 1, maxLength: 14 }),
        async (input, actions) => {
          const p = await startPlugin();
          const created = p.expectReply(await p.send({ type: 'create', map: input }), 'created');
          const current = { map: created.map as JourneyMap };
          const stickers: SceneNode[] = [];
          for (const action of actions) {
            // What must survive this action: every node the designer made, and every group of
            // theirs that still holds something of theirs. (A group left holding only our nodes
            // goes when they go, as Figma deletes emptied groups; a designer may also delete
            // their own group by moving its last child out, which is not the plugin's doing.)
            const mustSurvive = stickers.filter((s) => !s.removed && (!isGroup(s) || holdsDesignerContent(s)));
            await apply(p, created.nodeId, action, stickers, current);
            // p.send parses every reply with the protocol schema; an internal error would mean something escaped.
            const internal = p.fake.uiMessages.filter((m) => (m as { code?: string }).code === 'internal');
            expect(internal).toEqual([]);
            const byPlugin = action.kind === 'update' || action.kind === 'read';
            for (const s of byPlugin ? mustSurvive : stickers.filter((n) => !isGroup(n))) expect(s.removed).toBe(false);
          }
          uninstallFakeFigma();
        },
      ),
      { numRuns: 60 },
    );
  });
});
