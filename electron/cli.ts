import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { HandlerArgs, HandlerName, HandlerResults } from '../shared/api';
import { ConfidantError } from '../shared/errors';
import type { DocumentKind } from '../shared/documentImport';
import type { ImportKind, ImportPlan } from '../shared/import';

type SourceOptions = ImportPlan['options'];
import { piiScanCommand } from './core/anonymize/piiScanCommand';
import { projectScanOptions } from './core/anonymize/anonymisationSettings';
import { exampleInterview, exampleProgram } from './core/demo/exampleProgram';
import { createEngine, type Engine } from './core/engine';
import { promptHidden } from './core/terminal';

/**
 * `confidant`: the engine on the command line. Passphrases come from CONFIDANT_PASSPHRASE (and
 * CONFIDANT_NEW_PASSPHRASE for passwd, CONFIDANT_VAULT_PASSPHRASE for a re-identification vault), else they are
 * asked for without echo. Results go to stdout as JSON,
 * errors to stderr with a non-zero exit code.
 */
const USAGE = `Usage: confidant <command> [arguments]

  --help               this text

  init FILE            create an encrypted project
  info FILE            schema version, table counts and encryption settings, as JSON
  passwd FILE          change the project's passphrase
  backup FILE OUT      write an encrypted backup of the project to OUT
  demo [DIR]           build an example project in DIR (default ./demo-output) from a made-up program:
                       roster, pairings, two survey waves, meetings, career moves and an interview
                       transcript awaiting review
  import FILE SOURCE --as roster|pairings|survey|hr|activity [--window NAME] [--instrument NAME]
                     [--mapping MAP.json] [--skip-invalid-rows] [--add-participants] [--vault VAULT]
                     [--respondent-code COLUMN] [--date-order dmy|mdy] [--encoding ENCODING]
                       import a roster, a pairing list, a survey wave, HR progression records or an activity
                       log of meetings (CSV, TSV, XLSX, SPSS .sav; Qualtrics, SurveyMonkey, Google Forms and
                       Microsoft Forms exports recognised); prints a JSON summary. A survey row without a
                       participant id, e-mail or name is an anonymous respondent of the wave; one whose id is
                       not on the roster is refused unless --add-participants adds it. --respondent-code names
                       the column of the respondents' own codes, which link anonymous waves (kept only as a
                       keyed hash). --date-order reads dates such as 03/02/2026 day-first (dmy) or month-first
                       (mdy) where the file does not tell. --encoding: utf-8, utf-16le, utf-16be,
                       windows-1252 or mac-roman. With --vault, a roster's ids, e-mails and names are kept for
                       their pseudonyms in that re-identification vault
  import FILE SOURCE --as transcript|journal|mentor-note [--title T] [--participant ID|EMAIL] [--window NAME]
                       import an interview transcript, a journal or a mentor's notes (.txt, .docx, .vtt,
                       .srt); it waits in the project for review of the identifiers the scan finds in it;
                       prints a JSON summary (document id, findings by entity)
  imports FILE         the project's imports, newest first, as JSON (importId, kind, file, into, importedAt,
                       rowsImported)
  remove-import FILE IMPORT_ID [--dry-run]
                       take an import back: its rows, the participants only it added and their identifiers, in
                       one audited step; the same file can then be imported again. Prints what was removed
                       (with --dry-run, what would be, and nothing changes)
  pii-scan [FILE|-] [--countries GB,US] [--roster ROSTER.csv | --project FILE.confidant]
                       find personal data in free text; prints a JSON array of {start, end, entity, score}
                       (offsets in Unicode code points, end exclusive; entity names as Presidio's);
                       --project uses the names of that project's roster, kept there only as keyed hashes
  vault init VAULT --project FILE
                       create the project's re-identification vault (its own passphrase, not the project's)
  vault lookup VAULT PSEUDONYM --project FILE
                       the identities the vault keeps for a pseudonym, as JSON; audited in the project

Passphrase: CONFIDANT_PASSPHRASE (passwd also reads CONFIDANT_NEW_PASSPHRASE; a vault's is
CONFIDANT_VAULT_PASSPHRASE), else asked for.`;

