/**
 * Arrival notifications over MQTT, as another system on the office bus feels them, against a real
 * Mosquitto started for the run:
 * - latency: 1,000 sequential check-ins through the hub's own API (the kiosk's `checkIn`), each
 *   timed from the call to a plain MQTT.js subscriber receiving the arrival event; beside it, a bare
 *   MQTT.js QoS 1 publish of the same payload to a subscriber on the same broker is the floor;
 * - throughput: arrivals and their outbox rows written as fast as the dispatcher delivers them for a
 *   while, with every message accounted for at the subscriber at the end.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import mqtt from 'mqtt';
import { createArrivalsStore } from '../main/hub/arrivals/arrivalsStore.ts';
import { connectMqtt } from '../main/hub/devices/mqtt/mqttLink.ts';
import { mqttBusDelivery } from '../main/hub/notify/deliveries.ts';
import { createDispatcher } from '../main/hub/notify/dispatcher.ts';
import { enqueueArrivalNotifications, outboxHealth } from '../main/hub/notify/outbox.ts';
import { busEvent } from '../main/hub/notify/routes.ts';
import { openDatabase } from '../main/hub/store/database.ts';
import { createHub } from '../main/hub/hub.ts';
import { silentLog } from '../main/hub/log.ts';
import { startMosquitto } from '../test/integration/support/mosquitto.ts';
import type { BenchReport } from './report.ts';
import { anArrival } from '../test/integration/support/arrivals.ts';
import { tempDir } from '../test/support/tempDir.ts';

const bus = { prefix: 'stillroom', site: 'bench' };
const warmUp = 100;

export interface MqttBenchOptions {
  /** Sequential check-ins timed for latency (1,000 in the real bench). */
  messages?: number;
  /** How long to sustain the flow for the throughput figure (60 s in the real bench). */
  sustainedSeconds?: number;
}

const arrival = () => anArrival({ wishes: ['softer-light'] });

