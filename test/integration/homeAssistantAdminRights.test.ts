/**
 * Issue 10, item 3: a Home Assistant token of a user who is not an administrator. Real Home
 * Assistant refuses such a user `fire_event` and `subscribe_events` outside its allowlist
 * (homeassistant/components/websocket_api/commands.py; the simulator follows it, see
 * homeAssistantSimulatorUsers.test.ts). The desk must be told in words, the arrival event must not
 * be retried all day, and rights taken away while the hub runs must not end the hub process.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LiveServerMessage, OfficeHealth } from '../../main/contract/contract.ts';
import { createHub, type Hub } from '../../main/hub/hub.ts';
import { silentLog } from '../../main/hub/log.ts';
import { startHttpTransport } from '../../main/hub/transport/httpTransport.ts';
import { startHomeAssistantSimulator, type HomeAssistantSimulator } from '../../main/simulators/homeAssistant/index.ts';
import { tempDir } from '../support/tempDir.ts';
import { boardAt, demoConfig, demoPin, deskAt, kioskAt, LiveSocket, newDataDir, repoRoot } from './support/hubClient.ts';
import { serveFromCli, type HubProcess } from './support/hubProcess.ts';

const phones = ['mobile_app_sams_phone', 'mobile_app_noors_phone', 'mobile_app_front_desk'];
const cleanups: (() => Promise<void> | void)[] = [];

beforeAll(() => {
  // `npm test` builds first; this keeps the file runnable on its own.
  if (!existsSync(join(repoRoot, 'dist/main/cli.js'))) execFileSync(process.execPath, ['scripts/build-main.mjs'], { cwd: repoRoot, stdio: 'inherit' });
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function simulatedHomeAssistant(admin: boolean): Promise<HomeAssistantSimulator> {
  const simulator = await startHomeAssistantSimulator({ notifyServices: phones, admin, userName: 'stillroom' });
  cleanups.push(() => simulator.close());
  return simulator;
}

/** The demo office, with its Home Assistant at `url` and Sam's arrivals also fired as `stillroom_arrival`. */
function officeFile(url: string): string {
  const dir = tempDir('admin-rights');
  const path = join(dir, 'office.yaml');
  const demo = readFileSync(demoConfig, 'utf8')
    .replace(/homeAssistant:\n {2}simulated: true\n/, `homeAssistant: { url: "${url}", tokenEnv: TEST_HA_TOKEN }\n`)
    .replace('push: { service: mobile_app_sams_phone }', 'push: { service: mobile_app_sams_phone }\n      event: true');
  if (!demo.includes('TEST_HA_TOKEN') || !demo.includes('event: true')) throw new Error('the demo office changed shape; update this test');
  writeFileSync(path, demo);
  return path;
}

/** The desk's health feed: resolves with the first health the hub pushes (or has) that satisfies `predicate`. */
async function deskHealth(url: string) {
  const desk = deskAt(url);
  await desk.login(demoPin);
  const socket = await LiveSocket.open(url, desk.cookie());
  cleanups.push(() => socket.close());
  socket.send({ type: 'subscribe', topic: 'health' });
  const current = await desk.call<OfficeHealth>('officeHealth', {});
  let latest = current.body.ok ? current.body.value : null;
  return async (predicate: (health: OfficeHealth) => boolean, what: string): Promise<OfficeHealth> => {
    while (!latest || !predicate(latest)) {
      const message = (await socket.next(8000).catch(() => {
        throw new Error(`the desk was never told ${what}; last health: ${JSON.stringify(latest)}`);
      })) as LiveServerMessage;
      if (message.type === 'event' && message.event.type === 'health') latest = message.event.health;
    }
    return latest;
  };
}

const received = (simulator: HomeAssistantSimulator, matches: (message: Record<string, unknown>) => boolean, fromConnection = 1) =>
  new Promise<void>((resolve) => {
    const found = () => simulator.received.some((entry) => entry.connection >= fromConnection && matches(entry.message as Record<string, unknown>));
    if (found()) return resolve();
    const stop = simulator.onReceive(() => {
      if (!found()) return;
      stop();
      resolve();
    });
  });

const firesOf = (simulator: HomeAssistantSimulator) => simulator.received.filter((entry) => (entry.message as { type?: string }).type === 'fire_event').length;

