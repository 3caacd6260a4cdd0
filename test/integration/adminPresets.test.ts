/**
 * The practice's presets from the admin page (issue 11): its own are renamed, described and
 * deleted in their YAML files (comments kept), Stillroom's own are refused deletion but can be
 * hidden from the room screens (the office file's `presets.hidden`), a name the preset schema
 * refuses is refused in words with nothing written, and an open room screen follows each change.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminPresets, LiveServerMessage, RoomView } from '../../main/contract/contract.ts';
import { createHub, type Hub } from '../../main/hub/hub.ts';
import { silentLog } from '../../main/hub/log.ts';
import { startHttpTransport, type HttpTransport } from '../../main/hub/transport/httpTransport.ts';
import { deskAt, demoConfig, demoPin, LiveSocket, newDataDir, repoRoot } from './support/hubClient.ts';

const ownPreset = `# Made for the late sessions in winter; keep the lamp low.
name: Soft evening
description: Saved in the Willow room, from Calm as it was adjusted there.
swatch: '#d9a46c'
# Slow, so nobody notices the change.
transitionSeconds: 12
lights:
  all: { on: false }
  lamp: { on: true, brightness: 20, kelvin: 2400 }
sound: none
session:
  doorSign: true
  masking: true
`;
const details = { name: 'Late evening', description: 'Low lamp for the last session of the day.', swatch: '#b0855a', transitionSeconds: 20, session: { doorSign: true, masking: false } };
const comments = (text: string) => text.split('\n').filter((line) => line.includes('#') && !line.startsWith('swatch')).map((line) => line.trim());

let hub: Hub;
let http: HttpTransport;
let officeFile: string;
let ownFile: string;
let builtIn: string;
let admin: ReturnType<typeof deskAt>;

beforeAll(async () => {
  const dataDir = newDataDir();
  officeFile = join(dataDir, 'office.yaml');
  writeFileSync(officeFile, readFileSync(demoConfig, 'utf8'));
  mkdirSync(join(dataDir, 'presets'));
  ownFile = join(dataDir, 'presets', 'soft-evening.yaml');
  writeFileSync(ownFile, ownPreset);
  // Stillroom's own, copied: a hub that wrongly deleted one must not take it from the checkout.
  builtIn = join(dataDir, 'built-in');
  cpSync(join(repoRoot, 'presets'), builtIn, { recursive: true });
  hub = await createHub({ configPath: officeFile, dataDir, rendererDir: join(dataDir, 'none'), presetsDir: builtIn, log: silentLog, env: {} });
  http = await startHttpTransport(hub, { port: 0 });
  admin = deskAt(http.url);
  await admin.login(demoPin);
});
afterAll(async () => {
  await http.close();
  await hub.close();
});

const presetList = async () => (await admin.call<AdminPresets>('adminPresets', {})).body as { ok: true; value: AdminPresets };
const roomPresets = async () => ((await admin.call<RoomView>('roomView', { roomId: 'willow' })).body as { ok: true; value: RoomView }).value.presets.map((card) => card.name);

/** A room screen's live feed: resolves with the Willow room's preset names once `until` holds for them. */
async function roomScreenSees(until: (names: string[]) => boolean): Promise<() => Promise<string[]>> {
  const socket = await LiveSocket.open(http.url, admin.cookie());
  socket.send({ type: 'subscribe', topic: 'rooms' });
  expect((await socket.next()).type).toBe('subscribed');
  return async () => {
    try {
      for (;;) {
        const message: LiveServerMessage = await socket.next();
        if (message.type !== 'event' || message.event.type !== 'room' || message.event.room.id !== 'willow') continue;
        const names = message.event.room.presets.map((card) => card.name);
        if (until(names)) return names;
      }
    } finally {
      socket.close();
    }
  };
}

