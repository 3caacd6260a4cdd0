import type { Browser, Page } from '@playwright/test';
import type { Slot } from '../../main/contract/contract.ts';
import { test, expect, deskPin, seriousA11yViolations, saveScreenshot, type DeskPage, type RunningHub } from './fixtures.ts';

// A busy morning at the front desk (issue 14): the board's arithmetic, its shape on small and zoomed
// screens, and the controls a desk person reaches for. Arrivals are made through the desk's own
// check-in call, so each test chooses the appointment time it needs.

/** "HH:MM" of a local time, as the kiosk and the contract write a slot. */
const hhmm = (time: Date) => `${String(time.getHours()).padStart(2, '0')}:${String(time.getMinutes()).padStart(2, '0')}`;

/** Checks a client in through the desk's API from the signed-in desk page; returns the arrival's id. */
async function checkInAtDesk(page: Page, clinicianId: string | null, slot: Slot): Promise<string> {
  const result = await page.evaluate(async (body) => {
    const response = await fetch('/api/call/checkInAtDesk', { method: 'POST', headers: { 'content-type': 'application/json', 'x-stillroom': '1' }, body: JSON.stringify(body) });
    return (await response.json()) as { ok: boolean; value?: { id: string } };
  }, { clinicianId, slot, wishes: [] });
  expect(result.ok).toBe(true);
  return result.value!.id;
}

async function setStatus(page: Page, arrivalId: string, status: string) {
  const ok = await page.evaluate(async (body) => {
    const response = await fetch('/api/call/setStatus', { method: 'POST', headers: { 'content-type': 'application/json', 'x-stillroom': '1' }, body: JSON.stringify(body) });
    return ((await response.json()) as { ok: boolean }).ok;
  }, { arrivalId, status });
  expect(ok).toBe(true);
}

/** Four arrivals in every state a row can be in: waiting (twice), with clinician, done and cancelled. */
async function aMorningsArrivals(desk: DeskPage) {
  await checkInAtDesk(desk.page, 'sam', { kind: 'later' });
  await checkInAtDesk(desk.page, null, { kind: 'unsure' });
  const seen = await checkInAtDesk(desk.page, 'noor', { kind: 'unsure' });
  const done = await checkInAtDesk(desk.page, 'sam', { kind: 'unsure' });
  const cancelled = await checkInAtDesk(desk.page, 'noor', { kind: 'later' });
  await setStatus(desk.page, seen, 'with-clinician');
  await setStatus(desk.page, done, 'with-clinician');
  await setStatus(desk.page, done, 'done');
  await setStatus(desk.page, cancelled, 'cancelled');
  await expect(desk.rows()).toHaveCount(5);
  await desk.expectWaiting(2);
}

/** A desk in its own browser window of this size (and zoom, as device pixels per CSS pixel). */
async function deskAt(browser: Browser, hub: RunningHub, viewport: { width: number; height: number }, zoom = 1): Promise<Page> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: zoom });
  const page = await context.newPage();
  await page.goto(`${hub.url}/desk`);
  await page.getByLabel('Staff PIN').fill(deskPin);
  await page.getByRole('button', { name: 'Open the board' }).click();
  await expect(page.getByRole('heading', { name: 'Test Street Practice' })).toBeVisible();
  return page;
}

async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}

test('a client who comes early is "Early", and their wait counts from their appointment, not from the door', async ({ hub, desk }) => {
  const now = new Date();
  const appointment = new Date(now.getTime() + 40 * 60_000);
  test.skip(appointment.getDate() !== now.getDate(), 'an appointment 40 minutes from now falls on tomorrow; the slot is a time of today');
  await desk.page.clock.install({ time: now });
  await desk.openSignedIn(hub);

  await checkInAtDesk(desk.page, 'sam', { kind: 'at', time: hhmm(appointment) });
  await checkInAtDesk(desk.page, 'noor', { kind: 'later' });
  const early = desk.rowFor('Sam');
  await expect(early.getByTestId('wait')).toHaveText('Early');

  // 45 minutes on: Noor's client, with no time to go by, has waited 45 minutes; Sam's about 5.
  await desk.page.clock.fastForward('45:00');
  await expect(desk.rowFor('Noor').getByTestId('wait')).toHaveText(/^4[4-6] min · a long wait$/);
  await expect(early.getByTestId('wait')).toHaveText(/^[3-6] min$/);
  await expect(early).not.toHaveClass(/wait-long|wait-gentle/);
});

