/**
 * The identifiers an import has given to participants so far, held in memory until the import writes them
 * into the register in one go, in key order. The keys are HMACs, so they are uniformly random: written one at a
 * time, each lands on a random page of the register's index, and a million-row import spends most of its time
 * moving encrypted pages in and out of SQLite's cache. Written sorted, they go in page by page.
 *
 * Kept compactly: the 32-byte keys in 1 MiB slabs (never copied as they grow), the owner, kind and ambiguity in
 * typed arrays, and an open-addressing table of positions for finding a key again. A million respondents with an
 * id and an e-mail each take about 90 MB.
 */
export const KEY_BYTES = 32;
const KEYS_PER_SLAB = 32768;

export interface NewIdentifier {
  key: Buffer;
  participantId: number;
  kindCode: number;
  ambiguous: boolean;
}

export class NewIdentifiers {
  private slabs: Buffer[] = [];
  private owners = new Int32Array(KEYS_PER_SLAB);
  private kindCodes = new Uint8Array(KEYS_PER_SLAB);
  private ambiguity = new Uint8Array(KEYS_PER_SLAB);
  /** Position + 1 of the key in each slot; 0 is an empty slot. */
  private slots = new Int32Array(1 << 16);
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** The position of `key`, or -1 when this import has not given it to anyone. */
  positionOf(key: Buffer): number {
    const mask = this.slots.length - 1;
    for (let slot = key.readUInt32LE(0) & mask; ; slot = (slot + 1) & mask) {
      const held = this.slots[slot]!;
      if (held === 0) return -1;
      if (this.keyAt(held - 1).equals(key)) return held - 1;
    }
  }

  add(key: Buffer, participantId: number, kindCode: number): void {
    if ((this.count + 1) * 2 > this.slots.length) this.growSlots();
    const position = this.count;
    if (position % KEYS_PER_SLAB === 0) this.slabs.push(Buffer.allocUnsafe(KEYS_PER_SLAB * KEY_BYTES));
    if (position === this.owners.length) this.growColumns();
    key.copy(this.slabs[this.slabs.length - 1]!, (position % KEYS_PER_SLAB) * KEY_BYTES);
    this.owners[position] = participantId;
    this.kindCodes[position] = kindCode;
    this.count++;
    this.place(position);
  }

  ownerAt(position: number): number {
    return this.owners[position]!;
  }

  isAmbiguous(position: number): boolean {
    return this.ambiguity[position] === 1;
  }

  markAmbiguous(position: number): void {
    this.ambiguity[position] = 1;
  }

  /**
   * Every identifier, ordered by the first two bytes of its key: enough for each run of them to land on one
   * page of the index, since the keys are uniformly random. A counting sort, so it takes one pass and 4 bytes
   * a key.
   */
  *inKeyOrder(): Generator<NewIdentifier> {
    const starts = new Uint32Array(65537);
    for (let position = 0; position < this.count; position++) starts[this.bucketOf(position) + 1]!++;
    for (let bucket = 1; bucket < starts.length; bucket++) starts[bucket]! += starts[bucket - 1]!;
    const order = new Uint32Array(this.count);
    for (let position = 0; position < this.count; position++)
      order[starts[this.bucketOf(position)]!++] = position;
    for (const position of order) {
      yield {
        key: this.keyAt(position),
        participantId: this.owners[position]!,
        kindCode: this.kindCodes[position]!,
        ambiguous: this.ambiguity[position] === 1,
      };
    }
  }

  private keyAt(position: number): Buffer {
    const start = (position % KEYS_PER_SLAB) * KEY_BYTES;
    return this.slabs[Math.floor(position / KEYS_PER_SLAB)]!.subarray(start, start + KEY_BYTES);
  }

  private bucketOf(position: number): number {
    const start = (position % KEYS_PER_SLAB) * KEY_BYTES;
    return this.slabs[Math.floor(position / KEYS_PER_SLAB)]!.readUInt16BE(start);
  }

  private place(position: number): void {
    const mask = this.slots.length - 1;
    const start = (position % KEYS_PER_SLAB) * KEY_BYTES;
    let slot = this.slabs[Math.floor(position / KEYS_PER_SLAB)]!.readUInt32LE(start) & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = position + 1;
  }

  private growSlots(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    for (let position = 0; position < this.count; position++) this.place(position);
  }

  private growColumns(): void {
    const owners = new Int32Array(this.owners.length * 2);
    owners.set(this.owners);
    this.owners = owners;
    const kindCodes = new Uint8Array(owners.length);
    kindCodes.set(this.kindCodes);
    this.kindCodes = kindCodes;
    const ambiguity = new Uint8Array(owners.length);
    ambiguity.set(this.ambiguity);
    this.ambiguity = ambiguity;
  }
}
