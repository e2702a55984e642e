/**
 * Remembers which keys (participant ids, response ids) a file has used so far, and in which row, in a few
 * bytes per key: a million-row import must not hold a million strings to find its duplicates. Each key is
 * kept as a 64-bit fingerprint (two independent 32-bit string hashes) in an open-addressing table; two different
 * keys share a fingerprint with a chance of about one in 10^7 for a million keys, so a duplicate reported is, in
 * practice, a duplicate. The keys are the evaluator's own file, not an adversary's, so a fast mixing hash does
 * what SHA-256 did here at a tenth of the cost.
 */
export class SeenKeys {
  private high = new Uint32Array(1 << 12);
  private low = new Uint32Array(1 << 12);
  private rows = new Uint32Array(1 << 12);
  private count = 0;

  /** Records `key` as seen in `row`; returns the row it was first seen in when it was seen before. */
  see(key: string, row: number): number | undefined {
    if ((this.count + 1) * 2 > this.rows.length) this.grow();
    const high = stringHash(key, 0x9e3779b9);
    // The low half is never 0: a 0 there marks an empty slot.
    const low = stringHash(key, 0x85ebca6b) || 1;
    const slot = this.slotOf(high, low);
    if (this.low[slot] !== 0) return this.rows[slot];
    this.high[slot] = high;
    this.low[slot] = low;
    this.rows[slot] = row;
    this.count++;
    return undefined;
  }

  get size(): number {
    return this.count;
  }

  /** The slot holding the fingerprint, or the empty slot where it belongs (linear probing). */
  private slotOf(high: number, low: number): number {
    const mask = this.rows.length - 1;
    let slot = (high ^ low) & mask;
    while (this.low[slot] !== 0 && (this.low[slot] !== low || this.high[slot] !== high))
      slot = (slot + 1) & mask;
    return slot;
  }

  private grow(): void {
    const { high, low, rows } = this;
    this.high = new Uint32Array(rows.length * 2);
    this.low = new Uint32Array(rows.length * 2);
    this.rows = new Uint32Array(rows.length * 2);
    for (let index = 0; index < rows.length; index++) {
      if (low[index] === 0) continue;
      const slot = this.slotOf(high[index]!, low[index]!);
      this.high[slot] = high[index]!;
      this.low[slot] = low[index]!;
      this.rows[slot] = rows[index]!;
    }
  }
}

/** A 32-bit hash of a string's UTF-16 code units under a seed (MurmurHash3's mixing steps). */
function stringHash(text: string, seed: number): number {
  let h = seed;
  for (let i = 0; i < text.length; i++) {
    let k = Math.imul(text.charCodeAt(i), 0xcc9e2d51);
    k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
    h ^= k;
    h = Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64;
  }
  h ^= text.length;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
