import { test, expect, seriousA11yViolations, saveScreenshot } from './fixtures.ts';

// Every kiosk step and the desk are checked with axe, and a screenshot of each screen is kept as
// a test artifact (test-results/…/*.png) so a person can look at what clients and staff see.
test('every kiosk step has no serious accessibility problems', async ({ hub, kiosk }, testInfo) => {
  // Reduced motion settles every screen at once, so axe judges colours as a client sees them.
  await kiosk.page.emulateMedia({ reducedMotion: 'reduce' });
  const check = async (name: string) => {
    expect(await seriousA11yViolations(kiosk.page), name).toEqual([]);
    await saveScreenshot(kiosk.page, testInfo, name);
  };
  await kiosk.open(hub);
  await check('kiosk-1-welcome');
  await kiosk.start();
  await check('kiosk-2-clinician');
  await kiosk.chooseClinician('Sam');
  await expect(kiosk.page.getByRole('heading', { name: 'When is your appointment?' })).toBeVisible();
  await check('kiosk-3-appointment');
  await kiosk.chooseSlot('Later today');
  await expect(kiosk.page.getByRole('heading', { name: /comfortable/ })).toBeVisible();
  await kiosk.page.getByRole('button', { name: 'Softer light' }).click();
  await check('kiosk-4-comfort');
  await kiosk.page.getByRole('button', { name: 'Check in' }).click();
  await kiosk.expectConfirmation('Sam');
  await check('kiosk-5-confirmation');
});

test('the desk sign-in and board have no serious accessibility problems', async ({ hub, kiosk, desk }, testInfo) => {
  await desk.open(hub);
  await expect(desk.page.getByLabel('Staff PIN')).toBeVisible();
  expect(await seriousA11yViolations(desk.page)).toEqual([]);
  await saveScreenshot(desk.page, testInfo, 'desk-1-sign-in');

  await desk.signIn();
  await kiosk.open(hub);
  await kiosk.checkIn({ clinician: 'Sam', wishes: ['Softer light'] });
  await desk.expectWaiting(1);
  await desk.page.getByRole('button', { name: 'Check someone in' }).click();
  expect(await seriousA11yViolations(desk.page)).toEqual([]);
  await saveScreenshot(desk.page, testInfo, 'desk-2-board');
});

test('the welcome screen drifts slowly, and not at all when the client asks for reduced motion', async ({ hub, kiosk }) => {
  await kiosk.open(hub);
  const running = () => kiosk.page.evaluate(() => document.getAnimations().filter((a) => a.playState === 'running').length);
  expect(await running()).toBeGreaterThan(0);

  await kiosk.page.emulateMedia({ reducedMotion: 'reduce' });
  await expect.poll(running).toBe(0);
});
