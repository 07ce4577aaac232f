// `coe report --format html` in a real headless browser: the examples' page
// shows its sections and charts, every link to a COE id lands in the page, it
// loads nothing, and script written into a COE does not run. Chromium comes
// from Debian (/usr/bin/chromium; .ci/run installs it). Without it the test
// is skipped on a workstation, and fails under CI.
//
// COE_UPDATE_SCREENSHOTS=1 also writes docs/images/report.png, the README's
// picture of the examples' report; otherwise the test changes no tracked file.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { edit, ROOT, runCoe } from '../helpers/lint.js';
import type { Report } from '../../src/report/schema.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const OUT = path.join(ROOT, 'test-output', 'report-html');
const README_IMAGE = path.join(ROOT, 'docs', 'images', 'report.png');
const README_PHASES = path.join(ROOT, 'docs', 'images', 'report-phases.png');
const present = existsSync(CHROMIUM);

const INJECTED = 'examples/2026-09-29-discount-codes-refused-at-checkout.md';
const TITLE = '<script>window.__x=1</script> <img src=x onerror=window.__x=2> Discount codes refused';
const ACTION = '<script>window.__x=3</script> <img src=x onerror="window.__x=4"> Compare the plans';

/** The fourteen examples in a folder of their own, one with a script in its title and in an action. */
function injectedSet(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'coe-report-html-'));
  for (const name of readdirSync(path.join(ROOT, 'examples'))) {
    if (name.endsWith('.md') && name !== 'README.md') cpSync(path.join(ROOT, 'examples', name), path.join(dir, name));
  }
  let text = readFileSync(path.join(ROOT, INJECTED), 'utf8');
  text = edit(text, 'title: Valid discount codes refused at checkout after a database migration', `title: ${JSON.stringify(TITLE)}`);
  text = edit(text, '| AI-2 | Compare the plans', `| AI-2 | ${ACTION}`);
  writeFileSync(path.join(dir, path.basename(INJECTED)), text);
  return dir;
}

