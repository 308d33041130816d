/**
 * Everything the plugin keeps on nodes (tags, the record of what it wrote, the
 * stored map) lives in shared plugin data under one namespace.
 *
 * Why not private plugin data: it belongs to the plugin id, and Figma assigns
 * the real id only when a plugin is published, so every map made before (or
 * by a fork, or after a re-publish) would become unknown to the plugin.
 * Shared data is keyed by our namespace instead, survives an id change, and
 * lets other tools (plugins, the REST API) read the map. Figma docs,
 * setSharedPluginData: the namespace is at least 3 alphanumeric characters.
 */
export const NAMESPACE = 'journeymap';

export function getData(node: BaseNode, key: string): string {
  return node.getSharedPluginData(NAMESPACE, key);
}

/** An empty string deletes the entry (Figma docs, setSharedPluginData). */
export function setData(node: BaseNode, key: string, value: string): void {
  node.setSharedPluginData(NAMESPACE, key, value);
}