class UsageError extends Error {}

function cliEngine(): Engine {
  return createEngine({
    choosePath: async () => null,
    settingsDir: process.env.CONFIDANT_SETTINGS_DIR ?? path.join(os.homedir(), '.config', 'confidant-cli'),
    actor: 'cli',
    idleSeconds: () => 0,
    warmJobWorker: false,
    onProgress: (event) => {
      if (process.stderr.isTTY) process.stderr.write(`${event.phase}\n`);
    },
  });
}

/** Calls the engine exactly as the window does, and turns an error outcome into a thrown ConfidantError. */
async function call<K extends HandlerName>(
  engine: Engine,
  name: K,
  args: HandlerArgs<K>,
): Promise<HandlerResults[K]> {
  const outcome = await engine.call(name, args);
  if (!outcome.ok) throw new ConfidantError(outcome.error.code, outcome.error.message);
  return outcome.value as HandlerResults[K];
}

async function passphrase(variable: string, question: string): Promise<string> {
  const fromEnvironment = process.env[variable];
  if (fromEnvironment) return fromEnvironment;
  return promptHidden(question);
}

async function newPassphrase(variable: string): Promise<string> {
  const fromEnvironment = process.env[variable];
  if (fromEnvironment) return fromEnvironment;
  const first = await promptHidden('New passphrase: ');
  const again = await promptHidden('Repeat the new passphrase: ');
  if (first !== again) throw new UsageError('The two passphrases differ. Nothing was changed.');
  return first;
}

/** Says why an unlock is slow: earlier wrong passphrases for this file, in this run or any other. */
function noticeUnlockWait(engine: Engine, file: string): void {
  const wait = engine.session.unlockWaitMs(file);
  if (wait > 0)
    process.stderr.write(
      `Waiting ${Math.round(wait / 1000)} s before trying: earlier wrong passphrases for ${file}.\n`,
    );
}

/** Unlocks FILE and returns the passphrase that did it. */
async function openFile(engine: Engine, file: string): Promise<string> {
  const given = await passphrase('CONFIDANT_PASSPHRASE', 'Passphrase: ');
  const granted = engine.session.grant(file);
  noticeUnlockWait(engine, granted);
  await call(engine, 'project.open', { path: granted, passphrase: given });
  return given;
}

const VAULT_PASSPHRASE = 'CONFIDANT_VAULT_PASSPHRASE';

/** Unlocks the open project's re-identification vault at VAULT. */
async function openVault(engine: Engine, vault: string): Promise<void> {
  const given = await passphrase(VAULT_PASSPHRASE, 'Vault passphrase: ');
  const granted = engine.session.grant(vault);
  noticeUnlockWait(engine, granted);
  await call(engine, 'vault.open', { path: granted, passphrase: given });
}

function projectOption(options: Options): string {
  if (typeof options.project !== 'string')
    throw new UsageError(`Name the vault's project with --project FILE.\n\n${USAGE}`);
  return options.project;
}

