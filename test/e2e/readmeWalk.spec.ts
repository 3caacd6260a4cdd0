import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { test, expect, deskPin } from './fixtures.ts';

// The README's walk-through, on the demo office the README starts (config/demo-office.yaml): each
// step it describes is asserted here, so the README cannot drift from what a newcomer sees.
// `npm run screenshots` runs this file with STILLROOM_SCREENSHOTS=docs to refresh the README's
// pictures in docs/screenshots/; otherwise they go to this test's output folder.
const repoRoot = resolve(import.meta.dirname, '..', '..');
test.use({ office: join(repoRoot, 'config', 'demo-office.yaml') });

/** `animations: 'allow'` for a screen that fades away by itself (disabling would jump to its end). */
async function picture(page: Page, testInfo: TestInfo, name: string, animations: 'disabled' | 'allow' = 'disabled') {
  const folder = process.env.STILLROOM_SCREENSHOTS === 'docs' ? join(repoRoot, 'docs', 'screenshots') : testInfo.outputPath();
  mkdirSync(folder, { recursive: true });
  await page.screenshot({ path: join(folder, `${name}.png`), animations, caret: 'hide' });
}

test('the README walk: a check-in at the kiosk reaches the desk and the room, and the room takes a preset', async ({ hub, kiosk, desk, browser }, testInfo) => {
  test.slow(); // three surfaces, each signed in, on the demo office's simulated devices
  await kiosk.page.setViewportSize({ width: 1280, height: 800 });
  await kiosk.open(hub);
  await kiosk.start();
  await picture(kiosk.page, testInfo, 'kiosk-whom');
  await kiosk.chooseClinician('Sam');
  await kiosk.chooseSlot('Later today');
  await expect(kiosk.page.getByRole('heading', { name: /comfortable/ })).toBeVisible();
  await kiosk.page.getByRole('button', { name: /softer light/i }).click();
  await kiosk.page.getByRole('button', { name: 'Check in' }).click();
  const thanks = kiosk.page.getByRole('heading', { name: "Thank you, you're checked in." });
  await expect(thanks).toBeVisible();
  await expect(kiosk.page.getByText(/Sam/).first()).toBeVisible();
  await expect.poll(() => thanks.evaluate((heading) => getComputedStyle(heading.closest('section')!).opacity)).toBe('1');
  await picture(kiosk.page, testInfo, 'kiosk-confirmed', 'allow');

  // The desk (PIN 2468 in the demo) shows the arrival by clinician and time, never a name.
  await desk.page.setViewportSize({ width: 1280, height: 800 });
  await desk.page.goto(`${hub.url}/desk`);
  await desk.page.getByLabel('Staff PIN').fill(deskPin);
  await desk.page.getByRole('button', { name: 'Open the board' }).click();
  await expect(desk.page.getByRole('heading', { name: 'Willow Street Practice' })).toBeVisible();
  await expect(desk.rowFor('Sam')).toBeVisible();
  await expect(desk.rowFor('Sam').getByText('Softer light')).toBeVisible();
  await picture(desk.page, testInfo, 'desk-board');

  // Sam's room screen, from a phone on the office network (`--host`), lists the client and sets the light.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true });
  const room = await phone.newPage();
  await room.goto(`${hub.url}/room/willow`);
  await room.getByLabel('Staff PIN').fill(deskPin);
  await room.getByRole('button', { name: 'Open the room' }).click();
  await expect(room.getByRole('heading', { name: 'Willow room', level: 1 })).toBeVisible();
  // Willow is shared with Ana, so the room asks who is going ("Sam is going"); a room of one says "On my way".
  await expect(room.getByRole('region', { name: 'Waiting for you' }).getByRole('button', { name: /^(On my way|Sam is going)$/ }).first()).toBeVisible();
  const calm = room.getByRole('region', { name: 'Presets' }).getByRole('button', { name: /^Calm(\s|$)/ });
  await calm.click();
  await expect(calm).toHaveAttribute('aria-pressed', 'true');
  await expect(room.getByTestId('room-preset')).toHaveText('Calm');
  await room.evaluate(() => window.scrollTo(0, 0));
  await picture(room, testInfo, 'room-phone');
  await phone.close();
});
