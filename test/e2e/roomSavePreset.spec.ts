import { test, expect, roomOffice, seriousA11yViolations } from './fixtures.ts';

// "Save this room as a preset" (issue 11): a therapist tunes a preset between sessions and keeps
// it, and it sits with the others on every room screen; a name the hub refuses stays typed.
test.use({ office: roomOffice });

test('a tuned preset saved from the room is offered with the others, and sets the room as it was saved', async ({ hub, room, browser }) => {
  await room.open(hub, 'willow');
  await room.applyPreset('Calm');
  await room.setBrightness(20);
  await room.expectPreset('Calm, adjusted');

  await room.page.getByRole('button', { name: 'Save as a preset…' }).click();
  const name = room.page.getByRole('textbox', { name: 'Name of the new preset' });
  await name.fill('Soft evening');
  await room.page.getByRole('button', { name: 'Save preset' }).click();
  await expect(room.presetCard('Soft evening')).toBeVisible();
  await expect(room.page.getByRole('button', { name: 'Save as a preset…' })).toBeVisible();
  expect(await seriousA11yViolations(room.page)).toEqual([]);

  // Another room screen, already open elsewhere, offers it too.
  const other = await browser.newContext();
  const cedar = await other.newPage();
  await cedar.goto(`${hub.url}/room/cedar`);
  await cedar.getByLabel('Staff PIN').fill('2468');
  await cedar.getByRole('button', { name: 'Open the room' }).click();
  await expect(cedar.getByRole('region', { name: 'Presets' }).getByRole('button', { name: /^Soft evening(\s|$)/ })).toBeVisible();
  await other.close();

  // Back to Calm at its own 35 %, then the saved one: 20 %, as it was kept.
  await room.applyPreset('Calm');
  await expect(room.slider('Brightness')).toHaveValue('35');
  await room.applyPreset('Soft evening');
  await room.expectPreset('Soft evening');
  await expect(room.slider('Brightness')).toHaveValue('20');
});

test('a name already taken, or none at all, is refused in words, and what was typed stays', async ({ hub, room }) => {
  await room.open(hub, 'willow');
  await room.applyPreset('Calm');
  await room.page.getByRole('button', { name: 'Save as a preset…' }).click();
  const name = room.page.getByRole('textbox', { name: 'Name of the new preset' });

  await name.fill('calm');
  await room.page.getByRole('button', { name: 'Save preset' }).click();
  await expect(room.page.getByRole('alert')).toHaveText('There is already a preset called "Calm". Choose another name.');
  await expect(name).toHaveValue('calm');
  await expect(name).toHaveAttribute('aria-invalid', 'true');

  await name.fill('   ');
  await room.page.getByRole('button', { name: 'Save preset' }).click();
  await expect(room.page.getByRole('alert')).toHaveText('Give the preset a name, such as “Soft evening”.');
  expect(await seriousA11yViolations(room.page)).toEqual([]);
});