function print(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

function one(positionals: string[], count: number, what: string): string[] {
  if (positionals.length !== count) throw new UsageError(`Expected ${what}.\n\n${USAGE}`);
  return positionals;
}

type Options = Record<string, string | boolean | undefined>;

const commandOptions: Record<string, Record<string, { type: 'string' | 'boolean' }>> = {
  'pii-scan': { countries: { type: 'string' }, roster: { type: 'string' }, project: { type: 'string' } },
  import: {
    as: { type: 'string' },
    window: { type: 'string' },
    instrument: { type: 'string' },
    mapping: { type: 'string' },
    'skip-invalid-rows': { type: 'boolean' },
    'add-participants': { type: 'boolean' },
    title: { type: 'string' },
    participant: { type: 'string' },
    vault: { type: 'string' },
    'respondent-code': { type: 'string' },
    'date-order': { type: 'string' },
    encoding: { type: 'string' },
  },
  vault: { project: { type: 'string' } },
  'remove-import': { 'dry-run': { type: 'boolean' } },
};

/** `--as` for a document, and the document kind it names. */
const documentKindsByOption: Record<string, DocumentKind> = {
  transcript: 'transcript',
  journal: 'journal',
  'mentor-note': 'mentor_note',
};

/** `confidant import FILE SOURCE --as transcript|journal|mentor-note`: one document, awaiting review. */
async function importDocument(engine: Engine, source: string, kind: DocumentKind, options: Options) {
  const title =
    typeof options.title === 'string'
      ? options.title
      : (await call(engine, 'import.previewDocument', { source })).titleSuggestion;
  return call(engine, 'import.document', {
    source,
    kind,
    title,
    participant: options.participant as string | undefined,
    window: options.window as string | undefined,
  });
}

/** The columns of a saved mapping file: either a list of columns or a plan object with `columns`. */
function mappingColumns(file: string): unknown {
  const saved = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  return Array.isArray(saved) ? saved : (saved as { columns?: unknown }).columns;
}

const ENCODINGS: Record<string, SourceOptions['encoding']> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
  'mac-roman': 'macintosh',
  macroman: 'macintosh',
  macintosh: 'macintosh',
};

/** `--encoding`: how the file's bytes are read, when the guess is wrong. */
function sourceOptionsOf(options: Options): SourceOptions {
  if (options.encoding === undefined) return {};
  const encoding = ENCODINGS[String(options.encoding).toLowerCase()];
  if (!encoding)
    throw new UsageError(
      `--encoding ${String(options.encoding)} is not one the import reads; give utf-8, utf-16le, utf-16be, windows-1252 or mac-roman.`,
    );
  return { encoding };
}

/**
 * `--date-order` for every column whose order the file does not tell, and `--respondent-code COLUMN` (by its
 * heading, any case): the respondents' own codes, kept only as a keyed hash.
 */
function withColumnOptions(columns: unknown, options: Options): unknown {
  const order = options['date-order'];
  if (order !== undefined && order !== 'dmy' && order !== 'mdy')
    throw new UsageError(`--date-order is dmy (day first: 03/02 is 3 February) or mdy (month first).`);
  const code = typeof options['respondent-code'] === 'string' ? options['respondent-code'].trim() : undefined;
  if (!Array.isArray(columns)) return columns;
  const planned = columns as { heading?: string; dateOrder?: string; field?: string }[];
  if (
    code !== undefined &&
    !planned.some((column) => column.heading?.trim().toLowerCase() === code.toLowerCase())
  )
    throw new UsageError(
      `--respondent-code ${code}: the file has no column headed so; its columns are ${planned.map((c) => c.heading).join(', ')}.`,
    );
  return planned.map((column) => ({
    ...column,
    ...(order && !column.dateOrder ? { dateOrder: order } : {}),
    ...(code !== undefined && column.heading?.trim().toLowerCase() === code.toLowerCase()
      ? { field: 'respondentCode', role: 'direct-identifier' }
      : {}),
  }));
}

function readInput(source: string | undefined): string {
  return readFileSync(source === undefined || source === '-' ? 0 : source, 'utf8');
}

/** Each command resolves to its exit code (nothing: 0). */
const commands: Record<
  string,
  (engine: Engine, positionals: string[], options: Options) => Promise<number | void>
