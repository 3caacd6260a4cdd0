/**
 * Issue 12, a bundled typeface: the kiosk draws its words in Atkinson Hyperlegible Next, served by
 * the hub itself (nothing from the internet, nothing left to the system), and switches the whole
 * text to Noto for the scripts that font does not have, so no word is drawn in two fonts.
 */
import { test, expect } from './fixtures.ts';

test('the kiosk draws English in the bundled Atkinson Hyperlegible Next, served by the hub', async ({ hub, kiosk }) => {
  const { page } = kiosk;
  const fontFiles: string[] = [];
  page.on('response', (response) => {
    if (response.url().endsWith('.woff2')) fontFiles.push(`${response.status()} ${response.headers()['content-type']} ${new URL(response.url()).origin}`);
  });
  await kiosk.open(hub);
  const loaded = await page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].filter((face) => face.status === 'loaded').map((face) => `${face.family.replace(/"/g, '')} ${face.weight}`);
  });
  expect(loaded).toContain('Atkinson Hyperlegible Next 400');
  expect(await page.evaluate(() => document.fonts.check('500 1rem "Atkinson Hyperlegible Next"', 'Welcome'))).toBe(true);
  expect(await page.locator('.kiosk h1').evaluate((h1) => getComputedStyle(h1).fontFamily)).toMatch(/^"?Atkinson Hyperlegible Next/);
  // Only WOFF2, from the hub, with its proper type (the hub's CSP allows fonts from itself alone).
  expect(fontFiles.length).toBeGreaterThan(0);
  for (const file of fontFiles) expect(file).toBe(`200 font/woff2 ${new URL(hub.url).origin}`);
});

for (const [code, ownName, family] of [
  ['vi', 'Tiếng Việt', 'Noto Sans'],
  ['uk', 'Українська', 'Noto Sans'],
  ['ar', 'العربية', 'Noto Sans Arabic'],
  ['zh-Hans', '中文', 'Noto Sans CJK SC'],
] as const) {
  test(`in ${code}, which the font does not fully cover, the whole kiosk is in Noto`, async ({ hub, kiosk }) => {
    const { page } = kiosk;
    await kiosk.open(hub);
    // Even on the English screen the language's own name is in its Noto.
    expect(await page.getByRole('button', { name: ownName }).evaluate((b) => getComputedStyle(b).fontFamily)).toMatch(new RegExp(`^"?${family}"?,`));
    await page.getByRole('button', { name: ownName }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', code);
    for (const selector of ['.kiosk h1', '.kiosk .button-primary', '.kiosk .kiosk-lead']) {
      expect(await page.locator(selector).first().evaluate((el) => getComputedStyle(el).fontFamily), selector).toMatch(new RegExp(`^"?${family}"?,`));
    }
  });
}
