/**
 * Issue 12, while you wait: after the thank-you a client may choose (never by default, never
 * timed) a breathing guide, a grounding exercise or a quiet screen. Each is one tap to stop, is
 * still under reduced motion, and idle brings the welcome back with nothing of the visit on it.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, editedOffice, seriousA11yViolations, testOffice } from './fixtures.ts';
import type { Catalogue } from '../../renderer/src/i18n/catalogues.ts';

const catalogue = (code: string) => JSON.parse(readFileSync(new URL(`../../renderer/src/i18n/${code}.json`, import.meta.url), 'utf8')) as Catalogue;
const en = catalogue('en');

// A thank-you that stays 30 s (so a busy machine cannot move on before the test taps), five
// minutes' quiet on a waiting screen before "Still there?", and the practice's information.
test.use({
  office: editedOffice(
    testOffice,
    '  confirmationSeconds: 3\n',
    '  confirmationSeconds: 30\n  waitingIdleSeconds: 300\n  practiceInfo:\n    wifi: { network: WillowGuest, password: calm-waters }\n    restroom: Down the hall on the left\n',
  ),
});

/** Checks in with Sam and waits for the thank-you. */
async function checkInWithSam(page: Page) {
  await page.getByRole('button', { name: 'Check in', exact: true }).click();
  await page.getByRole('button', { name: 'Sam', exact: true }).click();
  await page.getByRole('button', { name: 'Later today' }).click();
  await page.getByRole('button', { name: 'No preference, check in' }).click();
  await expect(page.getByRole('heading', { name: en['kiosk.thanks'] })).toBeVisible();
}

/** Everything a visit could leave on screen: whom, the thank-you, the offer and every waiting screen's words. */
const visitWords = ['Sam', en['kiosk.thanks'], "We've let Sam know", en['kiosk.wait.offer'], en['kiosk.wait.breathing'], en['kiosk.breathing.lead'], en['kiosk.grounding.see'], en['kiosk.rest.lead'], en['kiosk.wait.stop']];

async function expectNothingOfTheVisit(page: Page) {
  await expect(page.getByRole('heading', { name: 'Welcome' })).toBeVisible();
  const text = await page.evaluate(() => document.body.innerText);
  for (const words of visitWords) expect(text, 'left on the welcome screen').not.toContain(words);
}

/** axe once the step's short settle has ended (mid-fade, text is paler than a client ever reads it). */
async function expectAxeClean(page: Page) {
  // A cancelled animation's `finished` rejects (AbortError): it has ended all the same.
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
  expect(await seriousA11yViolations(page)).toEqual([]);
}

const runningEndless = (page: Page) => page.evaluate(() => document.getAnimations().filter((a) => a.playState === 'running' && a.effect?.getComputedTiming().iterations === Infinity).length);

test('the thank-you offers the three, starts none of them, and goes back to welcome by itself', async ({ hub, kiosk }) => {
  const { page } = kiosk;
  await page.clock.install();
  await kiosk.open(hub);
  await checkInWithSam(page);
  const offer = page.getByRole('group', { name: en['kiosk.wait.offer'] });
  await expect(offer.getByRole('button')).toHaveText([en['kiosk.wait.breathing'], en['kiosk.wait.grounding'], en['kiosk.wait.rest']]);
  // Every choice is a big target.
  for (const box of await offer.getByRole('button').evaluateAll((buttons) => buttons.map((b) => b.getBoundingClientRect()))) expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(48);
  await expectAxeClean(page);
  // Nothing chosen: the thank-you leaves after its 30 s as it always did.
  await page.clock.fastForward(31_000);
  await expectNothingOfTheVisit(page);
});

const shapeTransform = (page: Page) => page.getByTestId('breath-shape').evaluate((el) => (el as HTMLElement).style.transform);

test('the breathing guide grows and softens without numbers, and one tap stops it', async ({ hub, kiosk }) => {
  const { page } = kiosk;
  await page.clock.install();
  await kiosk.open(hub);
  await checkInWithSam(page);
  await page.getByRole('button', { name: en['kiosk.wait.breathing'] }).click();
  await expect(page.getByRole('heading', { name: en['kiosk.wait.breathing'], level: 1 })).toBeFocused();
  await expect(page.getByText(en['kiosk.breathing.lead'])).toBeVisible();
  // About six breaths a minute: over 10 s the shape grows and softens through most of its range.
  // Stepped by a timer (no CSS animation re-compositing every frame), on transform and opacity only.
  const scales: number[] = [];
  for (let second = 0; second < 10; second++) {
    scales.push(Number(/scale\(([\d.]+)\)/.exec(await shapeTransform(page))![1]));
    await page.clock.runFor(1_000);
  }
  expect(Math.max(...scales) - Math.min(...scales), `scales over one breath: ${scales.join(', ')}`).toBeGreaterThan(0.25);
  for (const scale of scales) {
    expect(scale).toBeGreaterThanOrEqual(0.6);
    expect(scale).toBeLessThanOrEqual(1);
  }
  expect(await page.evaluate(() => document.getAnimations().filter((a) => a.effect?.getComputedTiming().iterations === Infinity).length)).toBe(0);
  // No counting: not a digit on the screen (the practice's Wi-Fi name has none either).
  expect(await page.evaluate(() => document.body.innerText)).not.toMatch(/\d/);
  await expect(page.getByRole('complementary', { name: en['kiosk.info.title'] })).toContainText('Wi-Fi: WillowGuest, password calm-waters');
  await expectAxeClean(page);

  await page.getByRole('button', { name: en['kiosk.wait.stop'] }).click();
  await expectNothingOfTheVisit(page);
});

