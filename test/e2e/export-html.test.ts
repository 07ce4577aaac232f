// The HTML export in a real headless browser: it renders, it loads nothing,
// and script written into the COE does not run. Chromium comes from Debian
// (/usr/bin/chromium; .ci/run installs it). Without it the test is skipped
// on a workstation, and fails under CI.
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { edit, ROOT } from '../helpers/lint.js';
import { exportString, ORDERS_CONFIG, ordersDocument } from '../export/helpers.js';

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
const OUT = path.join(ROOT, 'test-output', 'export-html');
const present = existsSync(CHROMIUM);

// More injections than the fixture carries: an event handler, a javascript: link, an iframe.
const injected = edit(
  ordersDocument(),
  'We removed the host and changed',
  '<img src="x" onerror="window.__pwned = 2"> [Click me](javascript:window.__pwned=3) <iframe src="https://example.com/"></iframe>\n\nWe removed the host and changed',
);

describe.runIf(present || process.env.CI)('coe export --format html in Chromium', () => {
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const dialogs: string[] = [];
  let url: string;

  beforeAll(async () => {
    expect(present, `Chromium is not installed at ${CHROMIUM} (apt-get install chromium)`).toBe(true);
    mkdirSync(OUT, { recursive: true });
    const file = path.join(OUT, 'rca.html');
    writeFileSync(file, exportString(injected, 'html', ORDERS_CONFIG).output);
    url = pathToFileURL(file).href;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, timeout: 30_000 });
    page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    page.on('request', (r) => requests.push(r.url()));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(url, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows the title and the sections of the RCA', async () => {
    expect(await page.locator('h1').allInnerTexts()).toEqual(['Elevated error rates in order placement']);
    expect(await page.locator('h2').allInnerTexts()).toEqual(['What happened', 'Root cause', 'What we are doing', 'Timeline']);
    expect(await page.title()).toBe('Elevated error rates in order placement');
  });

  it('runs no script from the document, and shows it as text', async () => {
    await page.locator('a', { hasText: 'status page' }).first().waitFor();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.evaluate(() => document.scripts.length)).toBe(0);
    expect(await page.locator('img, iframe').count()).toBe(0);
    expect(dialogs).toEqual([]);
    const text = await page.locator('main').innerText();
    expect(text).toContain('Some checkout pages showed <script>window.__pwned = 1</script> instead of an error message.');
    expect(text).toContain('<img src="x" onerror="window.__pwned = 2"> Click me <iframe src="https://example.com/"></iframe>');
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
  });

  it('loads nothing but the page itself', () => {
    expect(requests).toEqual([url]);
  });

  it('draws the window of impact', async () => {
    const band = await page.locator('svg.impact-timeline rect.impact').boundingBox();
    expect(band?.width).toBeGreaterThan(50);
    expect(await page.locator('svg.impact-timeline g.event').count()).toBe(4);
  });

  it('saves screenshots, on screen and in print', async () => {
    const screen = path.join(OUT, 'rca.png');
    const print = path.join(OUT, 'rca-print.png');
    await page.screenshot({ path: screen, fullPage: true });
    await page.emulateMedia({ media: 'print' });
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
    await page.screenshot({ path: print, fullPage: true });
    expect(statSync(screen).size).toBeGreaterThan(10_000);
    expect(statSync(print).size).toBeGreaterThan(10_000);
  });
});
