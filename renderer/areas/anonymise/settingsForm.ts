/** The settings form's fields, and turning them into what the engine saves. */

/** An id pattern being edited; `key` keeps its row while others are added or removed. */
export interface MaskRow {
  key: number;
  mask: string;
  label: string;
}

/** "gb, us;ie" → ["GB", "US", "IE"]: commas, semicolons or spaces separate codes. */
export function countriesFromText(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .filter((each) => each !== '')
    .map((each) => each.toUpperCase());
}
