/**
 * The practice's presets in /admin (issue 11), by keyboard alone, in real Chromium against a real
 * hub: one of its own is renamed (a name the hub refuses is said in words and stays typed) and
 * deleted after a calm question; one of Stillroom's own is hidden and shown again. A room screen
 * left open follows each change without a reload, and axe finds nothing serious on the way.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { tempDir } from '../support/tempDir.ts';
import { deskPin, RoomPage, roomOffice, seriousA11yViolations, startHub, test as base, expect, type RunningHub } from './fixtures.ts';

const ownPreset = `# Saved from the room screen. Edit it like any preset; see presets/ for the fields.
name: Soft evening
description: Saved in the Willow room, from Calm as it was adjusted there.
swatch: '#d9a46c'
transitionSeconds: 10
lights:
  all: { on: false }
  lamp: { on: true, brightness: 20, kelvin: 2400 }
sound: none
session:
  doorSign: true
  masking: true
`;

/** The room office copied into a folder of its own (admin writes to it), with one preset of the practice's own in its data folder. */
const test = base.extend<{ office: string; writableHub: RunningHub }>({
  office: async ({}, use) => {
    const file = join(tempDir('admin-presets-office'), 'office.yaml');
    writeFileSync(file, readFileSync(roomOffice, 'utf8'));
    await use(file);
  },
  writableHub: async ({ office }, use) => {
    const dataDir = tempDir('admin-presets-data');
    mkdirSync(join(dataDir, 'presets'));
    writeFileSync(join(dataDir, 'presets', 'soft-evening.yaml'), ownPreset);
    const hub = await startHub(office, dataDir);
    await use(hub);
    const exited = new Promise((resolve) => hub.process.once('exit', resolve));
    if (hub.process.exitCode === null && hub.process.signalCode === null && hub.process.kill('SIGTERM')) await exited;
  },
});

/** Focuses a control as Tab would reach it and presses Enter (or `key`) on it. */
async function press(page: Page, name: string, key = 'Enter') {
  const control = page.getByRole('button', { name, exact: true });
  await control.focus();
  await expect(control).toBeFocused();
  await page.keyboard.press(key);
}

test('own presets renamed and deleted, a built-in hidden and shown again, by keyboard; an open room screen follows', async ({ writableHub, page, browser, office }) => {
  const roomContext = await browser.newContext();
  const room = new RoomPage(await roomContext.newPage());
  await room.open(writableHub, 'willow');
  await expect(room.presetCard('Soft evening')).toBeVisible();
  await expect(room.presetCard('Focus')).toBeVisible();

  await page.goto(`${writableHub.url}/admin`);
  await page.getByLabel('Staff PIN').fill(deskPin);
  await page.keyboard.press('Enter');
  const section = page.getByRole('region', { name: 'Presets' });
  const own = section.getByRole('list', { name: 'The practice’s own presets' });
  await expect(own.getByText('Soft evening', { exact: true })).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);

  // Rename: the form takes the focus; a name another preset has is refused in words and stays typed.
  await press(page, 'Change Soft evening');
  await expect(page.getByRole('heading', { name: 'Change “Soft evening”' })).toBeFocused();
  await page.keyboard.press('Tab');
  const name = page.getByRole('textbox', { name: 'Name on the room screens' });
  await expect(name).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('calm');
  await page.keyboard.press('Enter');
  await expect(section.getByRole('alert')).toHaveText('There is already a preset called “Calm”. Choose another name.');
  await expect(name).toHaveValue('calm');
  // An empty name is caught before it is sent, beside the field.
  await name.fill('  ');
  await page.keyboard.press('Enter');
  await expect(name).toBeFocused();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toHaveAccessibleDescription(/Please give a name of up to 40 letters on one line/);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await name.fill('Late evening');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('Low lamp for the last session of the day.');
  await page.keyboard.press('Enter');
  await expect(section.getByRole('status')).toHaveText('“Late evening” is saved: the room screens show it now.');
  await expect(page.getByRole('heading', { name: 'Presets', exact: true })).toBeFocused();
  await expect(room.presetCard('Late evening')).toBeVisible();
  await expect(room.presetCard('Late evening')).toHaveAccessibleName(/Low lamp for the last session of the day\./);
  await expect(room.presetCard('Soft evening')).toHaveCount(0);

  // Delete asks once, with "Keep it" focused; Shift+Tab to the yes.
  await press(page, 'Delete Late evening');
  const question = page.getByRole('group', { name: 'Delete Late evening?' });
  await expect(question.getByRole('button', { name: 'Keep it' })).toBeFocused();
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.keyboard.press('Shift+Tab');
  await expect(question.getByRole('button', { name: 'Yes, delete' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(section.getByRole('status')).toHaveText('“Late evening” is deleted: the room screens no longer offer it.');
  await expect(own).toHaveCount(0);
  await expect(room.presetCard('Late evening')).toHaveCount(0);

  // Stillroom's own: no delete, but hidden from the room screens, and shown again.
  const builtIn = page.getByRole('list', { name: 'Stillroom’s own presets' });
  await expect(builtIn.getByRole('button', { name: /^Delete/ })).toHaveCount(0);
  await press(page, 'Hide Focus from the room screens');
  await expect(section.getByRole('status')).toHaveText('“Focus” is hidden: the room screens no longer offer it.');
  await expect(room.presetCard('Focus')).toHaveCount(0);
  await expect(room.presetCard('Calm')).toBeVisible();
  expect(readFileSync(office, 'utf8')).toMatch(/\npresets:\n {2}hidden: \[ ?focus ?\]\n/);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await press(page, 'Show Focus on the room screens');
  await expect(section.getByRole('status')).toHaveText('“Focus” is offered on the room screens again.');
  await expect(room.presetCard('Focus')).toBeVisible();
  await roomContext.close();
});
