/**
 * Every check-in reaches the bus and the clinician's phone at least once, whatever happens in
 * between: the broker restarting in the middle of a burst, the hub killed before it could publish,
 * Home Assistant down while clients arrive.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, expect, it } from 'vitest';
import type { Arrival, OfficeHealth } from '../../main/contract/contract.ts';
import { startHomeAssistantSimulator } from '../../main/simulators/homeAssistant/index.ts';
import { kioskAt, repoRoot } from './support/hubClient.ts';
import { rawSubscriber, startMosquitto } from './support/mosquitto.ts';
import { serveOffice, signedInDesk, startOfficeHub, topics, untilArrivalsSeen, writeOffice } from './support/officeBus.ts';
import { willowDevices } from './support/roomOffice.ts';

const cleanups: (() => unknown)[] = [];

beforeAll(() => {
  // `npm test` builds first; this keeps the file runnable on its own.
  if (!existsSync(join(repoRoot, 'dist/main/cli.js'))) execFileSync(process.execPath, ['scripts/build-main.mjs'], { cwd: repoRoot, stdio: 'inherit' });
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const ids = (arrivals: Arrival[]) => arrivals.map((arrival) => arrival.id).sort();

it('a broker restart in the middle of a burst of 500 check-ins loses none of them', { timeout: 30_000 }, async () => {
  const broker = await startMosquitto({ persistence: true });
  cleanups.push(() => broker.dispose());
  const office = writeOffice({ brokerUrl: broker.url });
  cleanups.push(() => office.remove());
  const screen = await rawSubscriber(broker.url, [topics.arrivals], { clientId: 'hallway-screen' });
  cleanups.push(() => screen.close());
  const hub = await startOfficeHub(office);
  cleanups.push(() => hub.close());
  const checkIns = (count: number) => Promise.all(Array.from({ length: count }, () => hub.checkIn({ clinicianId: 'sam', slot: { kind: 'later' }, wishes: [] })));

  await checkIns(200);
  await screen.until((m) => m.length >= 100, 'the first 100 arrival events');
  const restarting = broker.restart();
  await checkIns(300);
  await restarting;

  expect(hub.log.items.some((line) => line.message === 'mqtt broker unreachable')).toBe(true);
  const arrivals = await hub.board();
  expect(arrivals).toHaveLength(500);
  await untilArrivalsSeen(screen, ids(arrivals));
  await hub.untilDelivered('the outbox to empty');
});

it('check-ins committed while the broker was away survive the hub being killed, and go out when it starts again', { timeout: 30_000 }, async () => {
  const broker = await startMosquitto();
  cleanups.push(() => broker.dispose());
  const office = writeOffice({ brokerUrl: broker.url });
  cleanups.push(() => office.remove());
  await broker.stop();

  const first = await serveOffice(office);
  cleanups.push(() => first.kill('SIGKILL'));
  const kiosk = kioskAt(first.url);
  // Ten: one kiosk's full minute (arrivals/checkInPace.ts); the eleventh would be asked to wait.
  for (let i = 0; i < 10; i += 1) expect((await kiosk.checkIn({ clinicianId: 'sam', slot: { kind: 'later' }, wishes: [] })).status).toBe(200);
  const health = await (await signedInDesk(first.url)).call<OfficeHealth>('officeHealth', {});
  expect(health.body).toMatchObject({ ok: true, value: { notifications: { pending: 10 } } });
  await first.kill('SIGKILL');

  await broker.start();
  const screen = await rawSubscriber(broker.url, [topics.arrivals]);
  cleanups.push(() => screen.close());
  const second = await serveOffice(office);
  cleanups.push(() => second.kill('SIGKILL'));
  const board = await (await signedInDesk(second.url)).board();
  if (!board.body.ok) throw new Error(board.body.error.message);
  expect(board.body.value.arrivals).toHaveLength(10);
  await untilArrivalsSeen(screen, ids(board.body.value.arrivals));
});

it('pushes for clients who arrived while Home Assistant was down reach the phone when it returns, saying only the time', async () => {
  const notifyServices = ['mobile_app_sams_phone'];
  const away = await startHomeAssistantSimulator({ entities: willowDevices, notifyServices });
  const { port, token, url } = away;
  await away.close();
  const office = writeOffice({ homeAssistantUrl: url, samNotify: '{ push: { service: mobile_app_sams_phone } }' });
  cleanups.push(() => office.remove());
  const hub = await startOfficeHub(office, { homeAssistantToken: token });
  cleanups.push(() => hub.close());

  await hub.checkIn({ clinicianId: 'sam', slot: { kind: 'at', time: '14:00' }, wishes: ['quieter-room'] });
  await hub.checkIn({ clinicianId: 'sam', slot: { kind: 'later' }, wishes: [] });
  await hub.desk.until((event) => event.type === 'health' && event.health.notifications.pending === 2 && /ha-notify/.test(event.health.notifications.problem ?? ''), 'the desk to see the pushes waiting');

  const back = await startHomeAssistantSimulator({ port, token, entities: willowDevices, notifyServices });
  cleanups.push(() => back.close());
  await hub.untilDelivered('the pushes to be delivered', 15_000);

  const arrivals = await hub.board();
  const atTwo = arrivals.find((arrival) => arrival.slot.kind === 'at')!;
  const later = arrivals.find((arrival) => arrival.slot.kind === 'later')!;
  const push = (arrival: Arrival, message: string) => ({
    service: 'mobile_app_sams_phone',
    data: {
      message,
      data: {
        tag: expect.any(String),
        push: { 'interruption-level': 'time-sensitive' },
        channel: 'Stillroom arrivals',
        importance: 'high',
        ttl: 0,
        priority: 'high',
        // The arrival's id and a tag only this hub can make (notify/actionKey.ts).
        actions: [{ action: expect.stringMatching(new RegExp(`^STILLROOM_ON_MY_WAY_${arrival.id}\\.[A-Za-z0-9_-]{22}$`)), title: 'On my way' }],
      },
    },
  });
  // Exactly these words and fields: no title, no wishes, nothing a locked screen should not show.
  expect(back.notifications).toHaveLength(2);
  expect(back.notifications).toEqual(expect.arrayContaining([push(atTwo, 'Your 2:00 client has arrived'), push(later, 'Your client has arrived')]));
});
