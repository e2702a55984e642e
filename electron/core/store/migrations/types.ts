/** One step of the schema. A migration a file; each runs once, in order, inside one transaction with the rest. */
export interface Migration {
  version: number;
  name: string;
  up: string;
  /**
   * The step rebuilds a table others refer to (create, copy, drop, rename: SQLite's way of changing a
   * constraint). Foreign keys are then off while it runs, and every reference is checked before the commit.
   */
  rebuildsTables?: boolean;
}
