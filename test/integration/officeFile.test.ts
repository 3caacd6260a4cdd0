/**
 * The office file stays the source of truth: an admin change is written back into it keeping the
 * demo file's every comment, a bad change is refused naming the field, a crash between writing
 * and renaming leaves a valid file, and a hand edit with a mistake keeps the running version and
 * tells admin where the mistake is. A real hub over real HTTP and WebSocket.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AdminClinician, AdminOffice, KioskSetup } from '../../main/contract/contract.ts';
import { parseOfficeConfig } from '../../main/hub/config/loadConfig.ts';
import { openOfficeFile, previousName } from '../../main/hub/config/officeFile.ts';
import { createHub, type Hub } from '../../main/hub/hub.ts';
import { silentLog } from '../../main/hub/log.ts';
import { startHttpTransport, type HttpTransport } from '../../main/hub/transport/httpTransport.ts';
import { deskAt, demoConfig, demoPin, kioskAt, LiveSocket, newDataDir, repoRoot } from './support/hubClient.ts';

const ash: AdminClinician = { id: 'ash', displayName: 'Ash', colour: 'moss', symbol: 'sun', room: 'cedar', days: ['mon', 'tue'], push: 'mobile_app_ashs_phone', cueLight: 'light.cedar_lamp', escalateAfterMinutes: 5 };

/** The demo office in a folder of its own, without its simulated Home Assistant (not needed here). */
function officeCopy(): { dataDir: string; file: string; original: string } {
  const dataDir = newDataDir();
  const file = join(dataDir, 'office.yaml');
  const original = readFileSync(demoConfig, 'utf8').replace('  simulated: true\n', '  url: http://127.0.0.1:9\n');
  writeFileSync(file, original);
  return { dataDir, file, original };
}

let hub: Hub | undefined;
let http: HttpTransport | undefined;
afterEach(async () => {
  await http?.close();
  await hub?.close();
  hub = undefined;
  http = undefined;
});

async function startOn(dataDir: string, file: string) {
  hub = await createHub({ configPath: file, dataDir, rendererDir: join(dataDir, 'none'), log: silentLog, env: {} });
  http = await startHttpTransport(hub, { port: 0 });
  const admin = deskAt(http.url);
  expect((await admin.login(demoPin)).status).toBe(200);
  return { admin, kiosk: kioskAt(http.url), url: http.url };
}

