import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The repository passes its tests on its own, in a plain clone: nothing a test, a benchmark or a build script reads
 * lies outside it (reference data is copied into test/fixtures/reference with its licence). Checked statically:
 * every relative path written in those files must resolve inside the repository, and none may name a folder
 * beside the checkout.
 */
const REPOSITORY = path.resolve('.');
const CHECKED = ['test', 'scripts'];

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const file = path.join(directory, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.(ts|tsx|mjs|js|cjs)$/.test(name) ? [file] : [];
  });
}

/** The string literals of a source file that are relative paths ('../x', "./y"). */
function relativePaths(source: string): string[] {
  return [...source.matchAll(/(['"`])(\.\.?\/[^'"`\n]*)\1/g)].map((match) => match[2] ?? '');
}

const files = CHECKED.flatMap((directory) => sourceFiles(path.join(REPOSITORY, directory)));

describe('the repository alone', () => {
  it('finds the files it checks', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files).toContain(path.join(REPOSITORY, 'test', 'core', 'anonymize', 'presidioCases.ts'));
  });

  it('has no test or script that reads a path outside the repository', () => {
    const outside: string[] = [];
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      for (const relative of relativePaths(source)) {
        const resolved = path.resolve(path.dirname(file), relative);
        if (path.relative(REPOSITORY, resolved).startsWith('..'))
          outside.push(`${path.relative(REPOSITORY, file)}: ${relative}`);
      }
      for (const named of source.matchAll(
        /['"`][^'"`\n]*(\/work\/|shared\/testdata|shared\/refi-qda|shared\/ner)/g,
      ))
        outside.push(`${path.relative(REPOSITORY, file)}: ${named[0]}`);
    }
    expect(outside).toEqual([]);
  });

  it('keeps each copied reference data set with its notice', () => {
    for (const folder of ['pii', 'irr', 'refi-qda']) {
      const copied = readdirSync(path.join(REPOSITORY, 'test', 'fixtures', 'reference', folder));
      expect(copied, folder).toContain('NOTICE.md');
      expect(copied.length, folder).toBeGreaterThan(1);
    }
  });
});
