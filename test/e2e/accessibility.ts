/**
 * The accessibility gate: axe-core run in the page on the screen as it stands, against WCAG 2.2 A and AA.
 * The app's CSP refuses an injected <script>, so axe's own source is evaluated through playwright instead.
 * Any violation fails the test with a list a person can act on; best-practice findings are only reported.
 */
import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { AxeResults, Result } from 'axe-core';
import { resultsDir } from './browser';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Every screen state audited, one a line, in test-results/audited-screens.txt: what a run covered. */
function recordAudited(name: string): void {
  mkdirSync(resultsDir, { recursive: true });
  appendFileSync(`${resultsDir}/audited-screens.txt`, `${name}\n`);
}

/** One line per element at fault: the rule, its impact, where, and what is wrong. */
export function describeViolations(violations: Result[]): string {
  return violations
    .flatMap((violation) =>
      violation.nodes.map(
        (node) =>
          `- ${violation.id} (${node.impact ?? violation.impact ?? 'unknown'}) at ${node.target.join(' ')}: ` +
          `${node.failureSummary?.replace(/\s+/g, ' ') ?? violation.help}`,
      ),
    )
    .join('\n');
}

async function runAxe(page: Page, tags: string[]): Promise<AxeResults> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(axeSource);
  return page.evaluate(
    (runOnly) =>
      (window as unknown as { axe: typeof import('axe-core') }).axe.run(document, {
        runOnly: { type: 'tag', values: runOnly },
        resultTypes: ['violations'],
      }),
    tags,
  );
}

/**
 * Waits for the grids to settle: ag-grid fades new rows in from opacity 0, and a half-faded row is a contrast
 * failure of that instant, not of the screen a person reads.
 */
function gridsSettled(page: Page): Promise<unknown> {
  return page
    .waitForFunction(() => document.querySelector('.ag-opacity-zero') === null, undefined, { timeout: 5_000 })
    .catch(() => undefined);
}

async function auditTheme(page: Page, name: string): Promise<string> {
  recordAudited(name);
  await gridsSettled(page);
  // One run for both: a rule counts against WCAG when it carries one of its tags, else it is a best practice.
  const { violations } = await runAxe(page, [...WCAG_TAGS, 'best-practice']);
  const wcag = violations.filter((rule) => rule.tags.some((tag) => WCAG_TAGS.includes(tag)));
  const practice = violations.filter((rule) => !wcag.includes(rule));
  if (practice.length > 0) {
    console.info(`axe best practice (not failing) on ${name}:\n${describeViolations(practice)}`);
  }
  return wcag.length > 0
    ? `${name} breaks WCAG 2.2 AA in ${wcag.length} rule(s):\n${describeViolations(wcag)}`
    : '';
}

const themeOf = (page: Page) => page.evaluate(() => document.documentElement.dataset.theme ?? 'light');

/** Switches the system's colour scheme and waits for the app to follow it; false if it keeps its own choice. */
async function switchScheme(page: Page, scheme: 'light' | 'dark'): Promise<boolean> {
  await page.emulateMedia({ colorScheme: scheme });
  for (let tries = 0; tries < 40; tries += 1) {
    if ((await themeOf(page)) === scheme) return true;
    await page.waitForTimeout(25);
  }
  return false;
}

/**
 * The sizes reflow is checked at: a small laptop, and 1280 x 800 at 200 % zoom (640 x 400 CSS px). WCAG 1.4.10's
 * 320 px is not aimed at where a data grid is on screen (the README's accessibility statement says so).
 */
export const REFLOW_SIZES = [
  { width: 1024, height: 768 },
  { width: 640, height: 400 },
];

/**
 * What scrolls sideways at this size that should not: the page itself, any box that scrolls sideways (only a data
 * grid's own body may), and a grid's paging bar wider than the grid.
 */
function sidewaysScrolling(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const describe = (element: Element) =>
      element.id
        ? `#${element.id}`
        : `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`.replace(/\.$/, '');
    const found: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) {
      found.push(`the page is ${root.scrollWidth - root.clientWidth} px wider than the window`);
    }
    for (const element of document.body.querySelectorAll('*')) {
      if (!(element instanceof HTMLElement) || element.closest('.ag-root-wrapper')) continue;
      const { overflowX } = getComputedStyle(element);
      if ((overflowX === 'auto' || overflowX === 'scroll') && element.scrollWidth > element.clientWidth) {
        found.push(
          `${describe(element)} scrolls sideways by ${element.scrollWidth - element.clientWidth} px`,
        );
      }
    }
    for (const bar of document.querySelectorAll('.ag-paging-panel')) {
      if (bar.scrollWidth > bar.clientWidth) {
        found.push(`a grid's paging bar is ${bar.scrollWidth - bar.clientWidth} px wider than the grid`);
      }
    }
    return found;
  });
}

const nextFrames = (page: Page) =>
  page.evaluate(
    () =>
      new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 50)))),
  );

/** Every reflow failure of the screen at each of REFLOW_SIZES; the window is put back as it was. */
async function reflowFailures(page: Page, screen: string): Promise<string> {
  const before = page.viewportSize();
  const failures: string[] = [];
  for (const size of REFLOW_SIZES) {
    await page.setViewportSize(size);
    await nextFrames(page);
    const found = await sidewaysScrolling(page);
    if (found.length > 0) failures.push(`${screen} at ${size.width} x ${size.height}: ${found.join('; ')}`);
  }
  if (before) await page.setViewportSize(before);
  await nextFrames(page);
  return failures.join('\n');
}

/**
 * Fails when the page as it stands breaks any WCAG 2.2 A or AA rule axe can check, in the theme it shows and then
 * in the other (the app follows the system's colour scheme unless the evaluator chose one), or when it does not
 * reflow at REFLOW_SIZES (WCAG 1.4.10); prints, without failing, what axe's best practices find. `screen` names
 * the state in the message and in test-results/audited-screens.txt.
 */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const shown = (await themeOf(page)) as 'light' | 'dark';
  const other = shown === 'dark' ? 'light' : 'dark';
  const failures = [await auditTheme(page, `${screen} (${shown})`)];
  if (await switchScheme(page, other)) {
    failures.push(await auditTheme(page, `${screen} (${other})`));
    await switchScheme(page, shown);
  }
  failures.push(await reflowFailures(page, screen));
  const report = failures.filter(Boolean).join('\n');
  if (report && process.env.CONFIDANT_AXE_LIST_ONLY) console.error(report);
  else if (report) throw new Error(report);
}
