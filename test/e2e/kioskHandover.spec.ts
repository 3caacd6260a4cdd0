/**
 * Issue 14, the kiosk between two clients: a short thank-you with "Done", "Back" on every step at
 * 48 px or more, a chosen wish with a tick, times on the practice's slot length in plain words, and
 * an early, kind word when the hub cannot be reached.
 */
import { test, expect, seriousA11yViolations } from './fixtures.ts';

test('the thank-you leaves within 4 s, or at once on "Done"', async ({ hub, kiosk }) => {
  await kiosk.open(hub);
  await kiosk.checkIn({ clinician: 'Sam' });
  await kiosk.expectConfirmation('Sam');
  await kiosk.page.getByRole('button', { name: 'Done' }).click();
  await kiosk.expectWelcome();
  await expect(kiosk.page.getByText('Sam')).toHaveCount(0);

  await kiosk.page.clock.install();
  await kiosk.checkIn({ clinician: 'Noor' });
  await kiosk.expectConfirmation('Noor');
  await kiosk.page.clock.fastForward(4_000);
  await kiosk.expectWelcome();
});

test('"Back" on every step goes one step back, and every way out is at least 48 px', async ({ hub, kiosk }) => {
  await kiosk.open(hub);
  await kiosk.start();
  const back = kiosk.page.getByRole('button', { name: 'Back', exact: true });
  for (const box of [await back.boundingBox()]) expect(box!.height).toBeGreaterThanOrEqual(48);
  await kiosk.chooseClinician('Sam');
  await kiosk.chooseSlot('Later today');
  await expect(kiosk.page.getByRole('heading', { name: /comfortable/ })).toBeVisible();
  for (const name of ['Back', 'Start over']) {
    const box = await kiosk.page.getByRole('button', { name, exact: true }).boundingBox();
    expect(box!.height, name).toBeGreaterThanOrEqual(48);
    expect(box!.width, name).toBeGreaterThanOrEqual(48);
  }
  await back.click();
  await expect(kiosk.page.getByRole('heading', { name: 'When is your appointment?' })).toBeVisible();
  await back.click();
  await expect(kiosk.page.getByRole('heading', { name: 'Who are you here to see?' })).toBeVisible();
  await back.click();
  await kiosk.expectWelcome();
});

test('a chosen comfort wish shows a clear tick', async ({ hub, kiosk }) => {
  await kiosk.open(hub);
  await kiosk.start();
  await kiosk.chooseClinician('Sam');
  await kiosk.chooseSlot('Later today');
  const wish = kiosk.page.getByRole('button', { name: 'Softer light' });
  await expect(wish.getByTestId('wish-tick')).toHaveText('');
  await wish.click();
  await expect(wish).toHaveAttribute('aria-pressed', 'true');
  await expect(wish.getByTestId('wish-tick')).toHaveText('✓');
  expect(await seriousA11yViolations(kiosk.page)).toEqual([]);
});

test('the times follow the clock in plain words: the slot that began, the next two, "Later today"', async ({ hub, kiosk }) => {
  await kiosk.page.clock.install({ time: new Date(2026, 11, 3, 15, 38) });
  await kiosk.open(hub);
  await kiosk.start();
  await kiosk.chooseClinician('Sam');
  await expect(kiosk.page.getByRole('heading', { name: 'When is your appointment?' })).toBeVisible();
  const choices = await kiosk.page.locator('.choice').allInnerTexts();
  expect(choices.map((c) => c.replace(/\s+/g, ' ').trim())).toEqual(['3:30 PM', '4:00 PM', '4:30 PM', 'Later today', 'Not sure']);
  await expect(kiosk.page.getByText('A bit later')).toHaveCount(0);
});

test('with the hub gone the welcome screen says, early and kindly, to let the front desk know', async ({ hub, kiosk }) => {
  await kiosk.open(hub);
  await expect(kiosk.page.getByTestId('kiosk-hub-away')).toHaveCount(0);
  const exited = new Promise((resolve) => hub.process.once('exit', resolve));
  hub.process.kill('SIGTERM');
  await exited;
  await expect(kiosk.page.getByText("This screen can't check you in just now. Please let the front desk know you're here.")).toBeVisible({ timeout: 8_000 });
  expect(await seriousA11yViolations(kiosk.page)).toEqual([]);
});
