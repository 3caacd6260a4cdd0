import { checkInAtDesk } from './deskCalls.ts';
import { test, expect, seriousA11yViolations, saveScreenshot, startHub, stopHub, testOffice } from './fixtures.ts';

// What the desk says while the hub is away and once it is back (issue 14): true, specific, calm.
// The hub is stopped and started again on the same port and data folder, as a restart would.

test('a tap while the hub is away is not done, the desk says so, and once the hub is back it says the board is true again', async ({ hub, desk }, testInfo) => {
  await desk.openSignedIn(hub);
  await checkInAtDesk(desk.page, 'sam', { kind: 'later' });
  await expect(desk.rowFor('Sam')).toContainText('waiting');

  await stopHub(hub);
  await expect(desk.page.getByText("the hub can't be reached; this is the board as it last knew it.", { exact: false })).toBeVisible();
  await desk.rowFor('Sam').getByRole('button', { name: 'With clinician' }).click();
  const notice = desk.page.locator('.desk-notice');
  await expect(notice).toContainText(/can.t be reached right now, so this wasn.t done|didn.t answer in time/);
  await expect(notice).not.toContainText('Trying again');
  expect(await seriousA11yViolations(desk.page)).toEqual([]);
  await saveScreenshot(desk.page, testInfo, 'desk-hub-away');

  const back = await startHub(testOffice, hub.dataDir, { port: Number(new URL(hub.url).port) });
  try {
    await expect(notice).toHaveText('The hub is back. The board shows what is true now; please check what you tapped while it was away.', { timeout: 15_000 });
    await expect(desk.page.locator('.desk-offline')).toHaveCount(0);
    // The tap made while the hub was away was not carried out, and the board says so.
    await expect(desk.rowFor('Sam')).toContainText('waiting');
    await desk.expectWaiting(1);
  } finally {
    await stopHub(back);
  }
});

test('a desk that opens while the hub is away says so, and opens the board by itself when it answers', async ({ hub, desk }) => {
  await desk.openSignedIn(hub);
  let refused = 0;
  await desk.page.route('**/api/call/deskBoard', async (route) => {
    // The first tries find no hub (as an Electron desk does while its hub restarts).
    if (refused < 2) {
      refused += 1;
      return route.abort('connectionrefused');
    }
    return route.continue();
  });
  await desk.page.reload();
  await expect(desk.page.getByText("The hub can't be reached right now. The board opens by itself as soon as it is back.")).toBeVisible();
  await expect(desk.page.getByRole('heading', { name: 'Test Street Practice' })).toBeVisible({ timeout: 15_000 });
  expect(refused).toBe(2);
});