test('finished rows draw whole, and the header stays put while the last change grows', async ({ hub, desk }, testInfo) => {
  await desk.page.setViewportSize({ width: 1280, height: 900 });
  await desk.openSignedIn(hub);
  const place = async () => {
    const boxes = await Promise.all(['Check someone in', 'More', 'Sign out'].map((name) => desk.page.getByRole('button', { name }).boundingBox()));
    return [...boxes, await desk.page.getByTestId('count-waiting').boundingBox()].map((box) => box && { x: Math.round(box.x), y: Math.round(box.y) });
  };
  const before = await place();

  await aMorningsArrivals(desk);
  await expect(desk.page.getByText(/^Last change: marking Noor's client cancelled\.$/)).toBeVisible();
  await expect(desk.page.getByRole('button', { name: "Undo marking Noor's client cancelled" })).toHaveText('Undo');
  expect(await place()).toEqual(before);

  // Each cell of a done or cancelled row is as tall as its row (the actions cell was a flex box, 24 px in a 62 px row).
  for (const status of ['done', 'cancelled']) {
    const row = desk.page.locator(`tr.arrival[data-status="${status}"]`);
    const rowHeight = (await row.boundingBox())!.height;
    for (const cell of await row.locator('td').all()) expect(Math.abs((await cell.boundingBox())!.height - rowHeight)).toBeLessThanOrEqual(1);
  }
  expect(await seriousA11yViolations(desk.page)).toEqual([]);
  await saveScreenshot(desk.page, testInfo, 'desk-busy-1280');
});

test('every desk control is at least 44 px high', async ({ hub, desk }) => {
  await desk.openSignedIn(hub);
  await aMorningsArrivals(desk);
  await desk.page.getByRole('button', { name: 'More' }).click();
  await desk.page.getByRole('button', { name: 'Check someone in' }).click();
  const controls = desk.page.locator('main').locator('button, a');
  expect(await controls.count()).toBeGreaterThan(15);
  for (const control of await controls.all()) {
    const box = await control.boundingBox();
    expect({ control: await control.textContent(), height: box!.height >= 44 }).toEqual({ control: await control.textContent(), height: true });
  }
});

test('the desk reflows without sideways scrolling at 800 px and at 200 % zoom', async ({ hub, desk, browser }, testInfo) => {
  await desk.openSignedIn(hub);
  await aMorningsArrivals(desk);
  // 200 % zoom on a 1280 x 800 screen lays the page out in 640 x 400 CSS pixels, two device pixels each.
  for (const [name, viewport, zoom] of [['800', { width: 800, height: 1000 }, 1], ['zoom200', { width: 640, height: 400 }, 2]] as const) {
    const page = await deskAt(browser, hub, viewport, zoom);
    await expect(page.locator('tr.arrival')).toHaveCount(5);
    await expectNoSidewaysScroll(page);
    // Every row's actions stay within the screen, reachable without scrolling sideways.
    for (const button of await page.locator('tr.arrival button').all()) {
      const box = (await button.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
    }
    // Each value keeps its column's name beside it once the header row is out of sight.
    await expect(page.locator('tr.arrival').first().locator('td[data-label="Appointment"]')).toBeVisible();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await saveScreenshot(page, testInfo, `desk-reflow-${name}`);
    await page.context().close();
  }
});

test('the chime is one switch named "Chime", and staying off survives a reload', async ({ hub, desk }) => {
  await desk.openSignedIn(hub);
  const chime = desk.page.getByRole('switch', { name: 'Chime' });
  await expect(chime).toHaveAttribute('aria-checked', 'true');
  await chime.click();
  await expect(chime).toHaveAttribute('aria-checked', 'false');
  await expect(chime).toHaveAccessibleName('Chime');
  await desk.page.reload();
  await expect(desk.page.getByRole('switch', { name: 'Chime' })).toHaveAttribute('aria-checked', 'false');
});

test('"Waiting only" folds away who is seen, done or cancelled, and says how many', async ({ hub, desk }) => {
  await desk.openSignedIn(hub);
  await aMorningsArrivals(desk);
  await desk.page.getByRole('button', { name: 'Waiting only' }).click();
  await expect(desk.page.getByRole('button', { name: 'Waiting only' })).toHaveAttribute('aria-pressed', 'true');
  await expect(desk.rows()).toHaveCount(2);
  await expect(desk.page.locator('tr.arrival[data-status="waiting"]')).toHaveCount(2);
  await expect(desk.page.getByText('3 more arrivals today are with their clinician, done or cancelled.')).toBeVisible();

  // A client who is seen leaves the view; the desk keeps its choice across a reload.
  await desk.rowFor('Sam').getByRole('button', { name: 'With clinician' }).click();
  await expect(desk.rows()).toHaveCount(1);
  await desk.page.reload();
  await expect(desk.rows()).toHaveCount(1);
  expect(await seriousA11yViolations(desk.page)).toEqual([]);

  await desk.page.getByRole('button', { name: 'Show all of today' }).click();
  await expect(desk.rows()).toHaveCount(5);
  await expect(desk.page.getByRole('button', { name: 'All of today' })).toHaveAttribute('aria-pressed', 'true');
});

test('"Sign out" ends the desk\'s session: the board closes and a reload asks for the PIN again', async ({ hub, desk }) => {
  await desk.openSignedIn(hub);
  await checkInAtDesk(desk.page, 'sam', { kind: 'later' });
  await expect(desk.rows()).toHaveCount(1);
  await desk.page.getByRole('button', { name: 'Sign out' }).click();
  await expect(desk.page.getByLabel('Staff PIN')).toBeVisible();
  await expect(desk.page.locator('table')).toHaveCount(0);
  await desk.page.reload();
  await expect(desk.page.getByLabel('Staff PIN')).toBeVisible();
  await expect(desk.page.locator('table')).toHaveCount(0);
  await expect(desk.page).toHaveTitle('Front desk · Stillroom');
  await desk.signIn();
  await expect(desk.page).toHaveTitle('Front desk · Test Street Practice');
});

test('a check-in whose news overtakes the board the desk asked for stays on the board', async ({ hub, desk }) => {
  // Once the board shows, the desk loads it again as its live feed opens. Hold that answer (the
  // board as it was before the check-in below) until the check-in's push has arrived, as a slow
  // network does on a busy morning. The desk once took the older answer whole and lost the row.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let holding!: () => void;
  const holdingNow = new Promise<void>((resolve) => (holding = resolve));
  let heldOnce = false;
  const heading = desk.page.getByRole('heading', { name: 'Test Street Practice' });
  await desk.page.route('**/api/call/deskBoard', async (route) => {
    if (heldOnce || !(await heading.isVisible())) return route.continue();
    heldOnce = true;
    const before = await route.fetch();
    holding();
    await held;
    await route.fulfill({ response: before });
  });
  await desk.openSignedIn(hub);
  await holdingNow;

  await checkInAtDesk(desk.page, 'sam', { kind: 'later' });
  await expect(desk.rows()).toHaveCount(1);
  release();
  await checkInAtDesk(desk.page, 'noor', { kind: 'later' });
  await expect(desk.rows()).toHaveCount(2);
  await expect(desk.rowFor('Sam')).toBeVisible();
});
