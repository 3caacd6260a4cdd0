/**
 * Browser-test fixtures: each test file gets its own headless hub (`stillroom serve`) on a free
 * port with a fresh data folder, and helpers that speak the domain:
 * `kiosk.checkIn({ clinician: 'Sam' })`, `desk.expectWaiting(1)`, `room.applyPreset('Calm')`.
 * A spec file picks its office with `test.use({ office: roomOffice })`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { expect, type Page, type TestInfo } from '@playwright/test';
import { test as base } from '../support/playwrightTest.ts';
import { tempDir } from '../support/tempDir.ts';

export const deskPin = '2468';
const repoRoot = resolve(import.meta.dirname, '..', '..');
/** The default office: one room without devices, short kiosk times. */
export const testOffice = join(repoRoot, 'test', 'e2e', 'office.yaml');
/** The demo office's rooms, with devices in a simulated Home Assistant inside the hub. */
export const roomOffice = join(repoRoot, 'test', 'e2e', 'room-office.yaml');

export interface RunningHub {
  url: string;
  dataDir: string;
  process: ChildProcess;
}

/** Starts the real CLI and resolves once it prints the address it serves; `host` is `--host`. */
export function startHub(configPath = testOffice, dataDir = tempDir('e2e'), host?: string): Promise<RunningHub> {
  const child = spawn(process.execPath, [join(repoRoot, 'bin', 'stillroom.js'), 'serve', '--config', configPath, '--data', dataDir, '--port', '0', ...(host ? ['--host', host] : [])], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolvePromise, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /at (http:\/\/\S+)/.exec(output);
      if (match) resolvePromise({ url: match[1]!, dataDir, process: child });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`stillroom serve exited (${code}) before serving:\n${output}`)));
  });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe on the page and returns the serious and critical violations (expected: none). */
export async function seriousA11yViolations(page: Page): Promise<{ id: string; help: string; targets: string[] }[]> {
  await page.evaluate(axeSource);
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
}

/** Saves a full-page screenshot as a test artifact (attached to the report and kept in test-results). */
export async function saveScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

export class KioskPage {
  constructor(readonly page: Page) {}

  async open(hub: RunningHub) {
    await this.page.goto(`${hub.url}/kiosk`);
    await this.expectWelcome();
  }

  async expectWelcome() {
    await expect(this.page.getByRole('heading', { name: 'Welcome' })).toBeVisible();
  }

  async start() {
    await this.page.getByRole('button', { name: 'Check in' }).click();
    await expect(this.page.getByRole('heading', { name: 'Who are you here to see?' })).toBeVisible();
  }

  async chooseClinician(name: string) {
    await this.page.getByRole('button', { name, exact: true }).click();
  }

  async chooseSlot(label: RegExp | string) {
    await expect(this.page.getByRole('heading', { name: 'When is your appointment?' })).toBeVisible();
    await this.page.getByRole('button', { name: label }).click();
  }

  async chooseWishes(wishes: string[]) {
    await expect(this.page.getByRole('heading', { name: /comfortable/ })).toBeVisible();
    for (const wish of wishes) await this.page.getByRole('button', { name: wish }).click();
    await this.page.getByRole('button', { name: wishes.length > 0 ? 'Check in' : 'No preference, check in' }).click();
  }

  /** The whole flow a client taps through. */
  async checkIn({ clinician, slot = 'Later today', wishes = [] }: { clinician: string; slot?: RegExp | string; wishes?: string[] }) {
    await this.start();
    await this.chooseClinician(clinician);
    await this.chooseSlot(slot);
    await this.chooseWishes(wishes);
  }

  async expectConfirmation(told: string) {
    await expect(this.page.getByRole('heading', { name: "Thank you, you're checked in." })).toBeVisible();
    await expect(this.page.getByText(`We've let ${told} know you're here.`)).toBeVisible();
  }
}

export class DeskPage {
  constructor(readonly page: Page) {}

  async open(hub: RunningHub) {
    await this.page.goto(`${hub.url}/desk`);
  }

  async signIn(pin = deskPin) {
    await this.page.getByLabel('Staff PIN').fill(pin);
    await this.page.getByRole('button', { name: 'Open the board' }).click();
  }

  async openSignedIn(hub: RunningHub) {
    await this.open(hub);
    await this.signIn();
    await expect(this.page.getByRole('heading', { name: /Practice/ })).toBeVisible();
  }

  rows() {
    return this.page.locator('tr.arrival');
  }

  rowFor(clinician: string) {
    return this.rows().filter({ hasText: clinician });
  }

  async expectWaiting(count: number) {
    await expect(this.page.getByTestId('count-waiting')).toHaveText(String(count));
  }

  async expectSeen(count: number) {
    await expect(this.page.getByTestId('count-seen')).toHaveText(String(count));
  }

  /** The room's card at the top of the board (a link to the room's screen). */
  roomCard(name: string) {
    return this.page.getByRole('list', { name: 'Rooms' }).getByRole('link').filter({ hasText: name });
  }

