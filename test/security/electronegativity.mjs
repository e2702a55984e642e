#!/usr/bin/env node
// Runs @doyensec/electronegativity (Doyensec's static checker for Electron misconfigurations) on the Electron
// side of Confidant and fails when it reports anything above LOW severity, or cannot parse a file it was given.
//
// What it reads: a staging copy of electron/ (main, preload, ipc, security, the engine), renderer/ (sources and
// index.html, for HTML checks such as <webview>, CSP meta tags, http:// resources) and package.json (for the
// Electron version). Not dist-electron/: those bundles inline zod, the engine's libraries and so on, which only
// adds findings about code that is not ours; the sources are what we review and fix.
//
// How it grades: every finding has a severity (INFORMATIONAL < LOW < MEDIUM < HIGH) and a confidence
// (TENTATIVE < FIRM < CERTAIN). Many findings are "review required" pointers rather than defects; a finding we
// have reviewed is acknowledged next to the code with the tool's own `eng-disable CHECK_ID` comment and a reason.
// Any MEDIUM or HIGH finding, whatever its confidence, fails this script; LOW and INFORMATIONAL are printed.
//
// No network: electronegativity fetches translations over HTTPS at start-up, and one global check
// (AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK) downloads Electron's release list. The HTTP client they use (got) is
// replaced in the require cache by one that refuses, before the tool loads, and that check is skipped: whether
// Electron is current is the dependency updater's job, not a static check's.
//
// The last line printed is `N passed, N failed`, counting checks (a check fails when it reports anything above
// LOW; an unparsable file counts as one more failure), so CI can sum it with the other suites.

import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);

const SCANNED = ['electron', 'renderer', 'package.json'];
const REQUIRED_FILES = ['electron/main.ts', 'electron/preload.ts', 'electron/ipc.ts', 'electron/security.ts'];
const SKIPPED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];
const LOW = 1;

function blockNetwork() {
  const toolRequire = createRequire(require.resolve('@doyensec/electronegativity/dist/locales/i18n.js'));
  const gotPath = toolRequire.resolve('got');
  const refuse = () => Promise.reject(new Error('electronegativity may not use the network here'));
  const stub = Object.assign(refuse, { get: refuse, post: refuse, stream: refuse, extend: () => stub });
  const cached = new Module(gotPath);
  cached.filename = gotPath;
  cached.loaded = true;
  cached.exports = stub;
  require.cache[gotPath] = cached;
}

function stage() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'confidant-electronegativity-'));
  for (const entry of SCANNED) {
    const from = path.join(projectRoot, entry);
    if (!existsSync(from)) continue;
    cpSync(from, path.join(dir, entry), {
      recursive: true,
      filter: (source) => !source.split(path.sep).includes('node_modules'),
    });
  }
  return dir;
}

function listFiles(dir, prefix = '') {
  const files = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    const relative = prefix ? `${prefix}/${name}` : name;
    if (statSync(full).isDirectory()) files.push(...listFiles(full, relative));
    else files.push(relative);
  }
  return files;
}

function electronVersion() {
  return require(path.join(projectRoot, 'node_modules', 'electron', 'package.json')).version;
}

function describe(issue) {
  const where =
    issue.file === 'N/A' ? 'whole app' : `${issue.file}:${issue.location.line}:${issue.location.column}`;
  const review = issue.manualReview ? ' (review)' : '';
  return `  ${issue.severity.name}/${issue.confidence.name}  ${issue.id}${review}  ${where}\n      ${issue.description}`;
}

async function main() {
  blockNetwork();
  const run = require('@doyensec/electronegativity');
  const staged = stage();
  try {
    const files = listFiles(staged);
    const missing = REQUIRED_FILES.filter((file) => !files.includes(file));
    if (missing.length > 0) {
      console.error(`electronegativity: nothing to check, missing ${missing.join(', ')}`);
      console.log('0 passed, 1 failed');
      process.exitCode = 1;
      return;
    }
    const version = electronVersion();
    const result = await run({
      input: staged,
      isRelative: true,
      electronVersion: version,
      electronVersionOverride: version,
      excludeFromScan: SKIPPED_CHECKS,
    });

    const failing = result.issues.filter((issue) => issue.severity.value > LOW);
    const notes = result.issues.filter((issue) => issue.severity.value <= LOW);
    const parseFailures = result.errors.filter((error) => !error.tolerable);
    const parseWarnings = result.errors.filter((error) => error.tolerable);
    const totalChecks = result.globalChecks + result.atomicChecks;
    const failedChecks = new Set(failing.map((issue) => issue.id)).size;

    console.log(
      `electronegativity: ${totalChecks} checks (${result.atomicChecks} per file, ${result.globalChecks} global) ` +
        `on ${files.length} files, Electron ${version}; skipped ${SKIPPED_CHECKS.join(', ')} (needs the network)`,
    );
    for (const error of parseWarnings) console.log(`  parse warning  ${error.file}: ${error.message}`);
    if (notes.length > 0) {
      console.log(`${notes.length} finding(s) at LOW or below (reported, not failing):`);
      for (const issue of notes) console.log(describe(issue));
    }
    if (failing.length > 0) {
      console.log(`${failing.length} finding(s) above LOW:`);
      for (const issue of failing) console.log(describe(issue));
    }
    for (const error of parseFailures) {
      console.log(`  could not parse ${path.relative(staged, error.file)}: ${error.message}`);
    }
    const failed = failedChecks + (parseFailures.length > 0 ? 1 : 0);
    if (failed === 0) console.log('electronegativity: nothing above LOW.');
    console.log(`${totalChecks - failedChecks} passed, ${failed} failed`);
    if (failed > 0) process.exitCode = 1;
  } finally {
    rmSync(staged, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
});
