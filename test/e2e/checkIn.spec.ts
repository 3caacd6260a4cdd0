import { test, expect } from './fixtures.ts';

test('a client checks in on the kiosk and the arrival appears on the desk within a second', async ({ hub, kiosk, desk }) => {
  await desk.openSignedIn(hub);
  await desk.expectWaiting(0);
  await kiosk.open(hub);

  await kiosk.checkIn({ clinician: 'Sam', slot: 'Later today', wishes: ['Softer light'] });
  await kiosk.expectConfirmation('Sam');

  const row = desk.rowFor('Sam');
  await expect(row).toBeVisible({ timeout: 1_000 });
  await expect(row).toContainText('Softer light');
  await expect(row).toContainText('Later today');
  await expect(row).toContainText('waiting');
  await desk.expectWaiting(1);
});

test('after a check-in the kiosk returns to welcome and shows nothing of that arrival', async ({ hub, kiosk }) => {
  await kiosk.open(hub);
  await kiosk.checkIn({ clinician: 'Noor', wishes: ['A quieter room', 'Some background sound'] });
  await kiosk.expectConfirmation('Noor');

  await kiosk.expectWelcome();
  const text = await kiosk.page.evaluate(() => document.body.innerText);
  const markup = await kiosk.page.evaluate(() => document.documentElement.outerHTML);
  for (const trace of ['Noor', 'quieter', 'background sound', 'checked in', 'later']) {
    expect(text).not.toContain(trace);
    expect(markup).not.toContain(trace);
  }
});

test('an unfinished visit asks "Still there?" first, keeps going on a tap, then clears itself', async ({ hub, kiosk }) => {
  // The page's own clock, moved on by the test: no waiting out real seconds.
  await kiosk.page.clock.install();
  await kiosk.open(hub);
  await kiosk.start();
  await kiosk.chooseClinician('Sam');
  await expect(kiosk.page.getByRole('heading', { name: 'When is your appointment?' })).toBeVisible();

  // The test office's idle time is 5 s: then the warning, covering the previous choices.
  await kiosk.page.clock.fastForward(5_500);
  await expect(kiosk.page.getByRole('heading', { name: 'Still there?' })).toBeVisible();
  await expect(kiosk.page.getByText('Tap anywhere to keep going.')).toBeVisible();
  await expect(kiosk.page.getByText('Sam')).toHaveCount(0);
  await expect(kiosk.page.getByRole('alertdialog')).not.toContainText(/\d/);

  // A tap anywhere brings the visit back where it was, as many times as it takes.
  for (let round = 0; round < 2; round += 1) {
    await kiosk.page.mouse.click(20, 20);
    await expect(kiosk.page.getByRole('heading', { name: 'When is your appointment?' })).toBeVisible();
    await kiosk.page.clock.fastForward(5_500);
    await expect(kiosk.page.getByRole('heading', { name: 'Still there?' })).toBeVisible();
  }

  // The warning stays at least 20 s before the visit is cleared.
  await kiosk.page.clock.fastForward(19_000);
  await expect(kiosk.page.getByRole('heading', { name: 'Still there?' })).toBeVisible();
  await kiosk.page.clock.fastForward(1_500);
  await kiosk.expectWelcome();
  await expect(kiosk.page.getByText('Sam')).toHaveCount(0);
});

test('the kiosk has no text input and offers "not sure" for the front desk', async ({ hub, kiosk, desk }) => {
  await kiosk.open(hub);
  await kiosk.start();
  await expect(kiosk.page.locator('input, textarea, [contenteditable="true"]')).toHaveCount(0);
  await kiosk.page.getByRole('button', { name: /I'm not sure/ }).click();
  await kiosk.chooseSlot('Not sure');
  await expect(kiosk.page.locator('input, textarea, [contenteditable="true"]')).toHaveCount(0);
  await kiosk.chooseWishes([]);
  await expect(kiosk.page.getByText("We've let the front desk know you're here.")).toBeVisible();

  await desk.openSignedIn(hub);
  await expect(desk.rowFor('Front desk')).toBeVisible();
});

test('the desk marks an arrival "with clinician", the counts follow, and undo puts it back', async ({ hub, kiosk, desk }) => {
  await desk.openSignedIn(hub);
  await kiosk.open(hub);
  await kiosk.checkIn({ clinician: 'Sam' });
  await desk.expectWaiting(1);
  await desk.expectSeen(0);

  await desk.rowFor('Sam').getByRole('button', { name: 'With clinician' }).click();
  await desk.expectWaiting(0);
  await desk.expectSeen(1);
  await expect(desk.rowFor('Sam')).toContainText('with clinician');
  await expect(desk.page.getByTestId('median-wait')).toHaveText(/\d+ min/);

  await desk.page.getByRole('button', { name: /^Undo marking Sam's/ }).click();
  await desk.expectWaiting(1);
  await desk.expectSeen(0);
  await expect(desk.page.getByText(/Undone: marking Sam's/)).toBeVisible();
});

test('staff check in a client at the desk, and can undo it', async ({ hub, desk }) => {
  await desk.openSignedIn(hub);
  await desk.page.getByRole('button', { name: 'Check someone in' }).click();
  const panel = desk.page.getByRole('region', { name: 'Check someone in' });
  await panel.getByRole('button', { name: 'Noor' }).click();
  await panel.getByRole('button', { name: 'Some background sound' }).click();
  await panel.getByRole('button', { name: 'Check in' }).click();

  await expect(desk.rowFor('Noor')).toContainText('Some background sound');
  await desk.expectWaiting(1);
  await desk.page.getByRole('button', { name: /^Undo checking in Noor's/ }).click();
  await expect(desk.rowFor('Noor')).toHaveCount(0);
  await desk.expectWaiting(0);
});

test('the desk over the network asks for the staff PIN and refuses a wrong one kindly', async ({ hub, desk }) => {
  await desk.open(hub);
  await expect(desk.page.getByLabel('Staff PIN')).toBeVisible();
  await expect(desk.page.locator('table')).toHaveCount(0);
  await desk.signIn('1111');
  await expect(desk.page.getByRole('alert')).toHaveText(/didn't match/);
  await desk.signIn();
  await expect(desk.page.getByRole('heading', { name: 'Test Street Practice' })).toBeVisible();
});
