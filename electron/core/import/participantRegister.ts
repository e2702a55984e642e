import type { Database as Connection, Statement } from 'better-sqlite3-multiple-ciphers';
import { randomBytes } from 'node:crypto';
import { crockfordBase32, keyedDigest, keyedDigester, normaliseIdentifier } from '../anonymize/pseudonym';
import { NewIdentifiers } from './newIdentifiers';

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

/** Who an identifier belongs to: a participant in the register, or one this import has given it to. */
interface Owner {
  id: number;
  /** Known when the owner came from the register; looked up only when needed for one this import added. */
  pseudonym: string | null;
  ambiguous: boolean;
  /** Where the import holds the identifier, or -1 when the register has it already. */
  newPosition: number;
}

interface KeyedIdentifier {
  kind: ParticipantIdentifierKind;
  key: Buffer;
  owner: Owner | undefined;
}

/**
 * The register's references checked along its by-participant index, so each participant's page is read once
 * and in order (the identifiers themselves are stored in key order, which is random): see store/references.ts.
 */
export const REGISTER_REFERENCE_CHECK = {
  participant_identifier: `SELECT count(*) FROM participant_identifier i INDEXED BY participant_identifier_by_participant
    WHERE NOT EXISTS (SELECT 1 FROM participant p WHERE p.id = i.participant_id)`,
};

/** Strongest first; an identifier's kind is held as its position here until it is written. */
const KINDS: readonly ParticipantIdentifierKind[] = ['id', 'email', 'name'];
const IDENTIFIERS_PER_INSERT = 100;
/** Below this many new identifiers, the indexes are never rebuilt: inserting into them is quick enough. */
const REBUILD_FROM = 10_000;

/**
 * New identifiers are held in memory (`NewIdentifiers`) and written, in key order, by `recordNewIdentifiers()`:
 * the import calls it once before it commits. Until then this register finds them; another does not.
 */
export class ParticipantRegister {
  private readonly digest: Digest;
  private readonly findIdentifier: Statement;
  private readonly pseudonymOf: Statement;
  private readonly addParticipant: Statement;
  private readonly addIdentifier: Statement;
  private readonly addIdentifiers: Statement;
  private readonly markAmbiguous: Statement;
  private readonly addRespondent: Statement;
  private readonly findRespondent: Statement;
  private newIdentifiers = new NewIdentifiers();
  /** Whether the register held any identifier: when it did not, only the new ones need looking up. */
  private registerHasIdentifiers: boolean;

  constructor(
    private readonly db: Connection,
    private readonly importId: number | null = null,
  ) {
    this.digest = keyedDigester(projectPseudonymKey(db));
    this.findIdentifier = db.prepare(
      `SELECT p.id, p.pseudonym, i.ambiguous FROM participant_identifier i JOIN participant p ON p.id = i.participant_id
       WHERE i.identity_key = ?`,
    );
    this.pseudonymOf = db.prepare('SELECT pseudonym FROM participant WHERE id = ?').pluck();
    this.addParticipant = db.prepare(
      'INSERT INTO participant (pseudonym, import_id) VALUES (?, ?) ON CONFLICT (pseudonym) DO NOTHING',
    );
    const insert = (rows: number) =>
      db.prepare(
        `INSERT INTO participant_identifier (identity_key, participant_id, kind, ambiguous) VALUES ${Array.from(
          { length: rows },
          () => '(?, ?, ?, ?)',
        ).join(', ')}`,
      );
    this.addIdentifier = insert(1);
    this.addIdentifiers = insert(IDENTIFIERS_PER_INSERT);
    this.markAmbiguous = db.prepare('UPDATE participant_identifier SET ambiguous = 1 WHERE identity_key = ?');
    this.addRespondent = db.prepare(
      `INSERT INTO participant (pseudonym, import_id, anonymous, respondent_code_key) VALUES (?, ?, 1, ?)
       ON CONFLICT (pseudonym) DO NOTHING`,
    );
    this.findRespondent = db.prepare(
      'SELECT id, pseudonym FROM participant WHERE respondent_code_key = ? AND anonymous = 1',
    );
    this.registerHasIdentifiers =
      db.prepare('SELECT EXISTS (SELECT 1 FROM participant_identifier)').pluck().get() === 1;
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
    this.recordIdentifiers(keyed, participant);
    return participant;
  }

  /**
   * The participant these identifiers name as `find` gives them, or, when the register knows none of them, a new
   * participant registered with them: a survey wave's respondent, digested once whether found or added.
   */
  findOrAdd(identifiers: readonly ParticipantIdentifier[]): RegisteredParticipant {
    if (identifiers.length === 0) throw new Error('A participant needs at least one identifier.');
    const keyed = this.keyed(identifiers);
    const found = this.match(keyed);
    if (found) return found;
    const participant = this.add(keyed[0]!.key);
    this.recordIdentifiers(keyed, participant);
    return participant;
  }

