import type { Page, WebSocketRoute } from '@playwright/test';
import { test as officeTest, expect, KioskPage, roomOffice, saveScreenshot, seriousA11yViolations, type RunningHub } from './fixtures.ts';

// How a clinician hears of an arrival and answers it, and what the desk sees of that: the room
// office has Sam in the Willow room and Noor in the Cedar room, with a simulated Home Assistant.
// The kiosk gets its own browser context, as the waiting room's screen is its own device, so the
// room screen (the default page) can stay open while clients check in.
const test = officeTest.extend<{ waitingRoom: KioskPage }>({
  waitingRoom: async ({ browser }, use) => {
    const context = await browser.newContext();
    await use(new KioskPage(await context.newPage()));
    await context.close();
  },
});
test.use({ office: roomOffice });

/** A client checks in for the appointment slot that has just begun (a time, so the words carry it). */
async function checkInAtTheHour(kiosk: KioskPage, hub: RunningHub, clinician: string, wishes: string[] = []) {
  await kiosk.open(hub);
  await kiosk.start();
  await kiosk.chooseClinician(clinician);
  await expect(kiosk.page.getByRole('heading', { name: 'When is your appointment?' })).toBeVisible();
  await kiosk.page.getByRole('button', { name: /^\d{1,2}:\d{2}/ }).first().click();
  await kiosk.chooseWishes(wishes);
  await kiosk.expectConfirmation(clinician);
}

test('a check-in for Sam shows on the Willow room under "Waiting for you", and "On my way" reaches the desk', async ({ hub, room, desk, waitingRoom }, testInfo) => {
  // Three screens and two whole kiosk visits in one story: on a loaded 2-core machine this outgrows 30 s.
  test.slow();
  await room.page.emulateMedia({ reducedMotion: 'reduce' });
  await room.open(hub, 'willow');
  await expect(room.waitingForYou()).toContainText('Nobody is waiting for you right now.');
  await desk.openSignedIn(hub);

  await checkInAtTheHour(waitingRoom, hub, 'Sam', ['Softer light']);
  await checkInAtTheHour(waitingRoom, hub, 'Noor');

  // Only Sam's client, in the words a locked phone may show; Noor works in the Cedar room.
  const waiting = room.waitingForYou().getByRole('listitem');
  await expect(waiting).toHaveCount(1);
  await expect(waiting).toContainText(/^Your \d{1,2}:\d{2} client is here/);
  await expect(waiting).toContainText('Just arrived');
  await expect(waiting).toContainText('Would like: softer light');
  expect(await seriousA11yViolations(room.page)).toEqual([]);
  await saveScreenshot(room.page, testInfo, 'notifications-1-room-waiting');

  await room.sayOnMyWay();
  await expect(room.waitingForYou().getByRole('button', { name: 'On my way' })).toHaveCount(0);
  await saveScreenshot(room.page, testInfo, 'notifications-2-room-on-the-way');

  await expect(desk.rowFor('Sam')).toContainText('Sam is on the way');
  await expect(desk.rowFor('Noor')).not.toContainText('on the way');
  await saveScreenshot(desk.page, testInfo, 'notifications-3-desk-acknowledged');

  // Once Sam's client is with Sam, the room no longer lists them.
  await desk.rowFor('Sam').getByRole('button', { name: 'With clinician' }).click();
  await expect(room.waitingForYou()).toContainText('Nobody is waiting for you right now.');
});

test('"Wipe today" asks first in plain words, then empties the desk and the room', async ({ hub, room, desk, waitingRoom }, testInfo) => {
  // Three screens and two whole kiosk visits in one story: on a loaded 2-core machine this outgrows 30 s.
  test.slow();
  await desk.openSignedIn(hub);
  await room.open(hub, 'willow');
  await checkInAtTheHour(waitingRoom, hub, 'Sam');
  await checkInAtTheHour(waitingRoom, hub, 'Noor');
  await desk.expectWaiting(2);
  await expect(room.waitingForYou().getByRole('listitem')).toHaveCount(1);

  // Changing one's mind keeps everything.
  await desk.page.getByRole('button', { name: 'More' }).click();
  await desk.page.getByRole('button', { name: 'Wipe today…' }).click();
  await expect(desk.page.getByRole('button', { name: 'Keep them' })).toBeFocused();
  expect(await seriousA11yViolations(desk.page)).toEqual([]);
  await saveScreenshot(desk.page, testInfo, 'notifications-4-wipe-confirm');
  await desk.page.getByRole('button', { name: 'Keep them' }).click();
  await desk.expectWaiting(2);

  await desk.wipeToday();
  await expect(desk.page.getByText('No arrivals yet today.')).toBeVisible();
  await expect(desk.rows()).toHaveCount(0);
  await desk.expectWaiting(0);
  await expect(desk.page.getByText('Today is wiped: 2 arrivals deleted.')).toBeVisible();
  await expect(room.waitingForYou()).toContainText('Nobody is waiting for you right now.');
});

test('the health strip says all is calm on an office where everything is up', async ({ hub, desk }, testInfo) => {
  await desk.page.emulateMedia({ reducedMotion: 'reduce' });
  await desk.openSignedIn(hub);
  await expect(desk.healthStrip()).toHaveText('All systems calm');
  expect(await seriousA11yViolations(desk.page)).toEqual([]);
  await saveScreenshot(desk.page, testInfo, 'notifications-5-desk-calm');
});

/**
 * Hands the desk's `arrivals` socket to the test, so it can say what the hub says after the
 * configured minutes (at least one) without the test waiting for them.
 */
async function holdArrivalsSocket(page: Page): Promise<() => WebSocketRoute> {
  let arrivals: WebSocketRoute | undefined;
  await page.routeWebSocket(/\/api\/live$/, (socket) => {
    const server = socket.connectToServer();
    socket.onMessage((message) => {
      if (typeof message === 'string' && JSON.parse(message).topic === 'arrivals') arrivals = socket;
      server.send(message);
    });
    server.onMessage((message) => socket.send(message));
  });
  return () => {
    if (!arrivals) throw new Error('the desk has not subscribed to arrivals');
    return arrivals;
  };
}

test('a desk alert shows a calm banner and a soft mark on the row until "Noted"', async ({ hub, desk, waitingRoom }, testInfo) => {
  await desk.page.emulateMedia({ reducedMotion: 'reduce' });
  const arrivalsSocket = await holdArrivalsSocket(desk.page);
  await desk.openSignedIn(hub);
  await checkInAtTheHour(waitingRoom, hub, 'Sam');
  const row = desk.rowFor('Sam');
  const arrivalId = await row.getAttribute('data-arrival');

  const event = { type: 'desk-alert', arrivalId, clinicianId: 'sam', waitedMinutes: 12 };
  arrivalsSocket().send(JSON.stringify({ type: 'event', topic: 'arrivals', event }));

  await expect(desk.alerts()).toContainText(/^Sam’s \d{1,2}:\d{2} client has waited 12 minutes\. Sam is in a session and may not have seen it\./);
  await expect(row).toContainText('Sam may not have seen it');
  expect(await seriousA11yViolations(desk.page)).toEqual([]);
  await saveScreenshot(desk.page, testInfo, 'notifications-6-desk-alert');

  await desk.alerts().getByRole('button', { name: 'Noted' }).click();
  await expect(desk.alerts()).toHaveCount(0);
  await expect(row).toContainText('Sam may not have seen it');
});
