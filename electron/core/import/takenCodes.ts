import { CROCKFORD } from '../anonymize/pseudonym';

/**
 * The participant codes a large import must not give again, held while the code index is set aside (see
 * `ParticipantRegister`). A six-character code ("P-" and 30 bits in base 32) is held as its number in an
 * open-addressing table, 4 bytes a slot, so a million codes take 8 MB rather than a million strings; the few
 * longer codes (one more character for each clash), and any other, are held as they are.
 */
const SHORTEST = 'P-XXXXXX'.length;

export class TakenCodes {
  /** The code's number + 1 in each slot; 0 is an empty slot. */
  private slots = new Uint32Array(1 << 16);
  private count = 0;
  private readonly longer = new Set<string>();

  /** Takes `code` when nobody has it; false when it is taken. */
  take(code: string): boolean {
    const number = codeNumber(code);
    if (number < 0) {
      if (this.longer.has(code)) return false;
      this.longer.add(code);
      return true;
    }
    if ((this.count + 1) * 2 > this.slots.length) this.grow();
    const held = number + 1;
    const slot = this.slotOf(held);
    if (this.slots[slot] === held) return false;
    this.slots[slot] = held;
    this.count++;
    return true;
  }

  /** The slot holding `held`, or the empty slot where it belongs (linear probing). */
  private slotOf(held: number): number {
    const mask = this.slots.length - 1;
    let slot = Math.imul(held, 0x9e3779b1) & mask;
    while (this.slots[slot] !== 0 && this.slots[slot] !== held) slot = (slot + 1) & mask;
    return slot;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Uint32Array(old.length * 2);
    for (const held of old) if (held !== 0) this.slots[this.slotOf(held)] = held;
  }
}

/** The 30-bit number a six-character code spells; -1 for any other code. */
function codeNumber(code: string): number {
  if (code.length !== SHORTEST || !code.startsWith('P-')) return -1;
  let number = 0;
  for (let at = 2; at < SHORTEST; at++) {
    const digit = CROCKFORD.indexOf(code[at]!);
    if (digit < 0) return -1;
    number = number * 32 + digit;
  }
  return number;
}
