import type { Database as Connection, Statement } from 'better-sqlite3-multiple-ciphers';
import { crockfordBase32, keyedDigest, keyedDigester, normaliseIdentifier } from '../anonymize/pseudonym';

/**
 * The project's register of participants, who appear in it only as pseudonyms. A participant is recognised by
 * keyed HMACs of their normalised identifiers (employee id, e-mail, name; one domain per kind), so the same
 * person is found again in the next wave whichever of them the file carries. They are shown by a short code
 * derived from the first HMAC: six base-32 characters, one more for each clash, so codes never collide.
 *
 * Ids and e-mails identify one person; names may not. A row is matched on its ids and e-mails when it has
 * any, and on its name only when it has nothing else; a name two participants share identifies nobody.
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

/** A row's identifiers cannot be placed: they name two participants, or a name several people share. */
export class IdentifierConflict extends Error {}

const SHORTEST_CODE = 6;
const UNIQUE_KINDS: readonly ParticipantIdentifierKind[] = ['id', 'email'];
const KIND_WORDS: Record<ParticipantIdentifierKind, string> = { id: 'id', email: 'e-mail', name: 'name' };

export function projectPseudonymKey(db: Connection): Buffer {
  return db.prepare('SELECT pseudonym_key FROM project_secret WHERE id = 1').pluck().get() as Buffer;
}

type Digest = (domain: string, normalised: string) => Buffer;

/** An identifier's keyed digest: one domain per kind of identifier, over its normalised form. */
function digestIdentifier(digest: Digest, identifier: ParticipantIdentifier): Buffer {
  return digest(`participant.${identifier.kind}`, normaliseIdentifier(identifier.value, identifier.kind));
}

export function identityKey(key: Uint8Array, identifier: ParticipantIdentifier): Buffer {
  return digestIdentifier((domain, normalised) => keyedDigest(key, domain, normalised), identifier);
}

interface KeyedIdentifier {
  kind: ParticipantIdentifierKind;
  key: Buffer;
  owner: { id: number; pseudonym: string; ambiguous: number } | undefined;
}

export class ParticipantRegister {
  private readonly digest: Digest;
  private readonly findIdentifier: Statement;
  private readonly codeTaken: Statement;
  private readonly addParticipant: Statement;
  private readonly addIdentifier: Statement;
  private readonly markAmbiguous: Statement;

  constructor(
    db: Connection,
    private readonly importId: number | null = null,
  ) {
    this.digest = keyedDigester(projectPseudonymKey(db));
    this.findIdentifier = db.prepare(
      `SELECT p.id, p.pseudonym, i.ambiguous FROM participant_identifier i JOIN participant p ON p.id = i.participant_id
       WHERE i.identity_key = ?`,
    );
    this.codeTaken = db.prepare('SELECT 1 FROM participant WHERE pseudonym = ?').pluck();
    this.addParticipant = db.prepare('INSERT INTO participant (pseudonym, import_id) VALUES (?, ?)');
    this.addIdentifier = db.prepare(
      'INSERT INTO participant_identifier (identity_key, participant_id, kind) VALUES (?, ?, ?)',
    );
    this.markAmbiguous = db.prepare('UPDATE participant_identifier SET ambiguous = 1 WHERE identity_key = ?');
  }

  /** The participant these identifiers name, if the register knows them. */
  find(identifiers: readonly ParticipantIdentifier[]): RegisteredParticipant | undefined {
    return this.match(this.keyed(identifiers));
  }

  /**
   * The participant these identifiers name, added to the register if none does yet; ids and e-mails the
   * register did not know are recorded for them, and their name unless another participant has it already.
   */
  register(identifiers: readonly ParticipantIdentifier[]): RegisteredParticipant {
    if (identifiers.length === 0) throw new Error('A participant needs at least one identifier.');
    const keyed = this.keyed(identifiers);
    const participant = this.match(keyed) ?? this.add(keyed[0]!.key);
    for (const { key, kind, owner } of keyed) {
      if (owner === undefined) this.addIdentifier.run(key, participant.id, kind);
      else if (kind === 'name' && owner.id !== participant.id) this.markAmbiguous.run(key);
    }
    return participant;
  }

  /** Strongest identifiers first: ids, then e-mails, then names. */
  private keyed(identifiers: readonly ParticipantIdentifier[]): KeyedIdentifier[] {
    const order = (kind: ParticipantIdentifierKind) => ['id', 'email', 'name'].indexOf(kind);
    return [...identifiers]
      .sort((a, b) => order(a.kind) - order(b.kind))
      .map((identifier) => {
        const key = digestIdentifier(this.digest, identifier);
        const owner = this.findIdentifier.get(key) as KeyedIdentifier['owner'];
        return { kind: identifier.kind, key, owner };
      });
  }

  private match(keyed: readonly KeyedIdentifier[]): RegisteredParticipant | undefined {
    const unique = keyed.filter((identifier) => UNIQUE_KINDS.includes(identifier.kind));
    const candidates = unique.length > 0 ? unique : keyed;
    let found: KeyedIdentifier | undefined;
    for (const identifier of candidates) {
      const { owner } = identifier;
      if (!owner) continue;
      if (owner.ambiguous) {
        throw new IdentifierConflict(
          'names a participant by a name several participants share; map an id or e-mail column',
        );
      }
      if (found && found.owner!.id !== owner.id) {
        throw new IdentifierConflict(
          `has an ${KIND_WORDS[found.kind]} and an ${KIND_WORDS[identifier.kind]} that belong to two different participants`,
        );
      }
      found ??= identifier;
    }
    return found && { id: found.owner!.id, pseudonym: found.owner!.pseudonym, added: false };
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
