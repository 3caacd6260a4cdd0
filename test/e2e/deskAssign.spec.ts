import { checkInAtDesk } from './deskCalls.ts';
import { test, expect, editedOffice, seriousA11yViolations, saveScreenshot, testOffice } from './fixtures.ts';

// Giving a client to a clinician at the desk, and who is on the way in a shared room (issue 14).
// The test office has Sam in the Willow room and Noor without a room.

test('an "I\'m not sure" arrival is given to Sam with "Assign to…": Sam\'s room lists them, and undo gives them back', async ({ hub, desk, room }, testInfo) => {
  await desk.openSignedIn(hub);
  await room.open(hub, 'willow');
  await checkInAtDesk(desk.page, null, { kind: 'unsure' });
  const row = desk.rowFor('Front desk (not sure)');
  await expect(row).toBeVisible();
  await expect(room.waitingForYou()).toContainText('Nobody is waiting for you right now.');

  await row.getByRole('button', { name: 'Assign to…' }).click();
  const choices = desk.page.getByRole('group', { name: 'Give this client to' });
  await expect(choices.getByRole('button', { name: 'Sam' })).toBeFocused();
  expect(await seriousA11yViolations(desk.page)).toEqual([]);
  await saveScreenshot(desk.page, testInfo, 'desk-assign-choices');
  await choices.getByRole('button', { name: 'Sam' }).click();

  await expect(desk.rowFor('Sam')).toBeVisible();
  await expect(desk.rowFor('Front desk (not sure)')).toHaveCount(0);
  await expect(desk.page.getByText('Given to Sam, who is told as at a check-in.')).toBeVisible();
  // Sam's room hears of it as of a check-in.
  await expect(room.waitingForYou().getByRole('listitem')).toHaveCount(1);
  await expect(room.waitingForYou()).toContainText('Your client is here');

  await desk.page.getByRole('button', { name: "Undo giving the front desk's client to Sam" }).click();
  await expect(desk.rowFor('Front desk (not sure)')).toBeVisible();
  await expect(room.waitingForYou()).toContainText('Nobody is waiting for you right now.');
});

test('"Assign to…" closes with Escape and offers only the clinicians the client is not already with', async ({ hub, desk }) => {
  await desk.openSignedIn(hub);
  await checkInAtDesk(desk.page, 'noor', { kind: 'later' });
  await desk.rowFor('Noor').getByRole('button', { name: 'Assign to…' }).click();
  const choices = desk.page.getByRole('group', { name: 'Give this client to' });
  await expect(choices.getByRole('button')).toHaveText(['Sam', 'Close']);
  await desk.page.keyboard.press('Escape');
  await expect(choices).toHaveCount(0);
});

test.describe('a room two clinicians share', () => {
  test.use({ office: editedOffice(testOffice, '{ id: noor, displayName: Noor, colour: sky, symbol: wave }', '{ id: noor, displayName: Noor, colour: sky, symbol: wave, room: willow }') });

  test('the room screen marks whose client is whose, asks who is going, and the desk names who is', async ({ hub, desk, room }, testInfo) => {
    await desk.openSignedIn(hub);
    await room.open(hub, 'willow');
    await expect(room.waitingForYou().getByRole('list', { name: "This room's clinicians" })).toHaveText(/Sam.*Noor/);
    await expect(room.waitingForYou()).toContainText('Nobody is waiting for Sam and Noor right now.');

    await checkInAtDesk(desk.page, 'noor', { kind: 'later' });
    const item = room.waitingForYou().getByRole('listitem').filter({ hasText: 'is here' });
    await expect(item).toContainText('Noor’s client is here');
    const goers = item.getByRole('group', { name: 'Who is going?' }).getByRole('button');
    await expect(goers).toHaveText(['Noor is going', 'Sam is going']);
    expect(await seriousA11yViolations(room.page)).toEqual([]);
    await saveScreenshot(room.page, testInfo, 'room-shared-who-is-going');

    // Sam goes for Noor's client: the desk reads Sam's name, not Noor's.
    await goers.filter({ hasText: 'Sam is going' }).click();
    await expect(item).toContainText('Sam is on the way');
    await expect(desk.rowFor('Noor')).toContainText('Sam is on the way');
    await expect(desk.rowFor('Noor')).not.toContainText('Noor is on the way');
  });
});
