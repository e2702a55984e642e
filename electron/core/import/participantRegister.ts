import type { Database as Connection, Statement } from 'better-sqlite3-multiple-ciphers';
import { crockfordBase32, keyedDigest, normaliseIdentifier } from '../anonymize/pseudonym';

/**
 * The project's register of participants, who appear in it only as pseudonyms. A participant is recognised by
 * keyed HMACs of their normalised identifiers (employee id, e-mail, name; one domain per kind), so the same
 * person is found again in the next wave whichever of them the file carries. They are shown by a short code
 * derived from the first HMAC: six base-32 characters, one more for each clash, so codes never collide.
 */
export type ParticipantIdentifierKind = 'id' | 'email' | 'name';

export interface ParticipantIdentifier {
  kind: ParticipantIdentifierKind;
  value: string;
}

export interface RegisteredParticipant {
  id: number;
  pseudonym: string;
  /** True when this call added the participant to the register. */
  added: boolean;
}

/** Two identifiers of one row belong to two different participants already in the project. */
export class IdentifierConflict extends Error {
  constructor(readonly kinds: [ParticipantIdentifierKind, ParticipantIdentifierKind]) {
    super(`the ${kinds[0]} and the ${kinds[1]} belong to two different participants already in the project`);
  }
}

const SHORTEST_CODE = 6;

export function projectPseudonymKey(db: Connection): Buffer {
  return db.prepare('SELECT pseudonym_key FROM project_secret WHERE id = 1').pluck().get() as Buffer;
}

export function identityKey(key: Uint8Array, identifier: ParticipantIdentifier): Buffer {
  return keyedDigest(
    key,
    `participant.${identifier.kind}`,
    normaliseIdentifier(identifier.value, identifier.kind),
  );
}

export class ParticipantRegister {
  private readonly key: Buffer;
  private readonly findIdentifier: Statement;
  private readonly codeTaken: Statement;
  private readonly addParticipant: Statement;
  private readonly addIdentifier: Statement;

  constructor(
    db: Connection,
    private readonly importId: number | null = null,
  ) {
    this.key = projectPseudonymKey(db);
    this.findIdentifier = db.prepare(
      `SELECT p.id, p.pseudonym FROM participant_identifier i JOIN participant p ON p.id = i.participant_id
       WHERE i.identity_key = ?`,
    );
    this.codeTaken = db.prepare('SELECT 1 FROM participant WHERE pseudonym = ?').pluck();
    this.addParticipant = db.prepare('INSERT INTO participant (pseudonym, import_id) VALUES (?, ?)');
    this.addIdentifier = db.prepare(
      'INSERT INTO participant_identifier (identity_key, participant_id, kind) VALUES (?, ?, ?)',
    );
  }

  /** The participant one of these identifiers already names, if any. */
  find(identifiers: readonly ParticipantIdentifier[]): RegisteredParticipant | undefined {
    return this.lookUp(identifiers).found;
  }

  /**
   * The participant these identifiers name, added to the register if none does yet; identifiers the register
   * did not know are recorded for them. Throws IdentifierConflict when they name two different participants.
   */
  register(identifiers: readonly ParticipantIdentifier[]): RegisteredParticipant {
    if (identifiers.length === 0) throw new Error('A participant needs at least one identifier.');
    const { found, keys } = this.lookUp(identifiers);
    const participant = found ?? this.add(keys[0]!.key);
    for (const { key, kind, owner } of keys) {
      if (owner === undefined) this.addIdentifier.run(key, participant.id, kind);
    }
    return participant;
  }

  private lookUp(identifiers: readonly ParticipantIdentifier[]) {
    let found: (RegisteredParticipant & { kind: ParticipantIdentifierKind }) | undefined;
    const keys = identifiers.map((identifier) => {
      const key = identityKey(this.key, identifier);
      const owner = this.findIdentifier.get(key) as { id: number; pseudonym: string } | undefined;
      if (owner && found && owner.id !== found.id)
        throw new IdentifierConflict([found.kind, identifier.kind]);
      if (owner && !found) found = { ...owner, added: false, kind: identifier.kind };
      return { key, kind: identifier.kind, owner };
    });
    return { found: found && { id: found.id, pseudonym: found.pseudonym, added: false }, keys };
  }

  private add(firstKey: Buffer): RegisteredParticipant {
    let length = SHORTEST_CODE;
    let pseudonym = `P-${crockfordBase32(firstKey, length)}`;
    while (this.codeTaken.get(pseudonym)) {
      length++;
      pseudonym = `P-${crockfordBase32(firstKey, length)}`;
    }
    const id = Number(this.addParticipant.run(pseudonym, this.importId).lastInsertRowid);
    return { id, pseudonym, added: true };
  }
}
