/**
 * The admin surface in real Chromium against a real hub: a clinician added in admin appears on an
 * open kiosk without a reload, a retired one's tile disappears, bad input is met with kind words
 * and nothing typed is lost, and the surface is clean for axe and works by keyboard.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { tempDir } from '../support/tempDir.ts';
import { demoConfig } from '../integration/support/hubClient.ts';
import { startMosquitto } from '../integration/support/mosquitto.ts';
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

test('Home Assistant is tested live before saving, and a saved token is never shown again', async ({ writableHub, page }) => {
  await openAdmin(page, writableHub);
  const connections = page.getByRole('region', { name: 'Connections' });
  await connections.getByLabel('Address').fill('http://127.0.0.1:9');
  await connections.getByRole('button', { name: 'Test the connection' }).click();
  await expect(connections.getByRole('alert')).toHaveText(/Please paste a long-lived access token/);
  await connections.getByLabel('Long-lived access token').fill('not-a-real-token');
  await connections.getByRole('button', { name: 'Test the connection' }).click();
  await expect(connections.getByRole('alert')).toHaveText(/Could not reach Home Assistant on 127\.0\.0\.1, port 9\./);
  // What was typed stays.
  await expect(connections.getByLabel('Address')).toHaveValue('http://127.0.0.1:9');
  await expect(connections.getByLabel('Long-lived access token')).toHaveValue('not-a-real-token');
  expect(await seriousA11yViolations(page)).toEqual([]);
});

test("rooms are found from Home Assistant's areas and added with their devices' roles", async ({ page }) => {
  const { startHomeAssistantSimulator, light, mediaPlayer, switchEntity } = await import('../../main/simulators/homeAssistant/index.ts');
  const simulator = await startHomeAssistantSimulator({
    token: 'e2e-token',
    entities: [light('light.oak_ceiling'), light('light.oak_lamp'), mediaPlayer('media_player.oak_speaker'), mediaPlayer('media_player.oak_speaker_cast'), switchEntity('switch.oak_door_sign')],
    registries: {
      areas: [{ areaId: 'oak', name: 'Oak room' }],
      devices: [{ id: 'oak-speaker', name: 'Oak speaker', areaId: 'oak' }],
      entities: [
        { entityId: 'light.oak_ceiling', platform: 'hue', areaId: 'oak' },
        { entityId: 'light.oak_lamp', platform: 'hue', areaId: 'oak' },
        { entityId: 'media_player.oak_speaker', platform: 'sonos', deviceId: 'oak-speaker' },
        { entityId: 'media_player.oak_speaker_cast', platform: 'cast', deviceId: 'oak-speaker' },
        { entityId: 'switch.oak_door_sign', platform: 'shelly', areaId: 'oak' },
      ],
    },
  });
  const dir = tempDir('admin-rooms');
  const file = join(dir, 'office.yaml');
  writeFileSync(file, `${readFileSync(testOffice, 'utf8')}homeAssistant:\n  url: ${simulator.url}\n`);
  const dataDir = tempDir('admin-rooms-data');
  writeFileSync(join(dataDir, 'secrets.json'), JSON.stringify({ homeAssistantToken: 'e2e-token' }), { mode: 0o600 });
  const hub = await startHub(file, dataDir);
  try {
    await openAdmin(page, hub);
    // The saved connection is tried as the page opens.
    await expect(page.getByRole('region', { name: 'Connections' }).getByRole('status')).toHaveText(/^Connected to Home Assistant .+ at 127\.0\.0\.1; 2 lights, 2 speakers found\.$/);
    const rooms = page.getByRole('region', { name: 'Rooms' });
    await rooms.getByRole('button', { name: 'Find rooms in Home Assistant' }).click();
    const oak = rooms.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Oak room' }) });
    await expect(oak.getByLabel('light.oak_ceiling')).toHaveValue('ceiling');
    await expect(oak.getByLabel('light.oak_lamp')).toHaveValue('lamp');
    await expect(oak.getByLabel('Speaker')).toHaveValue('media_player.oak_speaker');
    await expect(oak.getByLabel('Speaker').getByRole('option')).toHaveCount(2);
    await oak.getByLabel(/Door sign/).selectOption('switch.oak_door_sign');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await oak.getByRole('button', { name: 'Add Oak room' }).click();
    await expect(page.locator('.admin-notice')).toHaveText('Oak room is added to the office file. Its lights and sound are in use after the hub restarts.');
    expect(readFileSync(file, 'utf8')).toContain('  - id: oak-room\n    name: Oak room\n    ambience:\n      lights:\n        ceiling: light.oak_ceiling\n        lamp: light.oak_lamp\n      speaker: media_player.oak_speaker\n      doorSign: switch.oak_door_sign\n');
  } finally {
    const exited = new Promise((resolve) => hub.process.once('exit', resolve));
    if (hub.process.kill('SIGTERM')) await exited;
    await simulator.close();
  }
});

test('kiosk settings saved in admin reach an open kiosk, and a PIN is set', async ({ writableHub, page, browser }) => {
  const kiosk = new KioskPage(page);
  await kiosk.open(writableHub);
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await openAdmin(admin, writableHub);
  const settings = admin.getByRole('region', { name: 'Settings and PINs' });
  await settings.getByLabel(/long wait after/).fill('5');
  await settings.getByRole('button', { name: 'Save the settings' }).click();
  await expect(settings.getByText('longer than the gentle one')).toBeVisible();
  await expect(settings.getByLabel(/long wait after/)).toHaveValue('5');
  await settings.getByLabel(/long wait after/).fill('25');
  await settings.getByLabel('The kiosk asks for the appointment time').uncheck();
  await settings.getByRole('button', { name: 'Save the settings' }).click();
  await expect(admin.getByRole('status')).toHaveText('The kiosk and desk settings are saved; open screens have them now.');
  // The open kiosk no longer asks for the time: after the clinician comes the comfort step.
  await kiosk.start();
  await kiosk.chooseClinician('Sam');
  await expect(page.getByRole('heading', { name: /comfortable/ })).toBeVisible();

  await settings.getByLabel(/Room screens PIN/).fill('135790');
  await settings.getByRole('button', { name: 'Set the room screens PIN' }).click();
  await expect(admin.getByRole('status')).toHaveText('The room screens PIN is set.');
  await expect(settings.getByLabel(/Room screens PIN \(set\)/)).toHaveValue('');
  expect(await seriousA11yViolations(admin)).toEqual([]);
  await adminContext.close();
});

test('the MQTT broker is tested live before saving, refused in words, and its password never shown again', async ({ writableHub, page, office }) => {
  const password = 'pw-e2e-7f3a-never-shown';
  const broker = await startMosquitto({ users: { stillroom: password } });
  try {
    await openAdmin(page, writableHub);
    const bus = page.getByRole('form', { name: 'Office bus (MQTT broker)' });
    await bus.getByLabel('Broker URL').fill(broker.url);
    await bus.getByLabel('This office on the broker').fill('willow-street');
    await bus.getByLabel('User name').fill('stillroom');
    await bus.getByLabel('Password').fill('not-the-password');
    await bus.getByRole('button', { name: 'Test the broker' }).click();
    await expect(bus.getByRole('alert')).toHaveText("The MQTT broker on 127.0.0.1 refused this user name or password. Check them in the broker's settings.");
    // Nothing typed is lost.
    await expect(bus.getByLabel('Broker URL')).toHaveValue(broker.url);
    await bus.getByLabel('Password').fill(password);
    await bus.getByRole('button', { name: 'Test the broker' }).click();
    await expect(bus.getByRole('status')).toHaveText(`Connected to the MQTT broker on 127.0.0.1, port ${broker.port}.`);
    await bus.getByRole('button', { name: 'Save the broker' }).click();
    await expect(page.getByText('The MQTT broker is saved. The hub uses it from its next start.')).toBeVisible();
    await expect(bus.getByText('Saved.')).toBeVisible();
    await expect(bus.getByRole('button', { name: 'Replace them' })).toBeVisible();
    expect(readFileSync(office, 'utf8')).toContain(`mqtt:\n  url: ${broker.url}\n  site: willow-street\n`);
    await page.reload();
    await page.getByRole('heading', { name: 'Clinicians' }).waitFor();
    expect(await page.content()).not.toContain(password);
    expect(readFileSync(office, 'utf8')).not.toContain(password);
  } finally {
    await broker.dispose();
  }
});

test('the demo office says how to set up one\'s own practice, and changes nothing', async ({ page }) => {
  const hub = await startHub(demoConfig);
  try {
    await openAdmin(page, hub);
    const banner = page.getByRole('note').filter({ hasText: 'This is the demo office' });
    await banner.getByText('Set up my own practice').click();
    await expect(banner).toContainText('stillroom serve --config ~/stillroom/office.yaml --data ~/stillroom/data');
    await expect(banner).toContainText('one-time setup code');
    await expect(page.getByRole('button', { name: 'Add a clinician' })).toBeDisabled();
    expect(await seriousA11yViolations(page)).toEqual([]);
  } finally {
    const exited = new Promise((resolve) => hub.process.once('exit', resolve));
    if (hub.process.kill('SIGTERM')) await exited;
  }
});
