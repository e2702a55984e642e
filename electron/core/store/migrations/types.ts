/** One step of the schema. A migration a file; each runs once, in order, inside one transaction with the rest. */
export interface Migration {
  version: number;
  name: string;
  up: string;
}
