/** Versions of the map on the canvas: save, delete, restore into the panel, compare (issue #18). */
export function VersionsTab() {
  return (
    <div class="stack">
      <h2>Versions</h2>
    </div>
  );
}
