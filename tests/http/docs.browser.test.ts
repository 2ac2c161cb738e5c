import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/test-api.js';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const chromiumFound = existsSync(chromiumPath);
const required = process.env.REQUIRE_SERVICES === '1';
const title = chromiumFound
  ? 'GET /api/docs in headless Chromium'
  : required
    ? `GET /api/docs in headless Chromium (Chromium not found at ${chromiumPath}; REQUIRE_SERVICES=1 forbids skipping)`
    : `GET /api/docs in headless Chromium (skipped: Chromium not found at ${chromiumPath}; set CHROMIUM_PATH)`;

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

describe.skipIf(!chromiumFound && !required)(title, () => {
  let t: TestApi;
  let browser: Browser;
  beforeAll(async () => {
    if (!chromiumFound) throw new Error(`Chromium not found at ${chromiumPath}`);
    t = await startTestApi();
    browser = await chromium.launch({ executablePath: chromiumPath, args: ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('renders Swagger UI from our own origin, listing the auth endpoints', async () => {
    const page = await browser.newPage();
    const requested: string[] = [];
    const problems: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));

    const response = await page.goto(`${t.url}/api/docs`);
    expect(response?.status()).toBe(200);
    await page.waitForSelector('.opblock-summary-path', { timeout: 20_000 });

    // Swagger UI puts zero-width spaces before each `/` so long paths can wrap.
    const paths = (await page.locator('.opblock-summary-path').allInnerTexts()).map((text) =>
      text.replace(/\u200b/g, '').trim(),
    );
    for (const path of [
      '/api/auth/login/phone-otp',
      '/api/auth/login/username-password',
      '/api/auth/me',
      '/api/patient-auth/verify-otp',
      '/api/health',
    ]) {
      expect(paths).toContain(path);
    }
    await expect(page.locator('.info .title').innerText()).resolves.toContain('Mibo API');

    const elsewhere = requested.filter((url) => {
      const { protocol, hostname } = new URL(url);
      if (protocol === 'data:' || protocol === 'blob:') return false;
      return hostname !== '127.0.0.1' && hostname !== 'localhost';
    });
    expect(elsewhere).toEqual([]);
    expect(requested).toContain(`${t.url}/api/openapi.json`);
    // A Content-Security-Policy violation shows up here as a console error.
    expect(problems).toEqual([]);
    await page.close();
  });
});
