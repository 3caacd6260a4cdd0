/**
 * The first-run story in real Chromium against the simulated Home Assistant: from an office
 * file that does not exist, `stillroom serve` starts a new office and prints its setup code; the
 * guided setup at /admin names the practice, connects Home Assistant, makes two rooms from its
 * areas (and restarts the hub to take them up), adds three clinicians with their phones and lamps,
 * and sets the PINs. A check-in on the kiosk then glows the right room's lamp and pushes to the
 * right phone (the simulator's recorded calls). The test counts the screens and clicks it took and
 * prints them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { light, mediaPlayer, startHomeAssistantSimulator, switchEntity } from '../../main/simulators/homeAssistant/index.ts';
import { serveFromCli, type HubProcess } from '../integration/support/hubProcess.ts';
import { setupCode } from '../integration/support/setupCode.ts';
import { tempDir } from '../support/tempDir.ts';
import { expect, KioskPage, seriousA11yViolations, test } from './fixtures.ts';

/** Counts what a person does: each new screen (heading) seen, each click, each field typed into. */
class Tally {
  readonly screens: string[] = [];
  clicks = 0;
  fields = 0;
  constructor(readonly page: Page) {}
  async screen(name: string | RegExp, level = 2) {
    const heading = this.page.getByRole('heading', { name, level });
    await expect(heading).toBeVisible();
    this.screens.push((await heading.innerText()).trim());
  }
  async click(target: Locator) {
    this.clicks += 1;
    await target.click();
  }
  async check(target: Locator) {
    this.clicks += 1;
    await target.check();
  }
  async select(target: Locator, value: string) {
    this.clicks += 1;
    await target.selectOption(value);
  }
  async fill(target: Locator, text: string) {
    this.fields += 1;
    await target.fill(text);
  }
}

const token = 'first-run-token';
const lamp = (entityId: string) => light(entityId, { supportedColorModes: ['hs', 'color_temp'] });

