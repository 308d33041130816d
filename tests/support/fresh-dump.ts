/**
 * The dump of the managed tree a fresh create of `map` draws, in its own in-memory Figma: what
 * "an update equals a fresh create" compares with. Call it before installing the test's own
 * fake (it installs and uninstalls one).
 */
import { createMap } from '../../src/figma/map-ops';
import type { JourneyMap } from '../../src/model';
import { dumpMap, type Dump } from './dump';
import { installFakeFigma, uninstallFakeFigma } from './figma-fake';

export async function freshDump(map: JourneyMap): Promise<Dump> {
  installFakeFigma();
  try {
    const { frame } = await createMap(map);
    return dumpMap(frame);
  } finally {
    uninstallFakeFigma();
  }
}