> = {
  async init(engine, positionals) {
    const [file] = one(positionals, 1, 'one FILE') as [string];
    const resolved = engine.session.grant(file);
    const chosen = await newPassphrase('CONFIDANT_PASSPHRASE');
    print(await call(engine, 'project.create', { path: resolved, passphrase: chosen }));
  },
  async info(engine, positionals) {
    const [file] = one(positionals, 1, 'one FILE') as [string];
    await openFile(engine, file);
    print(await call(engine, 'project.info', {}));
  },
  async passwd(engine, positionals) {
    const [file] = one(positionals, 1, 'one FILE') as [string];
    const current = await openFile(engine, file);
    print(
      await call(engine, 'project.changePassphrase', {
        current,
        next: await newPassphrase('CONFIDANT_NEW_PASSPHRASE'),
      }),
    );
  },
  async backup(engine, positionals) {
    const [file, destination] = one(positionals, 2, 'FILE and OUT') as [string, string];
    await openFile(engine, file);
    print(await call(engine, 'project.backup', { destination: engine.session.grant(destination) }));
  },
  async demo(engine, positionals) {
    const directory = path.resolve(positionals[0] ?? 'demo-output');
    mkdirSync(directory, { recursive: true });
    const file = path.join(directory, 'example.confidant');
    rmSync(file, { force: true });
    const demoPassphrase = process.env.CONFIDANT_PASSPHRASE ?? 'demo mentoring evaluation passphrase';
    await call(engine, 'project.create', { path: engine.session.grant(file), passphrase: demoPassphrase });
    const imports = [];
    for (const source of exampleProgram()) {
      const sourcePath = engine.session.grant(path.join(directory, source.name));
      writeFileSync(sourcePath, source.content);
      const preview = await call(engine, 'import.preview', { source: sourcePath });
      const summary = await call(engine, 'import.commit', {
        source: sourcePath,
        plan: {
          kind: source.kind,
          columns: preview.columns.map(({ confidence: _confidence, reason: _reason, ...column }) => column),
          ...(source.window ? { window: source.window, instrument: 'Confidence survey' } : {}),
        },
      });
      imports.push({ file: source.name, rowsImported: summary.rowsImported, problems: summary.problemCount });
    }
    const interview = exampleInterview();
    const interviewPath = engine.session.grant(path.join(directory, interview.name));
    writeFileSync(interviewPath, interview.content);
    const { documentId, findings, awaitingReview } = await call(engine, 'import.document', {
      source: interviewPath,
      kind: interview.kind,
      title: interview.title,
      participant: interview.participant,
      window: interview.window,
    });
    print({
      project: file,
      passphrase: demoPassphrase,
      imports,
      documents: [{ file: interview.name, documentId, findings, awaitingReview }],
      info: await call(engine, 'project.info', {}),
    });
  },
  async import(engine, positionals, options) {
    const [file, source] = one(positionals, 2, 'FILE and SOURCE') as [string, string];
    if (typeof options.as !== 'string')
      throw new UsageError(
        `Say what SOURCE holds with --as roster, pairings, survey, hr, activity, transcript, journal or mentor-note.\n\n${USAGE}`,
      );
    const documentKind = Object.hasOwn(documentKindsByOption, options.as)
      ? documentKindsByOption[options.as]
      : undefined;
    if (!documentKind && (options.title !== undefined || options.participant !== undefined))
      throw new UsageError('--title and --participant are for a transcript, journal or mentor-note.');
    if (options.vault !== undefined && options.as !== 'roster')
      throw new UsageError('--vault is for a roster: only a roster brings identities to keep.');
    await openFile(engine, file);
    if (typeof options.vault === 'string') await openVault(engine, options.vault);
    const granted = engine.session.grant(source);
    if (documentKind) {
      print(await importDocument(engine, granted, documentKind, options));
      return 0;
    }
    const sourceOptions = sourceOptionsOf(options);
    const columns = withColumnOptions(
      typeof options.mapping === 'string'
        ? mappingColumns(options.mapping)
        : (await call(engine, 'import.preview', { source: granted, options: sourceOptions })).columns.map(
            ({ confidence: _confidence, reason: _reason, ...column }) => column,
          ),
      options,
    );
    // The mapping file and --as are checked against the contract's schema by the engine, as the window's are.
    const summary = await call(engine, 'import.commit', {
      source: granted,
      plan: {
        kind: options.as as ImportKind,
        columns: columns as never,
        window: options.window as string | undefined,
        instrument: options.instrument as string | undefined,
        skipInvalidRows: options['skip-invalid-rows'] === true,
        addUnknownParticipants: options['add-participants'] === true,
        options: sourceOptions,
      },
    });
    print(summary);
    return summary.committed || summary.alreadyImported ? 0 : 1;
  },
  async imports(engine, positionals) {
    const [file] = one(positionals, 1, 'one FILE') as [string];
    await openFile(engine, file);
    print((await call(engine, 'data.imports', {})).imports);
  },
  async 'remove-import'(engine, positionals, options) {
    const [file, which] = one(positionals, 2, 'FILE and IMPORT_ID') as [string, string];
    const importId = Number(which);
    if (!Number.isInteger(importId) || importId < 1)
      throw new UsageError(`IMPORT_ID is the number \`confidant imports ${file}\` shows, not "${which}".`);
    await openFile(engine, file);
    if (options['dry-run'] === true) {
      print(await call(engine, 'data.previewImportRemoval', { importId }));
      return;
    }
    print(await call(engine, 'data.removeImport', { importId }));
  },
  async vault(engine, positionals, options) {
    const [action, vault, ...rest] = positionals;
    if (action === 'init' && vault !== undefined && rest.length === 0) {
      await openFile(engine, projectOption(options));
      const chosen = await newPassphrase(VAULT_PASSPHRASE);
      print(await call(engine, 'vault.create', { path: engine.session.grant(vault), passphrase: chosen }));
      return;
    }
    if (action === 'lookup' && vault !== undefined && rest.length === 1) {
      await openFile(engine, projectOption(options));
      await openVault(engine, vault);
      print(await call(engine, 'vault.lookup', { pseudonym: rest[0]! }));
      return;
    }
    throw new UsageError(`Expected vault init VAULT or vault lookup VAULT PSEUDONYM.\n\n${USAGE}`);
  },
  async 'pii-scan'(engine, positionals, options) {
    if (positionals.length > 1) throw new UsageError(`Expected at most one FILE.\n\n${USAGE}`);
    const countries = String(options.countries ?? '')
      .split(',')
      .map((country) => country.trim().toUpperCase())
      .filter((country) => country !== '');
    const roster = typeof options.roster === 'string' ? readFileSync(options.roster, 'utf8') : undefined;
    const text = readInput(positionals[0]);
    if (typeof options.project === 'string') await openFile(engine, options.project);
    const project =
      typeof options.project === 'string'
        ? projectScanOptions(engine.session.requireProject().db)
        : undefined;
    const findings = await piiScanCommand({ text, countries, rosterCsv: roster, project });
    process.stdout.write(`${JSON.stringify(findings)}\n`);
  },
};

