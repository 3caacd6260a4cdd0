import { test, expect } from './fixtures.ts';

// The kiosk's drifting light must stay cheap (bench/kioskMotion.ts measures it: <= 3 % of one core
// with software rendering). What makes it cheap is checked here, in the page a client sees: nothing
// is blurred or animated every frame, the glows move a step at a time, rest after a while without
// a touch, and never move under reduced motion. Playwright's clock drives the timers, so nothing
// waits in real time.
const glowTransform = (page: import('@playwright/test').Page) => page.locator('.ambient-glow-1').evaluate((el) => (el as HTMLElement).style.transform);

test('the welcome screen drifts without a filter or a per-frame animation', async ({ hub, kiosk }) => {
  await kiosk.page.clock.install();
  await kiosk.open(hub);
  const costly = await kiosk.page.evaluate(() => ({
    filtered: [...document.querySelectorAll('*')].filter((el) => getComputedStyle(el).filter !== 'none').length,
    endless: document.getAnimations().filter((a) => a.effect?.getComputedTiming().iterations === Infinity).length,
  }));
  expect(costly).toEqual({ filtered: 0, endless: 0 });
  // What animates at all (the panel's short settle) ends, and then nothing runs.
  // A settle that React replaces mid-way is cancelled, and its `finished` rejects (AbortError, seen
  // under load in a fresh-clone run): wait until none runs, rather than for each one's promise.
  await expect.poll(() => kiosk.page.evaluate(() => document.getAnimations().filter((a) => a.playState === 'running').length)).toBe(0);

  const before = await glowTransform(kiosk.page);
  await kiosk.page.clock.runFor(5000);
  expect(await glowTransform(kiosk.page)).not.toBe(before);
});

test('the glows rest after a few minutes without a touch and drift again after one', async ({ hub, kiosk }) => {
  await kiosk.page.clock.install();
  await kiosk.open(hub);
  await kiosk.page.clock.runFor(4 * 60_000);
  const resting = await glowTransform(kiosk.page);
  await kiosk.page.clock.runFor(30_000);
  expect(await glowTransform(kiosk.page)).toBe(resting);

  await kiosk.page.mouse.click(5, 5);
  await kiosk.page.clock.runFor(5000);
  expect(await glowTransform(kiosk.page)).not.toBe(resting);
});

test('under reduced motion the glows never move, not even when the screen is drawn again', async ({ hub, kiosk }) => {
  await kiosk.page.emulateMedia({ reducedMotion: 'reduce' });
  await kiosk.page.clock.install();
  await kiosk.open(hub);
  const still = await glowTransform(kiosk.page);
  await kiosk.page.clock.runFor(60_000);
  expect(await glowTransform(kiosk.page)).toBe(still);
  // A later start of the page (a reload after a power cut) puts them in the same place.
  await kiosk.page.reload();
  await expect(kiosk.page.getByRole('heading', { name: 'Welcome' })).toBeVisible();
  expect(await glowTransform(kiosk.page)).toBe(still);
});
