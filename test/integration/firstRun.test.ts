/**
 * The first run (setup/firstRun.ts): `stillroom serve --config <a file that is not there>` starts a
 * new office instead of failing, prints a one-time setup code on its terminal only, and /admin
 * opens with that code, and only with it, until the first PIN is set; then the code and the
 * sessions it opened are dead and the new PIN is what opens admin.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadOfficeConfig } from '../../main/hub/config/loadConfig.ts';
import { deskAt, newDataDir, repoRoot } from './support/hubClient.ts';
import { serveFromCli, type HubProcess } from './support/hubProcess.ts';
import { setupCode } from './support/setupCode.ts';

let running: HubProcess | undefined;

// `npm test` builds first; this keeps the file runnable on its own.
beforeAll(() => void (existsSync(join(repoRoot, 'dist/main/cli.js')) || execFileSync(process.execPath, ['scripts/build-main.mjs'], { cwd: repoRoot, stdio: 'inherit' })));
// Each test's hub is stopped (a clean stop, as an admin's Ctrl+C) even when the test fails.
afterEach(() => running?.kill('SIGTERM').finally(() => (running = undefined)));

describe('the first run of a new office', () => {
  it('starts from a file that is not there, and admin opens only with the setup code until the first PIN is set', async () => {
    const dataDir = newDataDir();
    const configPath = join(dataDir, 'practice', 'office.yaml');
    running = await serveFromCli(dataDir, { configPath });
    const code = await setupCode(running);

    // The starter office is written, valid by the start-up schema, and the code is in none of the files or the log.
    expect(loadOfficeConfig(configPath).practice.name).toBe('Our practice');
    expect(readFileSync(configPath, 'utf8')).toContain('Finish the setup in the browser at /admin');
    expect(running.stdout()).toContain(`Set it up in the browser at ${running.url}/admin`);
    expect(running.stderr()).not.toContain(code);
    for (const name of readdirSync(join(dataDir, 'logs'))) expect(readFileSync(join(dataDir, 'logs', name), 'utf8')).not.toContain(code);

    // Nobody else gets in: no session, a made-up code, a kiosk.
    const stranger = deskAt(running.url);
    expect((await stranger.call('adminOffice', {})).status).toBe(401);
    expect((await stranger.login('000000000000')).body).toMatchObject({ ok: false, error: { code: 'needs-pin' } });
    expect((await stranger.call('adminOffice', {})).status).toBe(401);

    const admin = deskAt(running.url);
    expect((await admin.login(code)).body).toEqual({ ok: true });
    const office = await admin.call<{ practiceName: string; writable: boolean; pins: unknown }>('adminOffice', {});
    expect(office.body).toMatchObject({ ok: true, value: { practiceName: 'Our practice', writable: true, pins: { room: false, desk: false, admin: false } } });

    // The first PIN ends the setup code and the session it opened.
    expect((await admin.call('setPin', { role: 'admin', pin: '481516' })).body).toMatchObject({ ok: true });
    expect((await admin.call('adminOffice', {})).status).toBe(401);
    expect((await deskAt(running.url).login(code)).body).toMatchObject({ ok: false });
    const again = deskAt(running.url);
    expect((await again.login('481516')).body).toEqual({ ok: true });
    expect((await again.call('adminOffice', {})).body).toMatchObject({ ok: true });
  });

  it('"Restart now" starts the hub again in its process on the saved file: a room added in setup is served, on the same address, the session kept', async () => {
    const dataDir = newDataDir();
    running = await serveFromCli(dataDir, { configPath: join(dataDir, 'office.yaml') });
    const admin = deskAt(running.url);
    expect((await admin.login(await setupCode(running))).body).toEqual({ ok: true });
    expect((await admin.call('addRoom', { roomId: 'oak', name: 'Oak room', ceiling: [], lamp: [], accent: [], speaker: null, doorSign: null })).body).toMatchObject({ ok: true, value: { restartNeededFor: ['rooms'] } });
    const roomNames = async () => ((await admin.call<{ rooms: { name: string }[] }>('roomsOverview', {})).body as { value: { rooms: { name: string }[] } }).value.rooms.map((room) => room.name);
    expect(await roomNames()).toEqual(['First room']);

    const restarted = new Promise<string>((resolve) => {
      const look = () => {
        const match = /Stillroom restarted on the saved office file and is serving .+ at (\S+)\n/.exec(running!.stdout());
        if (match) resolve(match[1]!);
      };
      running!.child.stdout!.on('data', look);
    });
    expect((await admin.call('restartHub', {})).body).toEqual({ ok: true, value: { restarting: true } });
    expect(await restarted).toBe(running.url);
    expect(await roomNames()).toEqual(['First room', 'Oak room']);
    expect((await admin.call('adminOffice', {})).body).toMatchObject({ ok: true, value: { restartNeededFor: [] } });
    expect(running.child.exitCode).toBeNull();
  });

  it('prints no setup code for an office file that exists, and never writes over one, even a broken one', async () => {
    const dataDir = newDataDir();
    const configPath = join(dataDir, 'office.yaml');
    running = await serveFromCli(dataDir, { configPath });
    await setupCode(running);
    await running.kill('SIGTERM');
    running = await serveFromCli(dataDir, { configPath });
    expect(running.stdout()).not.toContain('setup code');
    await running.kill('SIGTERM');
    running = undefined;

    writeFileSync(configPath, 'practice: [not, a, practice\n');
    await expect(serveFromCli(dataDir, { configPath })).rejects.toThrow(/configuration has a problem/);
    expect(readFileSync(configPath, 'utf8')).toBe('practice: [not, a, practice\n');
  });

  it("takes the guided setup's steps: the practice's name live, the starter room removed once it is unused, and the PINs set together, which ends the setup code", async () => {
    const dataDir = newDataDir();
    const configPath = join(dataDir, 'office.yaml');
    running = await serveFromCli(dataDir, { configPath });
    const admin = deskAt(running.url);
    expect((await admin.login(await setupCode(running))).body).toEqual({ ok: true });
    expect((await admin.call('adminOffice', {})).body).toMatchObject({ ok: true, value: { firstRun: true } });

    // The name is in force at once: the kiosk's welcome has it.
    expect((await admin.call('savePractice', { name: '   ' })).body).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect((await admin.call('savePractice', { name: 'Willow Street Therapy' })).body).toMatchObject({ ok: true, value: { practiceName: 'Willow Street Therapy' } });
    const kiosk = await deskAt(running.url).call<{ practiceName: string }>('kioskSetup', {});
    expect(kiosk.body).toMatchObject({ ok: true, value: { practiceName: 'Willow Street Therapy' } });

    // The last room cannot go, nor one a clinician works in; the starter room goes once another is there.
    expect((await admin.call('removeRoom', { roomId: 'first-room' })).body).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('at least one room') } });
    expect((await admin.call('addRoom', { roomId: 'oak', name: 'Oak room', ceiling: [], lamp: [], accent: [], speaker: null, doorSign: null })).body).toMatchObject({ ok: true });
    expect((await admin.call('saveClinician', { clinician: { id: 'ana', displayName: 'Ana', colour: 'moss', symbol: 'sun', room: 'first-room', days: ['mon'], push: null, cueLight: null, escalateAfterMinutes: null }, isNew: true })).body).toMatchObject({ ok: true });
    expect((await admin.call('removeRoom', { roomId: 'first-room' })).body).toMatchObject({ ok: false, error: { code: 'conflict', message: 'Ana works in this room. Give them another room first, then remove it.' } });
    expect((await admin.call('saveClinician', { clinician: { id: 'ana', displayName: 'Ana', colour: 'moss', symbol: 'sun', room: 'oak', days: ['mon'], push: null, cueLight: null, escalateAfterMinutes: null }, isNew: false })).body).toMatchObject({ ok: true });
    expect((await admin.call('removeRoom', { roomId: 'first-room' })).body).toMatchObject({ ok: true, value: { restartNeededFor: ['rooms'] } });
    expect(loadOfficeConfig(configPath).rooms.map((room) => room.id)).toEqual(['oak']);

    // All three PINs in one write; the setup code and its session end with it.
    expect((await admin.call('setPins', { desk: '482913', admin: '97', room: null })).status).toBe(400);
    expect((await admin.call('setPins', { desk: '482913', admin: '975310', room: '135790' })).body).toMatchObject({ ok: true, value: { firstRun: false, pins: { desk: true, admin: true, room: true } } });
    expect((await admin.call('adminOffice', {})).status).toBe(401);
    const desk = deskAt(running.url);
    expect((await desk.login('482913')).body).toEqual({ ok: true });
    expect((await desk.call('adminOffice', {})).status).toBe(403);
    const again = deskAt(running.url);
    expect((await again.login('975310')).body).toEqual({ ok: true });
    expect((await again.call('adminOffice', {})).body).toMatchObject({ ok: true, value: { firstRun: false } });
  });
});