const HELP = new Set(['--help', '-h', 'help']);

export async function main(argv: string[]): Promise<number> {
  const command = argv[0];
  if (command !== undefined && HELP.has(command)) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const run = command === undefined ? undefined : commands[command];
  if (command === undefined || !run) {
    process.stderr.write(`${command === undefined ? '' : `Unknown command: ${command}\n\n`}${USAGE}\n`);
    return 2;
  }
  let parsed: { positionals: string[]; values: Options };
  try {
    parsed = parseArgs({
      args: argv.slice(1),
      allowPositionals: true,
      strict: true,
      options: commandOptions[command] ?? {},
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const engine = cliEngine();
  try {
    return (await run(engine, parsed.positionals, parsed.values)) ?? 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    process.stderr.write(`confidant ${command}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    engine.session.lock();
  }
}

/**
 * Ends the process once everything written to stdout and stderr has reached them. A pipe or a file takes the
 * output asynchronously: exiting at once cut it at the first 64 KiB the pipe held. A reader that went away
 * (`| head`) ends the output without a stack trace.
 */
function exitWhenWritten(code: number): void {
  process.exitCode = code;
  let streams = [process.stdout, process.stderr];
  for (const stream of streams) {
    stream.on('error', () => process.exit(code));
    stream.write('', () => {
      streams = streams.filter((other) => other !== stream);
      if (streams.length === 0) process.exit(code);
    });
  }
}

if (typeof require !== 'undefined' && require.main === module) {
  main(process.argv.slice(2)).then(exitWhenWritten, (error: unknown) => {
    process.stderr.write(`confidant: ${error instanceof Error ? error.message : String(error)}\n`);
    exitWhenWritten(1);
  });
}