describe('a token whose user is not an administrator', () => {
  let hub: Hub;
  let url: string;
  let dataDir: string;

  async function startHub(simulator: HomeAssistantSimulator) {
    dataDir = newDataDir();
    hub = await createHub({ configPath: officeFile(simulator.url), dataDir, rendererDir: join(repoRoot, 'dist', 'renderer'), log: silentLog, env: { TEST_HA_TOKEN: simulator.token } });
    const http = await startHttpTransport(hub, { port: 0 });
    cleanups.push(async () => {
      await http.close();
      await hub.close();
    });
    url = http.url;
  }

  it('is shown on the desk in words: what works, what does not, how to fix it', async () => {
    const simulator = await simulatedHomeAssistant(false);
    await startHub(simulator);
    const health = await (await deskHealth(url))((h) => !!h.homeAssistant.limited, 'that the user is not an administrator');
    expect(health.homeAssistant.state).toBe('connected');
    expect(health.homeAssistant.limited).toContain('"stillroom"');
    expect(health.homeAssistant.limited).toMatch(/Lights, sound and phone pushes work/);
    expect(health.homeAssistant.limited).toMatch(/"On my way" from a phone is not heard/);
    expect(health.homeAssistant.limited).toMatch(/turn on "Administrator" for that user/);
    // The hub did not ask for what Home Assistant will refuse.
    expect(simulator.received.some((entry) => (entry.message as { event_type?: string }).event_type === 'mobile_app_notification_action')).toBe(false);
  });

  it('holds the arrival event instead of retrying it all day, and sends it once an administrator token connects', async () => {
    const simulator = await simulatedHomeAssistant(false);
    await startHub(simulator);
    const untilHealth = await deskHealth(url);
    await untilHealth((h) => !!h.homeAssistant.limited, 'that the user is not an administrator');

    const answer = await kioskAt(url).checkIn({ clinicianId: 'sam', slot: { kind: 'later' }, wishes: [] });
    expect(answer.body.ok).toBe(true);
    // The push and the light cue are delivered; only the event waits.
    const held = await untilHealth((h) => h.notifications.pending === 1 && (h.notifications.problem?.includes('not an administrator') ?? false), 'that the arrival event is held');
    expect(held.notifications.problem).toMatch(/stillroom_arrival event/);
    // The push went (a non-admin may call notify), the event was never even tried.
    expect(simulator.notifications.map((n) => n.service)).toContain('mobile_app_sams_phone');
    expect(firesOf(simulator)).toBe(0);
    const db = new Database(join(dataDir, 'stillroom.sqlite'), { readonly: true });
    const row = db.prepare<[], { attempts: number; next_attempt_at: number }>("SELECT attempts, next_attempt_at FROM outbox WHERE route = 'ha-event'").get()!;
    db.close();
    expect(row.attempts).toBe(1);
    expect(row.next_attempt_at - Date.now()).toBeGreaterThan(24 * 3600_000);

    // The admin turns on "Administrator" and Home Assistant restarts: the event goes, once.
    simulator.faults.setAdmin(true);
    await simulator.restart();
    await untilHealth((h) => h.notifications.pending === 0 && !h.homeAssistant.limited, 'that the event was delivered');
    expect(firesOf(simulator)).toBe(1);
    await received(simulator, (message) => message.type === 'subscribe_events' && message.event_type === 'mobile_app_notification_action', 2);
  });
});

describe('admin rights taken away while the hub runs', () => {
  let running: HubProcess | undefined;
  afterEach(async () => {
    await running?.kill('SIGKILL');
    running = undefined;
  });

  it('the hub process keeps serving check-ins after Home Assistant restarts and refuses the resubscription', async () => {
    const simulator = await simulatedHomeAssistant(true);
    running = await serveFromCli(newDataDir(), { configPath: officeFile(simulator.url), env: { TEST_HA_TOKEN: simulator.token } });
    await received(simulator, (message) => message.type === 'subscribe_events' && message.event_type === 'mobile_app_notification_action');
    const untilHealth = await deskHealth(running.url);

    const child = running.child;
    const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`the hub process exited (code ${code})`))));
    exited.catch(() => {});

    simulator.faults.setAdmin(false);
    await simulator.restart();
    // Before the fix, the library's own resubscription was refused here and its unhandled rejection ended the process.
    await Promise.race([untilHealth((h) => !!h.homeAssistant.limited, 'that the user is no longer an administrator'), exited]);
    expect(running.child.exitCode).toBeNull();

    const answer = await kioskAt(running.url).checkIn({ clinicianId: 'sam', slot: { kind: 'later' }, wishes: [] });
    expect(answer.body.ok).toBe(true);
    const board = await boardAt(running.url);
    expect(board.map((arrival) => arrival.clinicianId)).toContain('sam');
    await untilHealth((h) => h.notifications.problem?.includes('not an administrator') ?? false, 'that the arrival event is held');
    expect(running.child.exitCode).toBeNull();
  });
});