describe("the practice's own presets", () => {
  it('are listed as its own beside Stillroom’s, which are not', async () => {
    const { value } = await presetList();
    expect(value.presets.find((preset) => preset.id === 'soft-evening')).toMatchObject({ name: 'Soft evening', own: true, hidden: false });
    expect(value.presets.find((preset) => preset.id === 'calm')).toMatchObject({ name: 'Calm', own: false, hidden: false });
  });

  it('a broken name is refused in words naming the field, and the file is left as it was', async () => {
    for (const [name, words] of [
      ['   ', 'The preset was not saved. name: give the preset a name, such as "Soft evening".'],
      ['Evening\nlate', 'The preset was not saved. name: keep the name to one line, without < or >.'],
      ['A name far longer than any room card could show', 'The preset was not saved. name: keep the name to 40 characters.'],
      ['calm', 'There is already a preset called “Calm”. Choose another name.'],
    ]) {
      const refused = await admin.call('savePreset', { presetId: 'soft-evening', ...details, name });
      expect(refused.body).toEqual({ ok: false, error: { code: expect.any(String), message: words } });
    }
    const badSwatch = await admin.call('savePreset', { presetId: 'soft-evening', ...details, swatch: 'amber', transitionSeconds: 900 });
    expect(badSwatch.body).toEqual({ ok: false, error: { code: 'invalid-input', message: 'The preset was not saved. swatch: expected a colour such as #f2c48d; transitionSeconds: must be at most 600.' } });
    expect(readFileSync(ownFile, 'utf8')).toBe(ownPreset);
  });

  it('is renamed, described, recoloured and given a new fade and session in its own file, comments kept; an open room screen has the new name', async () => {
    const screen = await roomScreenSees((names) => names.includes('Late evening'));
    const saved = await admin.call<AdminPresets>('savePreset', { presetId: 'soft-evening', ...details });
    expect(saved.status).toBe(200);
    expect((saved.body as { ok: true; value: AdminPresets }).value.presets.find((preset) => preset.id === 'soft-evening')).toMatchObject({ ...details, own: true });
    const written = readFileSync(ownFile, 'utf8');
    expect(comments(written)).toEqual(comments(ownPreset));
    expect(written).toContain('name: Late evening\n');
    expect(written).toContain('transitionSeconds: 20\n');
    // The lights the admin did not touch stay as written, flow maps and all.
    expect(written).toContain('  lamp: { on: true, brightness: 20, kelvin: 2400 }\n');
    expect(readFileSync(`${ownFile}.previous`, 'utf8')).toBe(ownPreset);
    const names = await screen();
    expect(names).not.toContain('Soft evening');
    expect(await roomPresets()).toContain('Late evening');
  });

  it('is deleted: gone from the list and the room screens, its file kept beside as .previous', async () => {
    const screen = await roomScreenSees((names) => !names.includes('Late evening'));
    const deleted = await admin.call<AdminPresets>('deletePreset', { presetId: 'soft-evening' });
    expect(deleted.status).toBe(200);
    expect((deleted.body as { ok: true; value: AdminPresets }).value.presets.map((preset) => preset.id)).not.toContain('soft-evening');
    expect(existsSync(ownFile)).toBe(false);
    expect(readFileSync(`${ownFile}.previous`, 'utf8')).toContain('name: Late evening');
    await screen();
    expect(await roomPresets()).not.toContain('Late evening');
  });
});

describe("Stillroom's own presets", () => {
  it('cannot be deleted or changed: refused in words, nothing written', async () => {
    const office = readFileSync(officeFile, 'utf8');
    expect((await admin.call('deletePreset', { presetId: 'calm' })).body).toEqual({ ok: false, error: { code: 'not-allowed', message: '“Calm” is one of Stillroom’s own presets: it cannot be deleted, but it can be hidden from the room screens.' } });
    expect((await admin.call('savePreset', { presetId: 'calm', ...details })).body).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    expect(readFileSync(join(builtIn, 'calm.yaml'), 'utf8')).toContain('name: Calm');
    expect(readFileSync(officeFile, 'utf8')).toBe(office);
    expect(await roomPresets()).toContain('Calm');
  });

  it('hidden: off the room screens at once, listed in the office file with its comments kept, and shown again', async () => {
    const before = readFileSync(officeFile, 'utf8');
    const screen = await roomScreenSees((names) => !names.includes('Focus'));
    const hidden = await admin.call<AdminPresets>('hidePreset', { presetId: 'focus', hidden: true });
    expect((hidden.body as { ok: true; value: AdminPresets }).value.presets.find((preset) => preset.id === 'focus')).toMatchObject({ hidden: true, own: false });
    expect(await screen()).toContain('Calm');
    expect(await roomPresets()).not.toContain('Focus');
    const written = readFileSync(officeFile, 'utf8');
    expect(written).toMatch(/\npresets:\n {2}hidden: \[ ?focus ?\]\n/);
    const lines = (text: string) => text.split('\n').filter((line) => line.includes('#'));
    expect(lines(written)).toEqual(lines(before));
    // Nothing waits for a restart: the list is live.
    expect((await admin.call<{ restartNeededFor: string[] }>('adminOffice', {})).body).toMatchObject({ ok: true, value: { restartNeededFor: [] } });

    const again = await roomScreenSees((names) => names.includes('Focus'));
    expect((await admin.call('hidePreset', { presetId: 'focus', hidden: false })).status).toBe(200);
    await again();
    expect(readFileSync(officeFile, 'utf8')).toBe(before);
  });
});