test('under reduced motion the breathing shape is still and the words say the rhythm', async ({ hub, kiosk }) => {
  const { page } = kiosk;
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.clock.install();
  await kiosk.open(hub);
  await checkInWithSam(page);
  await page.getByRole('button', { name: en['kiosk.wait.breathing'] }).click();
  await expect(page.getByText(en['kiosk.breathing.leadStill'])).toBeVisible();
  const still = await shapeTransform(page);
  await page.clock.runFor(2_500);
  expect(await shapeTransform(page)).toBe(still);
  expect(await runningEndless(page)).toBe(0);
});

test('grounding goes one gentle prompt at a time, focus staying on Next, and back to welcome on Stop', async ({ hub, kiosk }) => {
  const { page } = kiosk;
  await kiosk.open(hub);
  await checkInWithSam(page);
  await page.getByRole('button', { name: en['kiosk.wait.grounding'] }).click();
  await expect(page.getByRole('heading', { name: en['kiosk.wait.grounding'], level: 1 })).toBeFocused();
  const prompt = page.getByTestId('grounding-prompt');
  const next = page.getByRole('button', { name: en['kiosk.grounding.next'] });
  for (const id of ['kiosk.grounding.see', 'kiosk.grounding.feel', 'kiosk.grounding.hear', 'kiosk.grounding.smell', 'kiosk.grounding.taste'] as const) {
    await expect(prompt).toHaveText(en[id]);
    await next.focus();
    await page.keyboard.press('Enter');
  }
  await expect(prompt).toHaveText(en['kiosk.grounding.end']);
  await expect(prompt).toHaveAttribute('aria-live', 'polite');
  await expect(page.getByRole('button', { name: en['kiosk.grounding.again'] })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(prompt).toHaveText(en['kiosk.grounding.see']);
  // Moving on inside the exercise does not throw focus back to the heading.
  await next.click();
  await expect(next).toBeFocused();
  await expectAxeClean(page);
  await page.getByRole('button', { name: en['kiosk.wait.stop'] }).click();
  await expectNothingOfTheVisit(page);
});

test('just rest is a still screen; left alone, it asks "Still there?" and then returns to welcome with nothing left', async ({ hub, kiosk }) => {
  const { page } = kiosk;
  await page.clock.install();
  await kiosk.open(hub);
  await checkInWithSam(page);
  await page.getByRole('button', { name: en['kiosk.wait.rest'] }).click();
  await expect(page.getByText(en['kiosk.rest.lead'])).toBeVisible();
  await expect(page.getByRole('complementary', { name: en['kiosk.info.title'] })).toContainText('Restroom: Down the hall on the left');
  // No drifting light and no endless animation: a quiet screen.
  await expect(page.locator('.ambient-glow-1')).toHaveCount(0);
  expect(await runningEndless(page)).toBe(0);
  await expectAxeClean(page);

  // Four minutes without a touch: still resting, no question yet.
  await page.clock.fastForward(4 * 60_000);
  await expect(page.getByText(en['kiosk.rest.lead'])).toBeVisible();
  await page.clock.fastForward(61_000);
  await expect(page.getByRole('alertdialog', { name: en['kiosk.stillThere'] })).toBeVisible();
  await page.clock.fastForward(21_000);
  await expectNothingOfTheVisit(page);
});

test('"Still there?" on the grounding exercise keeps the client where they were', async ({ hub, kiosk }) => {
  const { page } = kiosk;
  await page.clock.install();
  await kiosk.open(hub);
  await checkInWithSam(page);
  await page.getByRole('button', { name: en['kiosk.wait.grounding'] }).click();
  await page.getByRole('button', { name: en['kiosk.grounding.next'] }).click();
  await expect(page.getByTestId('grounding-prompt')).toHaveText(en['kiosk.grounding.feel']);
  await page.clock.fastForward(301_000);
  await page.getByRole('button', { name: en['kiosk.keepGoing'] }).click();
  await expect(page.getByTestId('grounding-prompt')).toHaveText(en['kiosk.grounding.feel']);
});
