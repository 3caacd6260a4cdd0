import { checkInAtDesk } from './deskCalls.ts';
import { test, expect, seriousA11yViolations, saveScreenshot } from './fixtures.ts';

// After a flood of made-up check-ins (issue 9) the desk's only cleanup was "Wipe today", which takes
// the real arrivals with it. "Remove…" takes one off the board for good, after asking once.

test('"Remove…" asks once with "Keep it" focused, then takes one arrival off every screen for good; the others stay', async ({ hub, desk, room }, testInfo) => {
  await desk.openSignedIn(hub);
  await room.open(hub, 'willow');
  await checkInAtDesk(desk.page, 'sam', { kind: 'later' });
  await checkInAtDesk(desk.page, 'sam', { kind: 'at', time: '14:00' });
  await checkInAtDesk(desk.page, 'noor', { kind: 'later' });
  await expect(desk.rows()).toHaveCount(3);
  await expect(room.waitingForYou().getByRole('listitem')).toHaveCount(2);
  // By its appointment time: the row's arrival time could read 2:00 too at some hours.
  const atTwo = () => desk.rows().filter({ has: desk.page.locator('td[data-label="Appointment"]', { hasText: '2:00' }) });
  const made = atTwo();

  // A slip of the finger: the question comes, "Keep it" has the focus, Escape keeps the arrival.
  await made.getByRole('button', { name: 'Remove…' }).click();
  const ask = desk.page.getByRole('group', { name: /^Remove the .* arrival from today for good\?/ });
  await expect(ask.getByRole('button', { name: 'Keep it' })).toBeFocused();
  expect(await seriousA11yViolations(desk.page)).toEqual([]);
  await saveScreenshot(desk.page, testInfo, 'desk-remove-ask');
  await desk.page.keyboard.press('Escape');
  await expect(ask).toHaveCount(0);
  await expect(desk.rows()).toHaveCount(3);

  await made.getByRole('button', { name: 'Remove…' }).click();
  await ask.getByRole('button', { name: 'Remove for good' }).click();
  await expect(desk.rows()).toHaveCount(2);
  await expect(atTwo()).toHaveCount(0);
  // The row and its button are gone: the focus is on the words that say what happened.
  await expect(desk.page.getByRole('status').filter({ hasText: /^Removed for good: the .* arrival\.$/ })).toBeFocused();
  await expect(desk.page.getByTestId('count-waiting')).toHaveText('2');
  // Sam's room screen hears of it without a reload.
  await expect(room.waitingForYou().getByRole('listitem')).toHaveCount(1);

  // Gone for good: a reload does not bring it back, and there is nothing of it to undo.
  await desk.page.reload();
  await expect(desk.rows()).toHaveCount(2);
  await expect(atTwo()).toHaveCount(0);
});