  /**
   * An anonymous respondent of a survey wave: a participant with no identifier, whom the roster never finds. With
   * their own code (a self-generated code), the respondent that code names is found again in a later wave, or
   * added with the code's keyed hash (its own domain under the project key, never the code itself).
   */
  anonymousRespondent(ownCode: string | null): RegisteredParticipant {
    const normalised = ownCode === null ? '' : normaliseIdentifier(ownCode, 'id');
    const codeKey = normalised === '' ? null : this.digest('respondent.code', normalised);
    if (codeKey) {
      const found = this.findRespondent.get(codeKey) as { id: number; pseudonym: string } | undefined;
      if (found) return { ...found, added: false };
    }
    // Shown as R-XXXXXX: from the code's key, so a code keeps its look; from chance when there is none.
    const seed = codeKey ?? randomBytes(32);
    for (let length = SHORTEST_CODE; ; length++) {
      const pseudonym = `R-${crockfordBase32(seed, length)}`;
      const added = this.addRespondent.run(pseudonym, this.importId, codeKey);
      if (added.changes === 1) return { id: Number(added.lastInsertRowid), pseudonym, added: true };
    }
  }

  /** Identifiers the register did not know are given to `participant`; a name someone else has is trusted no more. */
  private recordIdentifiers(keyed: readonly KeyedIdentifier[], participant: RegisteredParticipant): void {
    for (const { key, kind, owner } of keyed) {
      if (owner === undefined) {
        // The same identifier twice in one row (two id columns) is recorded once.
        if (this.newIdentifiers.positionOf(key) < 0)
          this.newIdentifiers.add(key, participant.id, KINDS.indexOf(kind));
      } else if (kind === 'name' && owner.id !== participant.id) this.stopTrusting(key, owner);
    }
  }

  /**
   * Writes the identifiers registered since the last call into the register, in key order. The register's other
   * indexes (by participant) would take them in random order; when the import brings at least as many
   * identifiers as the register holds, they are built again afterwards, in one sort, instead.
   */
  recordNewIdentifiers(): void {
    const rebuilt =
      this.newIdentifiers.size >= REBUILD_FROM && this.newIdentifiers.size >= this.storedCount()
        ? this.dropOtherIndexes()
        : [];
    this.insertNewIdentifiers();
    for (const index of rebuilt) this.db.exec(index);
    this.registerHasIdentifiers ||= this.newIdentifiers.size > 0;
    this.newIdentifiers = new NewIdentifiers();
  }

  private storedCount(): number {
    return this.db.prepare('SELECT count(*) FROM participant_identifier').pluck().get() as number;
  }

  /** Drops the register's secondary indexes and returns the statements that create them again. */
  private dropOtherIndexes(): string[] {
    const indexes = this.db
      .prepare(
        `SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'participant_identifier' AND sql IS NOT NULL`,
      )
      .all() as { name: string; sql: string }[];
    for (const { name } of indexes) this.db.exec(`DROP INDEX "${name}"`);
    return indexes.map((index) => index.sql);
  }

  private insertNewIdentifiers(): void {
    const values: (Buffer | number | string)[] = [];
    for (const identifier of this.newIdentifiers.inKeyOrder()) {
      values.push(
        identifier.key,
        identifier.participantId,
        KINDS[identifier.kindCode]!,
        identifier.ambiguous ? 1 : 0,
      );
      if (values.length === 4 * IDENTIFIERS_PER_INSERT) {
        this.addIdentifiers.run(values);
        values.length = 0;
      }
    }
    for (let at = 0; at < values.length; at += 4) this.addIdentifier.run(values.slice(at, at + 4));
  }

  /** Strongest identifiers first: ids, then e-mails, then names. */
  private keyed(identifiers: readonly ParticipantIdentifier[]): KeyedIdentifier[] {
    return [...identifiers]
      .sort((a, b) => KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind))
      .map((identifier) => {
        const key = digestIdentifier(this.digest, identifier);
        return { kind: identifier.kind, key, owner: this.ownerOf(key) };
      });
  }

  private ownerOf(key: Buffer): Owner | undefined {
    const newPosition = this.newIdentifiers.positionOf(key);
    if (newPosition >= 0) {
      const id = this.newIdentifiers.ownerAt(newPosition);
      return { id, pseudonym: null, ambiguous: this.newIdentifiers.isAmbiguous(newPosition), newPosition };
    }
    if (!this.registerHasIdentifiers) return undefined;
    const stored = this.findIdentifier.get(key) as
      { id: number; pseudonym: string; ambiguous: number } | undefined;
    return (
      stored && {
        id: stored.id,
        pseudonym: stored.pseudonym,
        ambiguous: stored.ambiguous === 1,
        newPosition: -1,
      }
    );
  }

  /** A name two participants have identifies neither of them from now on. */
  private stopTrusting(key: Buffer, owner: Owner): void {
    if (owner.newPosition >= 0) this.newIdentifiers.markAmbiguous(owner.newPosition);
    else this.markAmbiguous.run(key);
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
    if (!found) return undefined;
    const { id, pseudonym } = found.owner!;
    return { id, pseudonym: pseudonym ?? (this.pseudonymOf.get(id) as string), added: false };
  }

  /** A new participant, shown by a code from their strongest identifier's key; lengthened while it is taken. */
  private add(firstKey: Buffer): RegisteredParticipant {
    for (let length = SHORTEST_CODE; ; length++) {
      const pseudonym = `P-${crockfordBase32(firstKey, length)}`;
      const added = this.addParticipant.run(pseudonym, this.importId);
      if (added.changes === 1) return { id: Number(added.lastInsertRowid), pseudonym, added: true };
    }
  }
}
