import type { ChildProcess } from 'node:child_process';
import { test, expect, startHub, testOffice, type RunningHub } from './fixtures.ts';

// A power cut or a hub restart: every screen must find its hub again by itself, gently (backoff in
// renderer/src/connection/retry.ts), with nobody touching it. Each test says how long recovery
// took from the moment the hub was serving again (in the test's annotations and its output). A desk
// opened while its hub is down is test/e2e/deskOutage.spec.ts.

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** The same hub again: same port, same data folder (its staff sessions survive, as on a real restart). */
async function restart(hub: RunningHub, whileDown: () => Promise<void>): Promise<{ hub: RunningHub; backAt: number }> {
  await stop(hub.process);
  await whileDown();
  const again = await startHub(testOffice, hub.dataDir, { port: Number(new URL(hub.url).port) });
  return { hub: again, backAt: Date.now() };
}

function report(testInfo: import('@playwright/test').TestInfo, what: string, ms: number) {
  testInfo.annotations.push({ type: 'recovery', description: `${what}: ${ms} ms after the hub was back` });
  process.stdout.write(`${what}: recovered ${ms} ms after the hub was back\n`);
}

test('a kiosk that starts before its hub waits kindly and shows welcome once the hub is up', async ({ hub, kiosk }, testInfo) => {
  let again: RunningHub | undefined;
  try {
    // The page is there but its hub is not: no set-up request goes out until the hub has stopped.
    // Every one is held, not only the first: a second one let through (under load the page may ask
    // again before the hub stops) would open the kiosk on welcome and the test would wait in vain.
    let hubStopped!: () => void;
    const stopped = new Promise<void>((resolve) => (hubStopped = resolve));
    await kiosk.page.route('**/api/call/kioskSetup', async (route) => {
      await stopped;
      await route.continue();
    });
    await kiosk.page.goto(`${hub.url}/kiosk`);
    const back = await restart(hub, async () => {
      hubStopped();
      // A client is told at once what to do meanwhile.
      await expect(kiosk.page.getByTestId('kiosk-hub-away')).toHaveText("This screen can't check you in just now. Please let the front desk know you're here.");
    });
    again = back.hub;
    await expect(kiosk.page.getByRole('heading', { name: 'Welcome' })).toBeVisible({ timeout: 15_000 });
    report(testInfo, 'kiosk', Date.now() - back.backAt);
    await kiosk.checkIn({ clinician: 'Sam' });
    await kiosk.expectConfirmation('Sam');
  } finally {
    if (again) await stop(again.process);
  }
});

test('the desk and a room screen reconnect after a hub restart and show what happened meanwhile', async ({ hub, desk, browser }, testInfo) => {
  let again: RunningHub | undefined;
  const roomContext = await browser.newContext();
  try {
    await desk.openSignedIn(hub);
    const room = await roomContext.newPage();
    await room.goto(`${hub.url}/room/willow`);
    await room.getByLabel('Staff PIN').fill('2468');
    await room.getByRole('button', { name: 'Open the room' }).click();
    await expect(room.getByRole('heading', { name: 'Willow room' })).toBeVisible();

    const back = await restart(hub, async () => {
      await expect(desk.page.getByText("· the hub can't be reached; this is the board as it last knew it. Reconnecting…")).toBeVisible();
      // Willow has no devices in this office: the room says so in a line of its own.
      await expect(room.getByText('Reconnecting… the list below may be out of date')).toBeVisible();
    });
    again = back.hub;
    await expect(desk.page.getByText("· the hub can't be reached; this is the board as it last knew it. Reconnecting…")).toBeHidden({ timeout: 15_000 });
    report(testInfo, 'desk', Date.now() - back.backAt);
    await expect(room.getByText('Reconnecting… the list below may be out of date')).toBeHidden({ timeout: 15_000 });
    report(testInfo, 'room', Date.now() - back.backAt);

    // Live again: a check-in through the restarted hub reaches the board and the room's list.
    const response = await desk.page.request.post(`${again.url}/api/call/checkIn`, { headers: { 'x-stillroom': '1' }, data: { clinicianId: 'sam', slot: { kind: 'later' }, wishes: [] } });
    expect(response.ok()).toBe(true);
    await desk.expectWaiting(1);
    await expect(room.getByRole('region', { name: 'Waiting for you' }).getByRole('listitem')).toHaveCount(1);
  } finally {
    await roomContext.close();
    if (again) await stop(again.process);
  }
});

test('a room screen opened while its hub is down shows the room by itself once the hub is up', async ({ hub, room }, testInfo) => {
  let again: RunningHub | undefined;
  try {
    await room.open(hub, 'willow');
    // Down, and the room is opened afresh (a tablet woken while the hub restarts).
    let hubStopped!: () => void;
    const stopped = new Promise<void>((resolve) => (hubStopped = resolve));
    await room.page.route('**/api/call/roomView', async (route) => {
      await stopped;
      await route.continue();
    }, { times: 1 });
    await room.page.reload();
    const back = await restart(hub, async () => {
      hubStopped();
      await expect(room.page.getByRole('alert')).toContainText("The hub can't be reached right now");
    });
    again = back.hub;
    await expect(room.page.getByRole('heading', { name: 'Willow room' })).toBeVisible({ timeout: 15_000 });
    report(testInfo, 'room opened while down', Date.now() - back.backAt);
  } finally {
    if (again) await stop(again.process);
  }
});
