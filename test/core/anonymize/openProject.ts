/** A real encrypted project in a temp folder, behind the engine, with typed calls for the tests of this area. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Database as Connection } from 'better-sqlite3-multiple-ciphers';
import { createEngine, type Engine } from '../../../electron/core/engine';
import type { HandlerArgs, HandlerName, HandlerResults } from '../../../shared/api';
import type { ErrorReport } from '../../../shared/errors';

export interface TestProject {
  engine: Engine;
  db: Connection;
  /** The handler's result; throws the engine's message on failure. */
  call<K extends HandlerName>(name: K, args: HandlerArgs<K>): Promise<HandlerResults[K]>;
  /** The error the engine reports; throws if the call succeeds. */
  failure<K extends HandlerName>(name: K, args: HandlerArgs<K>): Promise<ErrorReport>;
  close(): void;
}

export async function openTestProject(): Promise<TestProject> {
  const dir = mkdtempSync(path.join(tmpdir(), 'confidant-anonymise-'));
  const file = path.join(dir, 'programme.confidant');
  const engine = createEngine({
    choosePath: async () => file,
    settingsDir: path.join(dir, 'settings'),
    actor: 'test',
    idleSeconds: () => 0,
    onProgress: () => undefined,
    onLocked: () => undefined,
  });
  await engine.call('project.choosePath', { purpose: 'create' });
  const created = await engine.call('project.create', {
    path: file,
    passphrase: 'correct horse battery staple',
  });
  if (!created.ok) throw new Error(created.error.message);
  return {
    engine,
    db: engine.session.requireProject().db,
    async call(name, args) {
      const outcome = await engine.call(name, args);
      if (!outcome.ok) throw new Error(outcome.error.message);
      return outcome.value as HandlerResults[typeof name];
    },
    async failure(name, args) {
      const outcome = await engine.call(name, args);
      if (outcome.ok) throw new Error(`${name} succeeded`);
      return outcome.error;
    },
    close() {
      engine.session.lock();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface SeededParticipant {
  department?: string | null;
  gender?: string | null;
  location?: string | null;
  cohort?: string;
  attributes?: Record<string, unknown>;
}

/** Participants written straight into the store, as a roster import leaves them (pseudonyms P-0001…). */
export function seedParticipants(db: Connection, people: readonly SeededParticipant[]): void {
  const program = db.prepare("INSERT INTO program (name) VALUES ('Mentoring') RETURNING id").pluck().get();
  const cohort = db.prepare('INSERT INTO cohort (program_id, name) VALUES (?, ?) RETURNING id').pluck();
  const cohorts = new Map<string, unknown>();
  const insert = db.prepare(
    `INSERT INTO participant (pseudonym, cohort_id, department, gender, location, attributes)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  people.forEach((person, i) => {
    if (person.cohort !== undefined && !cohorts.has(person.cohort)) {
      cohorts.set(person.cohort, cohort.get(program, person.cohort));
    }
    insert.run(
      `P-${String(i + 1).padStart(4, '0')}`,
      person.cohort === undefined ? null : cohorts.get(person.cohort),
      person.department ?? null,
      person.gender ?? null,
      person.location ?? null,
      JSON.stringify(person.attributes ?? {}),
    );
  });
}