export async function benchMqtt(options: MqttBenchOptions = {}): Promise<BenchReport> {
  const measured = options.messages ?? 1000;
  const sustainedSeconds = options.sustainedSeconds ?? 60;
  const broker = await startMosquitto();
  const dir = tempDir('bench-mqtt');
  const db = openDatabase(dir);
  const store = createArrivalsStore(db);
  const connecting = connectMqtt({ url: broker.url, site: bus.site, hubId: 'bench', onStatus: () => {} });
  if (!connecting.ok) throw new Error(connecting.message);
  const link = connecting.link;
  const dispatcher = createDispatcher({ db, handlers: { 'mqtt-bus': mqttBusDelivery(link, bus) } });
  // The hub, on its own data folder, with the office bus on the benchmark's broker.
  const hubDir = tempDir('bench-mqtt-hub');
  writeFileSync(
    join(hubDir, 'office.yaml'),
    JSON.stringify({
      practice: { name: 'Bench' },
      mqtt: { url: broker.url, site: bus.site, hubId: 'bench-hub' },
      clinicians: [{ id: 'sam', displayName: 'Sam', colour: 'sage', symbol: 'leaf' }],
    }),
  );
  const hub = await createHub({ configPath: join(hubDir, 'office.yaml'), dataDir: hubDir, rendererDir: join(hubDir, 'none'), log: silentLog });
  const subscriber = await mqtt.connectAsync(broker.url, { protocolVersion: 5 });
  const publisher = await mqtt.connectAsync(broker.url, { protocolVersion: 5 });
  try {
    await subscriber.subscribeAsync([`${bus.prefix}/${bus.site}/arrivals/+`, 'bench/floor'], { qos: 1 });
    let onMessage: (topic: string, text: string) => void = () => {};
    subscriber.on('message', (topic, payload) => onMessage(topic, payload.toString('utf8')));
    const next = (topic: string) => new Promise<string>((resolve) => (onMessage = (t, text) => t === topic && resolve(text)));
    dispatcher.start();

    // The kiosk learns no arrival id (privacy), so with one check-in at a time the next arrival
    // event on the bus is this one's.
    const nextArrival = () => new Promise<string>((resolve) => (onMessage = (t, text) => t.startsWith(`${bus.prefix}/${bus.site}/arrivals/`) && resolve(text)));
    const checkInToEvent = async () => {
      const start = performance.now();
      const received = nextArrival();
      const result = await hub.api.call('kiosk', 'checkIn', { clinicianId: 'sam', slot: { kind: 'at', time: '14:00' }, wishes: ['softer-light'] });
      if (!result.ok) throw new Error(`check-in refused: ${result.error.message}`);
      const text = await received;
      return { elapsed: performance.now() - start, size: Buffer.byteLength(text) };
    };
    const { size } = await checkInToEvent();
    const payload = 'x'.repeat(size);
    const floorRoundTrip = async () => {
      const start = performance.now();
      const received = next('bench/floor');
      await publisher.publishAsync('bench/floor', payload, { qos: 1 });
      await received;
      return performance.now() - start;
    };

    for (let i = 0; i < warmUp; i += 1) {
      await checkInToEvent();
      await floorRoundTrip();
    }
    const outbox: number[] = [];
    const floor: number[] = [];
    for (let i = 0; i < measured; i += 1) {
      outbox.push((await checkInToEvent()).elapsed);
      floor.push(await floorRoundTrip());
    }

    const sustained = await sustain(sustainedSeconds);
    const outboxP = percentiles(outbox);
    const floorP = percentiles(floor);
    const ms = (value: number) => `${value.toFixed(2)} ms`;
    return {
      title: `MQTT: ${measured} sequential check-ins through the hub's API → office bus subscriber (payload ${size} B, QoS 1, Mosquitto on loopback), after ${warmUp} warm-up; then ${sustainedSeconds} s sustained`,
      rows: [
        { measure: 'check-in → bus event p50', value: ms(outboxP.p50), target: '' },
        { measure: 'check-in → bus event p99', value: ms(outboxP.p99), target: '< 25 ms', met: outboxP.p99 < 25 },
        { measure: 'bare publish → subscriber p50 (floor)', value: ms(floorP.p50), target: '' },
        { measure: 'bare publish → subscriber p99 (floor)', value: ms(floorP.p99), target: '' },
        { measure: 'check-in p99 / floor p99', value: `${(outboxP.p99 / floorP.p99).toFixed(1)}x`, target: '<= 3x', met: outboxP.p99 <= 3 * floorP.p99 },
        { measure: 'sustained delivery', value: `${sustained.perSecond.toFixed(0)} rows/s`, target: '>= 200 rows/s', met: sustained.perSecond >= 200 },
        { measure: 'rows lost', value: `${sustained.lost} of ${sustained.enqueued}`, target: '0', met: sustained.lost === 0 },
      ],
      notes: sustained.duplicates > 0 ? [`${sustained.duplicates} duplicate deliveries (allowed: at least once)`] : [],
    };

    /** Keeps a backlog of up to 500 rows for `seconds`, then drains and checks every id arrived. */
    async function sustain(seconds: number) {
      const received = new Map<string, number>();
      const enqueuedIds: string[] = [];
      onMessage = (topic, text) => {
        if (topic === 'bench/floor') return;
        const id = (JSON.parse(text) as { messageId: string }).messageId;
        received.set(id, (received.get(id) ?? 0) + 1);
      };
      const started = performance.now();
      const endAt = started + seconds * 1000;
      while (performance.now() < endAt) {
        if (outboxHealth(db).pending < 500) {
          store.transaction(() => {
            for (let i = 0; i < 50; i += 1) {
              const checkedIn = arrival();
              store.insert(checkedIn);
              enqueuedIds.push(...enqueueArrivalNotifications(db, checkedIn, [busEvent(checkedIn)]));
            }
          });
          dispatcher.nudge();
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
      const deliveredInWindow = received.size;
      const elapsedSeconds = (performance.now() - started) / 1000;
      const missing = new Set(enqueuedIds.filter((id) => !received.has(id)));
      if (missing.size > 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, 30_000);
          onMessage = (topic, text) => {
            if (topic === 'bench/floor') return;
            const id = (JSON.parse(text) as { messageId: string }).messageId;
            received.set(id, (received.get(id) ?? 0) + 1);
            missing.delete(id);
            if (missing.size === 0) {
              clearTimeout(timer);
              resolve();
            }
          };
        });
      }
      const lost = enqueuedIds.filter((id) => !received.has(id)).length;
      const duplicates = [...received.values()].reduce((sum, count) => sum + count - 1, 0);
      return { perSecond: deliveredInWindow / elapsedSeconds, enqueued: enqueuedIds.length, lost, duplicates };
    }
  } finally {
    await hub.close();
    rmSync(hubDir, { recursive: true, force: true });
    dispatcher.stop();
    await link.close();
    await subscriber.endAsync(true);
    await publisher.endAsync(true);
    db.close();
    rmSync(dir, { recursive: true, force: true });
    await broker.dispose();
  }
}

function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { p50: at(0.5), p99: at(0.99) };
}
