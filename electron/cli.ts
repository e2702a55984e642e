import { mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { HandlerArgs, HandlerName, HandlerResults } from '../shared/api';
import { ConfidantError } from '../shared/errors';
import { createEngine, type Engine } from './core/engine';
import { promptHidden } from './core/terminal';

/**
 * `confidant`: the engine on the command line. Passphrases come from CONFIDANT_PASSPHRASE (and
 * CONFIDANT_NEW_PASSPHRASE for passwd), else they are asked for without echo. Results go to stdout as JSON,
 * errors to stderr with a non-zero exit code.
 */
const USAGE = `Usage: confidant <command> [arguments]

  init FILE            create an encrypted project
  info FILE            schema version, table counts and encryption settings, as JSON
  passwd FILE          change the project's passphrase
  backup FILE OUT      write an encrypted backup of the project to OUT
  demo [DIR]           build an example project in DIR (default ./demo-output)

Passphrase: CONFIDANT_PASSPHRASE (passwd also reads CONFIDANT_NEW_PASSPHRASE), else asked for.`;

class UsageError extends Error {}

function cliEngine(): Engine {
  return createEngine({
    choosePath: async () => null,
    settingsDir: process.env.CONFIDANT_SETTINGS_DIR ?? path.join(os.homedir(), '.config', 'confidant-cli'),
    actor: 'cli',
    idleSeconds: () => 0,
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

/** Unlocks FILE and returns the passphrase that did it. */
async function openFile(engine: Engine, file: string): Promise<string> {
  const given = await passphrase('CONFIDANT_PASSPHRASE', 'Passphrase: ');
  await call(engine, 'project.open', { path: engine.session.grant(file), passphrase: given });
  return given;
}

function print(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

function one(positionals: string[], count: number, what: string): string[] {
  if (positionals.length !== count) throw new UsageError(`Expected ${what}.\n\n${USAGE}`);
  return positionals;
}

const commands: Record<string, (engine: Engine, positionals: string[]) => Promise<void>> = {
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
    print({ project: file, passphrase: demoPassphrase, info: await call(engine, 'project.info', {}) });
  },
};

export async function main(argv: string[]): Promise<number> {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true, strict: true, options: {} });
  const [command, ...rest] = positionals;
  const run = command === undefined ? undefined : commands[command];
  if (!run) {
    process.stderr.write(`${command === undefined ? '' : `Unknown command: ${command}\n\n`}${USAGE}\n`);
    return 2;
  }
  const engine = cliEngine();
  try {
    await run(engine, rest);
    return 0;
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

if (typeof require !== 'undefined' && require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`confidant: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