test('from no office file to a check-in that glows the right lamp and reaches the right phone, by the guided setup', async ({ page }) => {
  // Two restarts of the hub, three clinician forms and a whole kiosk visit: on the loaded 2-core machine this outgrows 30 s.
  test.slow();
  // Two areas, each with a ceiling light, a lamp and a speaker (Willow also a door sign), and three phones.
  const areaDevices = { oak: ['light.oak_ceiling', 'light.oak_lamp', 'media_player.oak_speaker'], willow: ['light.willow_ceiling', 'light.willow_lamp', 'media_player.willow_speaker', 'switch.willow_door_sign'] };
  const seed = (entityId: string) => (entityId.startsWith('light.') ? lamp(entityId) : entityId.startsWith('switch.') ? switchEntity(entityId) : mediaPlayer(entityId));
  const platform = { light: 'hue', media_player: 'sonos', switch: 'shelly' } as Record<string, string>;
  const home = await startHomeAssistantSimulator({
    token,
    entities: Object.values(areaDevices).flat().map(seed),
    notifyServices: ['mobile_app_ana_phone', 'mobile_app_ben_phone', 'mobile_app_cleo_phone'],
    registries: {
      areas: [{ areaId: 'oak', name: 'Oak room' }, { areaId: 'willow', name: 'Willow room' }],
      devices: [],
      entities: Object.entries(areaDevices).flatMap(([areaId, ids]) => ids.map((entityId) => ({ entityId, platform: platform[entityId.split('.')[0]!]!, areaId }))),
    },
  });
  const dataDir = tempDir('first-run-data');
  const configPath = join(tempDir('first-run-office'), 'practice', 'office.yaml');
  expect(existsSync(configPath)).toBe(false);
  let hub: HubProcess | undefined;
  try {
    hub = await serveFromCli(dataDir, { configPath });
    const code = await setupCode(hub);
    const you = new Tally(page);

    // The setup code from the terminal opens /admin, on the guide.
    await page.goto(`${hub.url}/admin`);
    await you.screen('Office setup', 1);
    await you.fill(page.getByLabel('Staff PIN'), code);
    await you.click(page.getByRole('button', { name: 'Open the setup' }));

    // 1. The practice's name.
    await you.screen('Your practice');
    await expect(page.getByText('Step 1 of 6')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Your practice' })).toBeFocused();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await you.fill(page.getByLabel('The practice’s name'), 'Willow Street Therapy');
    await you.click(page.getByRole('button', { name: 'Save and go on' }));

    // 2. Home Assistant, tested live as it is saved.
    await you.screen('Connect Home Assistant');
    await expect(page.getByText('Step 2 of 6')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Connect Home Assistant' })).toBeFocused();
    await you.fill(page.getByLabel('Address'), home.url);
    await you.fill(page.getByLabel('Long-lived access token'), token);
    await you.click(page.getByRole('button', { name: 'Save', exact: true }));
    await expect(page.getByRole('status')).toHaveText('Home Assistant is connected and saved. Next, its areas become rooms.');
    await you.click(page.getByRole('button', { name: 'Next' }));

    // 3. Rooms from the areas; the starter room goes; the hub restarts to take them up.
    await you.screen('Rooms');
    await you.click(page.getByRole('button', { name: 'Find rooms in Home Assistant' }));
    const areas = page.getByRole('list', { name: 'Areas in Home Assistant' });
    await you.click(areas.getByRole('button', { name: 'Add Oak room' }));
    await expect(page.getByRole('status')).toContainText('Oak room is added');
    await you.click(areas.getByRole('button', { name: 'Add Willow room' }));
    await expect(page.getByRole('status')).toContainText('Willow room is added');
    await you.click(page.getByRole('button', { name: 'Remove First room' }));
    await expect(page.getByRole('status')).toContainText('First room is taken out');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await you.click(page.getByRole('button', { name: 'Restart the hub now' }));
    await expect(page.getByRole('status')).toHaveText('The hub restarted: the saved rooms and connections are in use now.', { timeout: 30_000 });
    await expect(page.getByRole('list', { name: 'Rooms in the office file' }).getByRole('listitem')).toHaveText([/^Oak room/, /^Willow room/]);
    await you.click(page.getByRole('button', { name: 'Next' }));

    // 4. Three clinicians: the starter one renamed, two added, each with a room, phone and lamp.
    await you.screen('Clinicians');
    const clinician = async (name: string, room: string, phone: string, cue: string) => {
      await you.fill(page.getByLabel('Name on the kiosk'), name);
      await you.select(page.getByLabel('Room', { exact: true }), room);
      await you.fill(page.getByLabel(/Push to their phone/), phone);
      await you.select(page.getByLabel('A soft light cue in their room'), cue);
      // Every day, so the tiles are on the kiosk whatever day the test runs.
      for (const day of ['Saturday', 'Sunday']) await you.check(page.getByRole('checkbox', { name: day }));
    };
    await you.click(page.getByRole('button', { name: 'Edit First clinician' }));
    await clinician('Ana', 'oak-room', 'mobile_app_ana_phone', 'light.oak_lamp');
    await you.click(page.getByRole('button', { name: 'Save', exact: true }));
    await expect(page.getByRole('status')).toHaveText('Ana is saved.');
    await you.click(page.getByRole('button', { name: 'Add a clinician' }));
    await clinician('Ben', 'willow-room', 'mobile_app_ben_phone', 'light.willow_lamp');
    await you.click(page.getByRole('button', { name: 'Add to the kiosk' }));
    await expect(page.getByRole('status')).toHaveText('Ben is added: their tile is on the kiosk now.');
    await you.click(page.getByRole('button', { name: 'Add a clinician' }));
    await clinician('Cleo', 'oak-room', 'mobile_app_cleo_phone', 'light.oak_ceiling');
    await you.click(page.getByRole('button', { name: 'Add to the kiosk' }));
    await expect(page.getByRole('status')).toHaveText('Cleo is added: their tile is on the kiosk now.');
    await you.click(page.getByRole('button', { name: 'Next' }));

    // 5. The PINs, together; the setup code stops working, so the new PIN is asked for.
    await you.screen('PINs');
    await expect(page.getByRole('button', { name: 'Next' })).toHaveCount(0);
    await you.fill(page.getByLabel('Front desk PIN'), '482913');
    await you.fill(page.getByLabel(/^Admin PIN/), '975310');
    await you.click(page.getByRole('button', { name: 'Set the PINs' }));
    await you.screen('Office setup', 1);
    await expect(page.getByText('to go on with the setup')).toBeVisible();
    await you.fill(page.getByLabel('Staff PIN'), '975310');
    await you.click(page.getByRole('button', { name: 'Open the setup' }));

    // 6. The kiosk's options, with a preview of its tiles.
    await you.screen('The kiosk');
    await expect(page.getByText('Step 6 of 6')).toBeVisible();
    const preview = page.getByRole('figure', { name: 'Preview of the kiosk' });
    await expect(preview).toContainText('Welcome to Willow Street Therapy');
    await expect(preview.getByRole('listitem')).toHaveText(['Ana', 'Ben', 'Cleo']);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await you.click(page.getByRole('button', { name: 'Finish' }));

    await you.screen('All set');
    await expect(page.getByText('2 rooms: Oak room, Willow room')).toBeVisible();
    await expect(page.getByText('3 clinicians: Ana, Ben, Cleo')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Restart the hub now' })).toHaveCount(0);
    expect(await seriousA11yViolations(page)).toEqual([]);

    const file = readFileSync(configPath, 'utf8');
    expect(file).toContain('name: Willow Street Therapy');
    expect(file).not.toContain('first-room');
    expect(file).not.toContain(token);
    expect(file).toMatch(/adminPinHash: /);
    console.log(`first-run setup: ${you.screens.length} screens (${you.screens.join(' → ')}), ${you.clicks} clicks, ${you.fields} fields typed into`);

    // The kiosk: a client checks in for Ana; Ana's phone hears and the Oak room's lamp glows.
    await page.getByRole('link', { name: 'Open the kiosk' }).click();
    const kiosk = new KioskPage(page);
    await kiosk.expectWelcome();
    await expect(page.getByText('Willow Street Therapy').first()).toBeVisible();
    const callsBefore = home.serviceCalls.length;
    await kiosk.checkIn({ clinician: 'Ana' });
    await kiosk.expectConfirmation('Ana');
    await expect.poll(() => home.notifications.map((each) => each.service)).toContain('mobile_app_ana_phone');
    expect(home.notifications.map((each) => each.service)).not.toContain('mobile_app_ben_phone');
    expect(home.notifications.map((each) => each.service)).not.toContain('mobile_app_cleo_phone');
    const lit = () => home.serviceCalls.slice(callsBefore).filter((call) => call.domain === 'light' && call.service === 'turn_on').map((call) => JSON.stringify(call.target ?? call.service_data));
    await expect.poll(lit).toContainEqual(expect.stringContaining('light.oak_lamp'));
    expect(lit().some((target) => target.includes('light.willow_lamp') || target.includes('light.oak_ceiling'))).toBe(false);

    // With a PIN set, /admin opens on its sections; the guide is the setup checklist now.
    await page.goto(`${hub.url}/admin`);
    await expect(page.getByRole('heading', { name: 'Clinicians', level: 2 })).toBeVisible();
    await page.getByRole('link', { name: 'Setup checklist' }).click();
    await expect(page.getByText('Step 1 of 6')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Your practice' })).toBeFocused();
  } finally {
    await hub?.kill('SIGTERM');
    await home.close();
  }
});

test('the guide goes by keyboard alone: each step says where it is, Back goes back, and every step but the PINs may be skipped', async ({ page }) => {
  const dataDir = tempDir('first-run-keys');
  const hub = await serveFromCli(dataDir, { configPath: join(dataDir, 'office.yaml') });
  try {
    const code = await setupCode(hub);
    await page.goto(`${hub.url}/admin`);
    await page.getByLabel('Staff PIN').fill(code);
    await page.keyboard.press('Enter');
    const titles = ['Your practice', 'Connect Home Assistant', 'Rooms', 'Clinicians', 'PINs'];
    for (const [index, title] of titles.entries()) {
      await expect(page.getByText(`Step ${index + 1} of 6`)).toBeVisible();
      await expect(page.getByRole('heading', { name: title, level: 2 })).toBeFocused();
      await expect(page.getByRole('navigation', { name: 'Setup steps' }).getByRole('listitem').nth(index)).toHaveAttribute('aria-current', 'step');
      if (title === 'PINs') break;
      // Skipped with the keyboard: Next is the last button on the page.
      await page.getByRole('button', { name: 'Next' }).focus();
      await page.keyboard.press('Enter');
    }
    // A new office cannot leave the PINs step without them; Back still goes back, and the page says nothing in code.
    await expect(page.getByRole('button', { name: 'Next' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Back' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Clinicians', level: 2 })).toBeFocused();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('Front desk PIN').fill('12');
    await page.getByRole('button', { name: 'Set the PINs' }).click();
    await expect(page.getByRole('alert')).toHaveText('Front desk PIN: a PIN is 4 to 12 digits; 6 or more are recommended.');
    await expect(page.getByLabel('Front desk PIN')).toBeFocused();
    await expect(page.getByLabel('Front desk PIN')).toHaveValue('12');
    // The starter practice and clinician are still there, as the file says.
    await page.reload();
    await expect(page.getByRole('heading', { name: 'PINs', level: 2 })).toBeFocused();
    expect(await seriousA11yViolations(page)).toEqual([]);
  } finally {
    await hub.kill('SIGTERM');
  }
});