const comments = (text: string) => text.split('\n').filter((line) => line.trim().startsWith('#') || / #/.test(line)).map((line) => line.trim());

async function kioskFollows(url: string) {
  const socket = await LiveSocket.open(url);
  socket.send({ type: 'subscribe', topic: 'office' });
  expect(await socket.next()).toEqual({ type: 'subscribed', topic: 'office' });
  return socket;
}

describe('the office file after an admin change', () => {
  it('keeps every comment of the demo file, keeps the previous version, and the kiosk follows without a restart', async () => {
    const { dataDir, file, original } = officeCopy();
    const { admin, kiosk, url } = await startOn(dataDir, file);
    const live = await kioskFollows(url);

    const added = await admin.call<AdminOffice>('saveClinician', { clinician: ash, isNew: true });
    expect(added.status).toBe(200);
    expect(await live.next()).toEqual({ type: 'event', topic: 'office', event: { type: 'office' } });
    const noor = (added.body.ok ? added.body.value.clinicians : []).find((clinician) => clinician.id === 'noor')!;
    expect((await admin.call('saveClinician', { clinician: { ...noor, displayName: 'Noor A.', colour: 'dusk' }, isNew: false })).status).toBe(200);

    const written = readFileSync(file, 'utf8');
    expect(comments(written)).toEqual(comments(original));
    // Only what was changed changed: the diff is Noor's two fields and Ash's lines at the end of the list.
    const removed = original.split('\n').filter((line) => !written.split('\n').includes(line));
    expect(removed.map((line) => line.trim())).toEqual(['displayName: Noor', 'colour: sky']);
    expect(written).toContain('    displayName: Noor A.\n    colour: dusk\n');
    expect(written).toContain('  - id: ash\n    displayName: Ash\n    colour: moss\n    symbol: sun\n    room: cedar\n');
    expect(readFileSync(previousName(file), 'utf8')).toContain('displayName: Ash');
    expect(parseOfficeConfig(written, file).clinicians.map((clinician) => clinician.id)).toEqual(['sam', 'noor', 'jules', 'ana', 'ash']);

    // The kiosk reads the new tiles (when the day is one of Ash's) without any restart.
    const setup = (await kiosk.setup()).body as { ok: true; value: KioskSetup };
    expect(setup.value.clinicians.find((tile) => tile.id === 'noor')).toMatchObject({ displayName: 'Noor A.', colour: 'dusk' });
    const working = hub!.config.clinicians.find((clinician) => clinician.id === 'ash');
    expect(working?.notify).toEqual({ bus: true, event: false, push: { service: 'mobile_app_ashs_phone' }, cue: { light: 'light.cedar_lamp', seconds: 20 }, escalateAfterMinutes: 5 });

    const retired = await admin.call<AdminOffice>('retireClinician', { clinicianId: 'ash' });
    expect(retired.status).toBe(200);
    expect(comments(readFileSync(file, 'utf8'))).toEqual(comments(original));
    expect(readFileSync(file, 'utf8')).toBe(original.replace('displayName: Noor\n    colour: sky', 'displayName: Noor A.\n    colour: dusk'));
    live.close();
  });

  it('refuses an invalid change with a message naming the field, and writes nothing', async () => {
    const { dataDir, file, original } = officeCopy();
    const { admin } = await startOn(dataDir, file);
    const unknownRoom = await admin.call('saveClinician', { clinician: { ...ash, room: 'attic' }, isNew: true });
    expect(unknownRoom.status).toBe(400);
    expect(unknownRoom.body).toEqual({ ok: false, error: { code: 'invalid-input', message: 'clinicians[4].room: no room has the id "attic"' } });
    const takenId = await admin.call('saveClinician', { clinician: { ...ash, id: 'sam' }, isNew: true });
    expect(takenId.body).toMatchObject({ ok: false, error: { code: 'conflict', message: 'The id "sam" is already used by another clinician; choose another.' } });
    const badColour = await admin.call('saveClinician', { clinician: { ...ash, colour: 'purple' }, isNew: true });
    expect(badColour.body).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(JSON.stringify(badColour.body)).toContain('clinician.colour: expected one of sage');
    expect(readFileSync(file, 'utf8')).toBe(original);
    expect(existsSync(previousName(file))).toBe(false);
  });
});

describe('a crash between writing and renaming', () => {
  it('leaves the office file as it was and valid; the half-done version is cleared on the next start', () => {
    const { file, original } = officeCopy();
    const crashed = spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'test/integration/support/crashMidWrite.ts'), file], { cwd: repoRoot, encoding: 'utf8', timeout: 20_000 });
    expect(crashed.signal).toBe('SIGKILL');
    expect(crashed.stdout).toContain('written, not renamed');
    expect(readFileSync(file, 'utf8')).toBe(original);
    expect(() => parseOfficeConfig(readFileSync(file, 'utf8'), file)).not.toThrow();
    const leftover = join(file, '..', '.office.yaml.writing');
    expect(readFileSync(leftover, 'utf8')).toContain('id: ash');
    openOfficeFile(file, { log: silentLog }).close();
    expect(existsSync(leftover)).toBe(false);
  });
});

describe('a hand edit while the hub runs', () => {
  it('with a mistake keeps the running version and tells admin the line; once fixed, it is taken up', async () => {
    const { dataDir, file, original } = officeCopy();
    const { admin, kiosk, url } = await startOn(dataDir, file);
    const live = await kioskFollows(url);

    const mistake = original.replace('    colour: sky\n', '    colour: purple\n');
    writeFileSync(file, mistake);
    expect(await live.next()).toMatchObject({ type: 'event', event: { type: 'office' } });
    const line = mistake.split('\n').indexOf('    colour: purple') + 1;
    const view = await admin.call<AdminOffice>('adminOffice', {});
    expect(view.body.ok && view.body.value.fileProblem).toBe(`office.yaml:${line}: clinicians[1].colour: expected one of sage, clay, sky, sand, plum, moss, dusk, stone`);
    const setup = (await kiosk.setup()).body as { ok: true; value: KioskSetup };
    expect(setup.value.clinicians.find((tile) => tile.id === 'noor')?.colour).toBe('sky');
    // The admin surface will not write over a file someone is in the middle of fixing.
    expect((await admin.call('saveClinician', { clinician: ash, isNew: true })).status).toBe(409);

    writeFileSync(file, original.replace('    colour: sky\n', '    colour: sand\n'));
    expect(await live.next()).toMatchObject({ type: 'event', event: { type: 'office' } });
    const fixed = await admin.call<AdminOffice>('adminOffice', {});
    expect(fixed.body.ok && fixed.body.value.fileProblem).toBe(null);
    const after = (await kiosk.setup()).body as { ok: true; value: KioskSetup };
    expect(after.value.clinicians.find((tile) => tile.id === 'noor')?.colour).toBe('sand');
    live.close();
  });
});