function report(args: string[], file: string): string {
  const result = runCoe(['report', '--now', '2026-12-01', '--format', 'html', '--force', '-o', file, ...args]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return pathToFileURL(file).href;
}

describe.runIf(present || process.env.CI)('coe report --format html in Chromium', () => {
  let browser: Browser;
  let examples: Page;
  let injected: Page;
  let dir: string;
  // The figures the page draws, from the same examples as JSON.
  let figures: Report;
  const urls: Record<'examples' | 'injected', string> = { examples: '', injected: '' };
  const requests: string[] = [];
  const dialogs: string[] = [];

  async function open(url: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1200, height: 1600 } });
    page.on('request', (r) => requests.push(r.url()));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(url, { waitUntil: 'load' });
    return page;
  }

  beforeAll(async () => {
    expect(present, `Chromium is not installed at ${CHROMIUM} (apt-get install chromium)`).toBe(true);
    mkdirSync(OUT, { recursive: true });
    dir = injectedSet();
    figures = JSON.parse(runCoe(['report', '--now', '2026-12-01', '--format', 'json', 'examples/*.md']).stdout) as Report;
    urls.examples = report(['examples/*.md'], path.join(OUT, 'examples.html'));
    urls.injected = report([dir], path.join(OUT, 'injected.html'));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, timeout: 30_000 });
    examples = await open(urls.examples);
    injected = await open(urls.injected);
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows the title and every section', async () => {
    expect(await examples.title()).toBe('COE report: all COEs');
    expect(await examples.locator('h1').allInnerTexts()).toEqual(['COE report: all COEs']);
    expect(await examples.locator('h2').allInnerTexts()).toEqual([
      'Counts',
      'Phase durations',
      'Tenets',
      'Recurrence',
      'Action items',
      'Reach of lessons',
      'Review queue',
      'COEs in this report',
    ]);
    expect(await examples.locator('h3', { hasText: 'Time to mitigate' }).count()).toBe(1);
    expect(await examples.locator('table.coes tbody tr').count()).toBe(Object.keys(figures.titles).length);
  });

  it('draws the charts, visible, with their text equivalents', async () => {
    const charts = examples.locator('svg.chart');
    expect(await charts.count()).toBe(7);
    for (const chart of await charts.all()) {
      expect(await chart.isVisible()).toBe(true);
      const box = await chart.boundingBox();
      expect(box!.width).toBeGreaterThan(300);
      expect(box!.height).toBeGreaterThan(80);
      expect(await chart.getAttribute('role')).toBe('img');
      // The accessible name and description a screen reader reads.
      const [name, desc] = await chart.evaluate((svg) =>
        ['aria-labelledby', 'aria-describedby'].map((a) => document.getElementById(svg.getAttribute(a)!)?.textContent ?? ''),
      );
      expect(name!.length).toBeGreaterThan(5);
      expect(desc!.length).toBeGreaterThan(30);
    }
    expect(await examples.locator('svg.per-week rect.column').count()).toBe(figures.counts.perWeek.filter((w) => w.count > 0).length);
    const dot = await examples.locator('svg.phase circle.dot').nth(1).boundingBox();
    expect(dot!.width).toBeGreaterThan(5);
    expect(await examples.locator('svg.items g.bar').count()).toBe(figures.actions.byStatus.length + figures.actions.byReach.length);
  });

  it('links every COE id to an element of the page', async () => {
    for (const page of [examples, injected]) {
      const links = await page.locator('a[href^="#"]').evaluateAll((as) =>
        as.map((a) => {
          const id = decodeURIComponent(a.getAttribute('href')!.slice(1));
          return { id, found: document.getElementById(id) !== null };
        }),
      );
      expect(links.length).toBeGreaterThan(150);
      expect(links.filter((l) => !l.found)).toEqual([]);
    }
    // Following one lands on the COE's row in the list at the end.
    await examples.locator('a.coe', { hasText: 'COE-2026-028' }).first().click();
    expect(await examples.evaluate(() => location.hash)).toBe('#coe-COE-2026-028');
    expect(await examples.locator(':target').innerText()).toContain(figures.titles['COE-2026-028']);
  });

  it('runs nothing from a document, and shows it as text', async () => {
    expect(await injected.evaluate(() => (window as unknown as { __x?: number }).__x)).toBeUndefined();
    expect(await injected.evaluate(() => document.scripts.length)).toBe(0);
    expect(await injected.locator('img, iframe, object, embed').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(await injected.locator('#coe-COE-2026-028').innerText()).toContain(TITLE);
    expect(await injected.locator('section[aria-labelledby="review"]').innerText()).toContain(TITLE);
    expect(await injected.locator('section[aria-labelledby="actions"]').innerText()).toContain(`${ACTION} of the 50 most frequent queries`);
  });

  it('forbids scripts by its Content Security Policy, should one slip through', async () => {
    const file = path.join(OUT, 'slipped.html');
    const page = readFileSync(path.join(OUT, 'examples.html'), 'utf8');
    writeFileSync(file, page.replace('</main>', '<script>window.__x = 5</script>\n</main>'));
    const tab = await browser.newPage();
    await tab.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    expect(await tab.evaluate(() => document.scripts.length)).toBe(1);
    expect(await tab.evaluate(() => (window as unknown as { __x?: number }).__x)).toBeUndefined();
    await tab.close();
  });

  it('loads nothing but the pages themselves', () => {
    expect([...new Set(requests)].sort()).toEqual([urls.examples, urls.injected].sort());
  });

  it('saves screenshots, on screen and in print', async () => {
    const screen = path.join(OUT, 'report.png');
    const print = path.join(OUT, 'report-print.png');
    // Afresh: the link test above scrolled the page and marked a row.
    await examples.goto(urls.examples, { waitUntil: 'load' });
    await examples.screenshot({ path: screen, fullPage: true });
    if (process.env.COE_UPDATE_SCREENSHOTS === '1') {
      mkdirSync(path.dirname(README_IMAGE), { recursive: true });
      await examples.screenshot({ path: README_IMAGE });
      // The phase durations: a dot plot per phase, a dot per COE.
      await examples.locator('svg[aria-labelledby="chart-time-to-mitigate-title"]').screenshot({ path: README_PHASES });
    }
    await injected.screenshot({ path: path.join(OUT, 'injected.png'), fullPage: true });
    await examples.emulateMedia({ media: 'print' });
    expect(await examples.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
    expect(await examples.locator('nav').isVisible()).toBe(false);
    expect(await examples.locator('svg.chart').first().isVisible()).toBe(true);
    await examples.screenshot({ path: print, fullPage: true });
    expect(statSync(screen).size).toBeGreaterThan(50_000);
    expect(statSync(print).size).toBeGreaterThan(50_000);
  });
});