  /** The quiet line about Home Assistant, MQTT, notifications and the kiosk screen. */
  healthStrip() {
    return this.page.getByRole('region', { name: 'Office systems' });
  }

  /** The gentle banners for arrivals nobody acknowledged while their clinician was in session. */
  alerts() {
    return this.page.getByRole('region', { name: 'Needs a look' });
  }

  /** "More" → "Wipe today…" → the plain-words confirmation → "Yes, wipe today". */
  async wipeToday() {
    await this.page.getByRole('button', { name: 'More' }).click();
    await this.page.getByRole('button', { name: 'Wipe today…' }).click();
    await expect(this.page.getByText('This deletes every arrival of today, now, for good. Counts are not kept.')).toBeVisible();
    await this.page.getByRole('button', { name: 'Yes, wipe today' }).click();
  }
}

/** The therapist's room screen: `room.applyPreset('Calm')`, `room.expectLight('Willow Floor Lamp', { on: true, brightness: 35 })`. */
export class RoomPage {
  constructor(readonly page: Page) {}

  /** Opens the room's screen, signing in with the staff PIN when it asks. */
  async open(hub: RunningHub, roomId: string) {
    await this.page.goto(`${hub.url}/room/${roomId}`);
    const pin = this.page.getByLabel('Staff PIN');
    const heading = this.page.getByRole('heading', { level: 1 });
    await expect(pin.or(heading).first()).toBeVisible();
    if (await pin.isVisible()) {
      await pin.fill(deskPin);
      await this.page.getByRole('button', { name: 'Open the room' }).click();
    }
    await expect(this.page.getByRole('link', { name: 'All rooms' })).toBeVisible();
  }

  /** A preset's card; its accessible name is its name followed by its one-line description. */
  presetCard(name: string) {
    return this.page.getByRole('region', { name: 'Presets' }).getByRole('button', { name: new RegExp(`^${name}(\\s|$)`) });
  }

  async applyPreset(name: string) {
    await this.presetCard(name).click();
    await expect(this.presetCard(name)).toHaveAttribute('aria-pressed', 'true');
  }

  /** The line under the room's name: "Calm", "Calm, adjusted" or "No preset yet". */
  async expectPreset(words: string) {
    await expect(this.page.getByTestId('room-preset')).toHaveText(words);
  }

  device(name: string) {
    return this.page.getByRole('region', { name: 'The room now' }).getByRole('listitem').filter({ has: this.page.getByText(name, { exact: true }) });
  }

  /** A light in the room's picture, as its words say it: "Off" or "On, 35 %". */
  async expectLight(name: string, { on, brightness }: { on: boolean; brightness?: number }) {
    const words = !on ? 'Off' : brightness === undefined ? /^On/ : `On, ${brightness} %`;
    await expect(this.device(name).locator('.scene-state')).toHaveText(words);
  }

  async expectDoorSign(name: string, lit: boolean) {
    await expect(this.device(name).locator('.scene-state')).toHaveText(lit ? /^Lit/ : 'Off');
  }

  async startSession() {
    await this.page.getByRole('button', { name: 'Start session' }).click();
    await expect(this.page.getByRole('button', { name: 'End session' })).toBeVisible();
  }

  async endSession() {
    await this.page.getByRole('button', { name: 'End session' }).click();
    await expect(this.page.getByRole('button', { name: 'Start session' })).toBeVisible();
  }

  async expectInSession(inSession: boolean) {
    await expect(this.page.locator('.room-header').getByText('In session', { exact: true })).toHaveCount(inSession ? 1 : 0);
  }

  /** "Waiting for you": today's waiting clients of the clinicians who work in this room. */
  waitingForYou() {
    return this.page.getByRole('region', { name: 'Waiting for you' });
  }

  /** The clinician's "On my way" for the only (or first) client waiting. */
  async sayOnMyWay() {
    await this.waitingForYou().getByRole('button', { name: 'On my way' }).first().click();
    await expect(this.waitingForYou().getByText('On the way', { exact: true }).first()).toBeVisible();
  }

  slider(name: 'Brightness' | 'Volume') {
    return this.page.getByRole('slider', { name });
  }

  /** Moves a fine-tune slider and lets go, as a finger would. */
  async setBrightness(percent: number) {
    await this.slider('Brightness').fill(String(percent));
  }
}

/** Every test gets a fresh office: its own hub process and data folder. */
export const test = base.extend<{ office: string; hub: RunningHub; kiosk: KioskPage; desk: DeskPage; room: RoomPage }>({
  office: [testOffice, { option: true }],
  hub: async ({ office }, use) => {
    const hub = await startHub(office);
    await use(hub);
    // Wait for the hub to close its database before the next test starts or its folder goes.
    const exited = new Promise((resolve) => hub.process.once('exit', resolve));
    if (hub.process.exitCode === null && hub.process.signalCode === null && hub.process.kill('SIGTERM')) await exited;
  },
  kiosk: async ({ page }, use) => use(new KioskPage(page)),
  room: async ({ page }, use) => use(new RoomPage(page)),
  desk: async ({ browser }, use) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await use(new DeskPage(page));
    await context.close();
  },
});

export { expect };
