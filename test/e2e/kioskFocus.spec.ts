/**
 * Issue 12: focus follows the step. A client who checks in by keyboard (or with a screen reader)
 * is never left on the page body: each new step puts focus on its heading, which a screen reader
 * then reads out, and Back or Start over do the same on the step they return to.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';

/** Presses Tab until the element with this accessible name has focus (at most 30 presses). */
async function tabTo(page: Page, name: string) {
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => (document.activeElement?.textContent ?? '').trim());
    if (focused === name || focused.endsWith(name)) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}

async function expectHeadingFocused(page: Page, name: string) {
  await expect(page.getByRole('heading', { name, level: 1 })).toBeFocused();
}

/** Tabs to the button, presses it by key, and expects the next step's heading to have focus. */
async function press(page: Page, button: string, nextHeading: string, key = 'Enter') {
  await tabTo(page, button);
  await page.keyboard.press(key);
  await expectHeadingFocused(page, nextHeading);
}

test('by keyboard alone, every step starts at its heading', async ({ hub, kiosk }) => {
  const { page } = kiosk;
  await kiosk.open(hub);

  await press(page, 'Check in', 'Who are you here to see?');
  await press(page, 'Sam', 'When is your appointment?');
  // Back returns to the question before, and focus with it.
  await press(page, 'Back', 'Who are you here to see?');
  await press(page, 'Sam', 'When is your appointment?');

  await press(page, 'Later today', 'Anything that would help you feel comfortable?', 'Space');
  await press(page, 'No preference, check in', "Thank you, you're checked in.");

  // The thank-you returns to welcome by itself (3 s in the test office), and the next client
  // starts at its heading, not somewhere on the old visit's page.
  await expectHeadingFocused(page, 'Welcome');
});

test('Start over brings focus back to the welcome heading', async ({ hub, kiosk }) => {
  const { page } = kiosk;
  await kiosk.open(hub);
  await press(page, 'Check in', 'Who are you here to see?');
  await press(page, 'Noor', 'When is your appointment?');
  await press(page, 'Start over', 'Welcome');
});

test('after "Still there?", keeping going puts focus back on the step', async ({ hub, kiosk }) => {
  const { page } = kiosk;
  await kiosk.open(hub);
  await press(page, 'Check in', 'Who are you here to see?');
  // The test office asks after 5 s without a touch; the warning's own button has focus.
  await expect(page.getByRole('alertdialog', { name: 'Still there?' })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('button', { name: 'Keep going' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expectHeadingFocused(page, 'Who are you here to see?');
});
