/**
 * The admin surface in real Chromium against a real hub: a clinician added in admin appears on an
 * open kiosk without a reload, a retired one's tile disappears, bad input is met with kind words
 * and nothing typed is lost, and the surface is clean for axe and works by keyboard.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { tempDir } from '../support/tempDir.ts';
import { deskPin, KioskPage, seriousA11yViolations, startHub, test as base, testOffice, expect, type RunningHub } from './fixtures.ts';

/** The test office copied into a folder of its own: admin writes to it. */
const test = base.extend<{ office: string; writableHub: RunningHub }>({
  office: async ({}, use) => {
    const dir = tempDir('admin-office');
    const file = join(dir, 'office.yaml');
    // The kiosk stays on "Who are you here to see?" while the admin works (the test office returns to welcome after 5 s).
    writeFileSync(file, readFileSync(testOffice, 'utf8').replace('idleSeconds: 5', 'idleSeconds: 300'));
    await use(file);
  },
  writableHub: async ({ office }, use) => {
    const hub = await startHub(office);
    await use(hub);
    const exited = new Promise((resolve) => hub.process.once('exit', resolve));
    if (hub.process.exitCode === null && hub.process.signalCode === null && hub.process.kill('SIGTERM')) await exited;
  },
});

async function openAdmin(page: Page, hub: RunningHub) {
  await page.goto(`${hub.url}/admin`);
  await page.getByLabel('Staff PIN').fill(deskPin);
  await page.getByRole('button', { name: 'Open the setup' }).click();
  await expect(page.getByRole('heading', { name: 'Clinicians' })).toBeVisible();
}

const everyDay = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

test('a clinician added in admin appears on an open kiosk without a reload, and a retired one disappears', async ({ writableHub, page, browser, office }) => {
  const kiosk = new KioskPage(page);
  await kiosk.open(writableHub);
  await kiosk.start();
  const tiles = page.getByRole('button', { name: /Sam|Noor|Ash/ });
  await expect(tiles).toHaveCount(2);

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await openAdmin(admin, writableHub);
  await admin.getByRole('button', { name: 'Add a clinician' }).click();
  await admin.getByLabel('Name on the kiosk').fill('Ash');
  await admin.getByRole('radio', { name: 'moss' }).check();
  await admin.getByRole('radio', { name: 'sun' }).check();
  for (const day of everyDay) await admin.getByRole('checkbox', { name: day }).check();
  await expect(admin.getByTestId('tile-preview')).toHaveText('Ash');
  await expect(admin.getByTestId('tile-preview')).toHaveClass(/tile-moss/);
  await admin.getByRole('button', { name: 'Add to the kiosk' }).click();
  await expect(admin.getByRole('status')).toHaveText('Ash is added: their tile is on the kiosk now.');

  // The kiosk, left open on "Who are you here to see?", shows Ash now.
  await expect(page.getByRole('button', { name: 'Ash' })).toBeVisible();
  expect(readFileSync(office, 'utf8')).toContain('  - id: ash\n    displayName: Ash\n    colour: moss\n    symbol: sun\n    room: willow\n');
  expect(readFileSync(office, 'utf8')).toContain('# PIN 2468');

  await admin.getByRole('button', { name: 'Retire Sam' }).click();
  await admin.getByRole('button', { name: 'Yes, retire' }).click();
  await expect(admin.getByRole('status')).toContainText('Sam is retired');
  await expect(page.getByRole('button', { name: 'Sam' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Ash' })).toBeVisible();
  await adminContext.close();
});

test('bad input is met with kind words, what was typed stays, and the form is clean for axe and works by keyboard', async ({ writableHub, page }) => {
  await openAdmin(page, writableHub);
  await page.getByRole('button', { name: 'Add a clinician' }).click();
  // Only the keyboard: the name field has the focus.
  await page.keyboard.type('   ');
  await page.getByLabel(/Alert the desk/).fill('ten');
  await page.getByLabel(/Push to their phone/).fill('Sams Phone!');
  for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']) await page.getByRole('checkbox', { name: day }).uncheck();
  await page.getByRole('button', { name: 'Add to the kiosk' }).press('Enter');

  await expect(page.getByText('Please give the name clients will see on the kiosk, up to 40 letters.')).toBeVisible();
  await expect(page.getByText('Please tick at least one day')).toBeVisible();
  await expect(page.getByText('A notify service is lowercase letters')).toBeVisible();
  await expect(page.getByText('Please give a whole number of minutes from 1 to 120')).toBeVisible();
  await expect(page.getByLabel('Name on the kiosk')).toBeFocused();
  await expect(page.getByLabel(/Push to their phone/)).toHaveValue('Sams Phone!');
  await expect(page.getByLabel(/Alert the desk/)).toHaveValue('ten');
  expect(await seriousA11yViolations(page)).toEqual([]);

  // A name that is taken by id is fine: the id is made unique; a refusal from the hub is shown in words.
  await page.getByLabel('Name on the kiosk').fill('Sam');
  await page.getByLabel(/Alert the desk/).fill('');
  await page.getByLabel(/Push to their phone/).fill('');
  await page.getByRole('checkbox', { name: 'Monday' }).check();
  await page.getByRole('button', { name: 'Add to the kiosk' }).click();
  await expect(page.getByRole('status')).toHaveText('Sam is added: their tile is on the kiosk now.');
  const body = await page.evaluate(() => document.body.innerText);
  expect(body).not.toMatch(/scrypt|Error:|at .+:\d+/);
  expect(await seriousA11yViolations(page)).toEqual([]);
});

test('the desk reaches the office setup from "More"', async ({ writableHub, page }) => {
  await page.goto(`${writableHub.url}/desk`);
  await page.getByLabel('Staff PIN').fill(deskPin);
  await page.getByRole('button', { name: 'Open the board' }).click();
  await page.getByRole('button', { name: 'More' }).click();
  await page.getByRole('link', { name: 'Office setup (admin PIN)' }).click();
  await expect(page.getByRole('heading', { name: 'Clinicians' })).toBeVisible();
});
