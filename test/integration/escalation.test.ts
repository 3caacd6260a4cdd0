/**
 * An arrival announced only quietly (its clinician in session) alerts the desk when nobody says
 * "On my way" in time; one acknowledged in time does not. The hub's clock and its escalation
 * timers are the test's own, so ten minutes pass without waiting them.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { LiveEvent } from '../../main/contract/contract.ts';
import { startHomeAssistantSimulator } from '../../main/simulators/homeAssistant/index.ts';
import { createHub } from '../../main/hub/hub.ts';
import { silentLog } from '../../main/hub/log.ts';
import { repoRoot } from './support/hubClient.ts';
import { officeYaml, willowDevices } from './support/roomOffice.ts';
import { tempDir } from '../support/tempDir.ts';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

it('a timer set at check-in alerts the desk after the configured minutes, unless the clinician acknowledged', async () => {
  const home = await startHomeAssistantSimulator({ entities: willowDevices, notifyServices: ['mobile_app_sams_phone'] });
  cleanups.push(() => home.close());
  const dir = tempDir('escalation');
  const office = officeYaml(home.url).replace(
    '  - { id: sam, displayName: Sam, colour: sage, symbol: leaf, room: willow }',
    '  - { id: sam, displayName: Sam, colour: sage, symbol: leaf, room: willow, notify: { push: { service: mobile_app_sams_phone }, escalateAfterMinutes: 10 } }',
  );
  writeFileSync(join(dir, 'office.yaml'), office);

  // Three in the afternoon: the 14:00 and 14:30 clients below are late, so they wait from arrival.
  let time = new Date().setHours(15, 0, 0, 0);
  const waits: { run: () => void; ms: number; cleared: boolean }[] = [];
  let onScheduled = () => {};
  const timers = {
    setTimeout: (run: () => void, ms: number) => {
      const wait = { run, ms, cleared: false };
      waits.push(wait);
      onScheduled();
      return wait;
    },
    clearTimeout: (wait: unknown) => {
      if (wait) (wait as { cleared: boolean }).cleared = true;
    },
  };
  const scheduled = (count: number) => new Promise<void>((resolve) => {
    onScheduled = () => waits.length >= count && resolve();
    onScheduled();
  });
  const hub = await createHub({ configPath: join(dir, 'office.yaml'), dataDir: dir, rendererDir: join(dir, 'none'), presetsDir: join(repoRoot, 'presets'), log: silentLog, env: { TEST_HA_TOKEN: home.token }, now: () => time, escalationTimers: timers });
  cleanups.push(() => hub.close());
  const desk: LiveEvent[] = [];
  let onDesk = () => {};
  const subscription = hub.api.subscribe('desk', 'arrivals', (event) => {
    desk.push(event);
    onDesk();
  });
  cleanups.push(async () => subscription.ok && subscription.unsubscribe());
  const alerted = () => new Promise<void>((resolve) => {
    onDesk = () => desk.some((event) => event.type === 'desk-alert') && resolve();
    onDesk();
  });

  const connected = new Promise<void>((resolve) => {
    const check = async () => {
      const view = await hub.api.call('desk', 'roomView', { roomId: 'willow' });
      if (view.ok && (view.value as { devices: { available: boolean }[] }).devices.some((d) => d.available)) resolve();
      else setImmediate(() => void check());
    };
    void check();
  });
  await connected;
  await hub.api.call('room', 'startSession', { roomId: 'willow' });

  // Two clients for Sam while he is in session: both are told only quietly.
  await hub.api.call('kiosk', 'checkIn', { clinicianId: 'sam', slot: { kind: 'at', time: '14:00' }, wishes: [] });
  await hub.api.call('kiosk', 'checkIn', { clinicianId: 'sam', slot: { kind: 'at', time: '14:30' }, wishes: [] });
  // A third comes 20 minutes early for 15:20: nobody keeps them waiting until then, so the ten minutes start at 15:20.
  await hub.api.call('kiosk', 'checkIn', { clinicianId: 'sam', slot: { kind: 'at', time: '15:20' }, wishes: [] });
  await scheduled(3);
  expect(waits.map((wait) => wait.ms)).toEqual([600_000, 600_000, 30 * 60_000]);
  const board = await hub.api.call('desk', 'deskBoard', {});
  // They came in the same millisecond of the test's clock: tell them apart by their times.
  const arrivals = board.ok ? (board.value as { arrivals: { id: string; slot: { time?: string } }[] }).arrivals : [];
  const first = arrivals.find((arrival) => arrival.slot.time === '14:00');
  const second = arrivals.find((arrival) => arrival.slot.time === '14:30');
  // Sam says "On my way" to the second one within the ten minutes.
  await hub.api.call('room', 'acknowledge', { arrivalId: second!.id });

  time += 10 * 60_000;
  for (const wait of waits.filter((w) => !w.cleared)) wait.run();
  await alerted();
  // The early client's check, run at 15:10, is put off to 15:30 rather than alerting the desk.
  expect(waits.at(-1)!.ms).toBe(20 * 60_000);

  expect(desk.filter((event) => event.type === 'desk-alert')).toEqual([{ type: 'desk-alert', arrivalId: first!.id, clinicianId: 'sam', waitedMinutes: 10 }]);
});
