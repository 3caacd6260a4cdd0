/**
 * The shell's hub supervisor with a real hub process: `child_process.fork` of the built
 * dist/main/hub-process.js stands in for Electron's `utilityProcess.fork` (no Electron binary
 * here). The hub is killed hard, the supervisor starts it again on the same address and the same
 * SQLite data folder, and the check-ins made before the kill are all still on the desk's board.
 */
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { superviseHub, type HubChild, type HubState, type HubSupervisor, type SpawnRequest } from '../../main/shell/hubSupervisor.ts';
import { boardAt, demoConfig, demoPin, kioskAt, newDataDir, post, repoRoot } from './support/hubClient.ts';

const hubEntry = join(repoRoot, 'dist/main/hub-process.js');

beforeAll(() => {
  // `npm test` builds first; this keeps the file runnable on its own.
  if (!existsSync(hubEntry)) execFileSync(process.execPath, ['scripts/build-main.mjs'], { cwd: repoRoot, stdio: 'inherit' });
});

let supervisor: HubSupervisor | undefined;
const children: ChildProcess[] = [];

afterEach(async () => {
  await supervisor?.close();
  supervisor = undefined;
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** Forks the built hub the way hubProcess.ts has Electron start it, remembering each process. */
function forkHub(configPath: string, dataDir: string, spawned: SpawnRequest[]) {
  return (request: SpawnRequest): HubChild => {
    spawned.push(request);
    const args = ['--config', configPath, '--data', dataDir, '--renderer', join(dataDir, 'no-renderer'), '--presets', join(repoRoot, 'presets'), '--port', String(request.port ?? 0)];
    const child = fork(hubEntry, args, { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    children.push(child);
    return {
      send: (command) => child.connected && child.send(command),
      kill: () => child.kill('SIGKILL'),
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) => child.once('exit', (code) => listener(code)),
    };
  };
}

/** Resolves with the first state after now that `accept` takes. */
function nextState(hub: HubSupervisor, accept: (state: HubState) => boolean): Promise<HubState> {
  return new Promise((resolve) => {
    let first = true;
    const unsubscribe = hub.onState((state) => {
      if (first) return;
      if (accept(state)) {
        queueMicrotask(() => unsubscribe());
        resolve(state);
      }
    });
    first = false;
  });
}

const lastChild = () => children.at(-1)!;

describe('the shell supervising the hub process', () => {
  it('starts the hub again when it is killed, on the same address, with every check-in kept', async () => {
    const spawned: SpawnRequest[] = [];
    supervisor = superviseHub({ spawn: forkHub(demoConfig, newDataDir(), spawned), log: () => {}, restartDelaysMs: [50] });
    const first = await supervisor.ready();
    if (!first.ok) throw new Error(first.message);

    expect((await kioskAt(first.url).checkIn({ clinicianId: 'sam', slot: { kind: 'later' }, wishes: ['softer-light'] })).body.ok).toBe(true);
    expect((await kioskAt(first.url).checkIn({ clinicianId: null, slot: { kind: 'unsure' }, wishes: [] })).body.ok).toBe(true);
    const before = await boardAt(first.url);
    expect(before).toHaveLength(2);

    for (let kill = 1; kill <= 2; kill++) {
      const back = nextState(supervisor, (state) => state.kind === 'running');
      lastChild().kill('SIGKILL');
      const state = await back;
      expect(state).toEqual({ kind: 'running', url: first.url });
      expect(await boardAt(first.url)).toEqual(before);
    }
    expect(spawned.map((request) => request.restart)).toEqual([0, 1, 2]);
    // The first hub took any free port; every restart asked for that one again.
    expect(spawned.slice(1).every((request) => request.port === Number(new URL(first.url).port))).toBe(true);
  });

  it('closes the hub cleanly when asked: it exits by itself with 0 and is not started again', async () => {
    const spawned: SpawnRequest[] = [];
    supervisor = superviseHub({ spawn: forkHub(demoConfig, newDataDir(), spawned), log: () => {}, restartDelaysMs: [50] });
    expect((await supervisor.ready()).ok).toBe(true);
    const child = lastChild();
    const exit = new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.once('exit', (code, signal) => resolve([code, signal])));
    await supervisor.close();
    expect(await exit).toEqual([0, null]);
    expect(supervisor.state()).toEqual({ kind: 'stopped' });
    expect(spawned).toHaveLength(1);
  });

  it('does not restart a hub whose config is wrong, and says which line', async () => {
    const dataDir = newDataDir();
    const broken = join(dataDir, 'office.yaml');
    writeFileSync(broken, readFileSync(demoConfig, 'utf8').replace(/colour: \w+/, 'colour: tartan'));
    const spawned: SpawnRequest[] = [];
    supervisor = superviseHub({ spawn: forkHub(broken, dataDir, spawned), log: () => {}, restartDelaysMs: [10] });
    const result = await supervisor.ready();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/office\.yaml:\d+: .*colour/);
    const child = lastChild();
    await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
    expect(child.exitCode).toBe(78);
    expect(supervisor.state().kind).toBe('refused');
    expect(spawned).toHaveLength(1);
  });

  it("opens the shell's own desk window without a PIN through its channel only, and checks the admin PIN for the staff exit", async () => {
    supervisor = superviseHub({ spawn: forkHub(demoConfig, newDataDir(), []), log: () => {} });
    const ready = await supervisor.ready();
    if (!ready.ok) throw new Error(ready.message);
    const sessionOf = async (cookie?: string) => {
      const response = await fetch(`${ready.url}/api/staff/session`, cookie ? { headers: { cookie } } : {});
      return ((await response.json()) as { access: string }).access;
    };

    const desk = await supervisor.ask({ kind: 'device-session', role: 'desk' });
    if (!desk?.ok) throw new Error('no device session');
    const cookie = `stillroom_staff=${desk.token}`;
    expect(await sessionOf(cookie)).toBe('desk');
    expect((await post(ready.url, '/api/call/deskBoard', {}, { cookie })).body.ok).toBe(true);
    // Asked again with the token it holds, the window keeps it; a room session opens room screens only.
    expect(await supervisor.ask({ kind: 'device-session', role: 'desk', current: desk.token })).toMatchObject({ ok: true, token: desk.token });
    const room = await supervisor.ask({ kind: 'device-session', role: 'room' });
    if (!room?.ok) throw new Error('no room session');
    expect(await sessionOf(`stillroom_staff=${room.token}`)).toBe('room');
    expect((await post(ready.url, '/api/call/deskBoard', {}, { cookie: `stillroom_staff=${room.token}` })).body.ok).toBe(false);
    // A stolen-looking token is not kept: the window gets a fresh one.
    expect(await supervisor.ask({ kind: 'device-session', role: 'desk', current: 'made-up' })).not.toMatchObject({ token: 'made-up' });

    expect(await supervisor.ask({ kind: 'admin-pin', pin: '0000' })).toEqual({ kind: 'admin-pin', ok: false });
    expect(await supervisor.ask({ kind: 'admin-pin', pin: demoPin })).toEqual({ kind: 'admin-pin', ok: true });

    // The kiosk's health told over the channel reaches the desk's health board.
    supervisor.tell({ kind: 'screen-health', health: { screen: 'kiosk', up: true, crashesToday: 3, lastReloadAt: null, showingFallback: true, gpuDisabled: false } });
    await expect
      .poll(async () => {
        const health = await post(ready.url, '/api/call/officeHealth', {}, { cookie });
        return (health.body as { value?: { screens: { crashesToday: number }[] } }).value?.screens[0]?.crashesToday;
      })
      .toBe(3);
  });

  it('answers nothing while no hub runs: a question after close resolves null at once', async () => {
    supervisor = superviseHub({ spawn: forkHub(demoConfig, newDataDir(), []), log: () => {} });
    expect((await supervisor.ready()).ok).toBe(true);
    await supervisor.close();
    expect(await supervisor.ask({ kind: 'admin-pin', pin: demoPin })).toBeNull();
  });
});
