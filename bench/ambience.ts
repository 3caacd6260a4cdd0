/**
 * A room costs about one round trip, whatever its size: a preset applied to a room of 24 lights
 * and 2 speakers, through the Home Assistant simulator over a real WebSocket with the real client
 * library. Timed from the call to every device's first command being acknowledged (the lights'
 * transition, which Home Assistant runs afterwards, excluded). Three ways of sending, measured on
 * the link alone:
 *   - sequential: one device after another (what a naive adapter does);
 *   - concurrent: one call per device, all at once;
 *   - scene.apply: one call for all the lights, the speaker beside it;
 * and the hub's own `applyPreset` end to end (planning, storing the desired state, pushing the room),
 * which uses scene.apply for a room this size. One bare `light.turn_on` round trip in the same run
 * is the floor.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { desiredFromPreset } from '../main/hub/ambience/clampToRoom.ts';
import type { AmbiencePlan } from '../main/hub/ambience/homeAssistantCalls.ts';
import { planAmbience, planSceneApply, type SoundUrl } from '../main/hub/ambience/planAmbience.ts';
import type { Preset } from '../main/hub/ambience/presetSchema.ts';
import { connectHomeAssistant } from '../main/hub/devices/homeAssistant/homeAssistantLink.ts';
import { fork } from 'node:child_process';
import { benchLightIds, type SimulatorMessage } from './ambienceSimulator.ts';
import { createHub } from '../main/hub/hub.ts';
import { silentLog } from '../main/hub/log.ts';
import { runPlan } from '../main/hub/rooms/planRunner.ts';
import { percentiles } from './checkins.ts';
import type { BenchReport } from './report.ts';
import type { CallResult, RoomView } from '../main/contract/contract.ts';
import { tempDir } from '../test/support/tempDir.ts';

const repoRoot = join(import.meta.dirname, '..');
const rounds = 200;
const warmUp = 20;
const lightIds = benchLightIds;

/** Two presets the runs alternate between, so every apply really changes every device. */
const presetA = { name: 'Bench A', description: 'Low and warm.', swatch: '#d9a46c', transitionSeconds: 5, lights: { all: { on: true, brightness: 40, kelvin: 2700 } }, sound: { stillroom: 'stream' as const, volume: 0.1, fadeInSeconds: 0, fadeOutSeconds: 0 } };
const presetB = { ...presetA, name: 'Bench B', description: 'Brighter and cooler.', lights: { all: { on: true, brightness: 70, kelvin: 3500 } }, sound: { ...presetA.sound, volume: 0.2 } };

export async function benchAmbience(): Promise<BenchReport> {
  // Home Assistant runs in its own process, as a real one does, so its work overlaps the hub's.
  const child = fork(join(import.meta.dirname, 'ambienceSimulator.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const simulator = await new Promise<SimulatorMessage>((resolve, reject) => {
    child.once('message', (message) => resolve(message as SimulatorMessage));
    child.once('exit', (code) => reject(new Error(`the simulator process exited (${code})`)));
  });
  const dataDir = tempDir('bench-ambience');
  const presetsDir = join(dataDir, 'presets');
  mkdirSync(presetsDir);
  writeFileSync(join(presetsDir, 'bench-a.yaml'), JSON.stringify(presetA));
  writeFileSync(join(presetsDir, 'bench-b.yaml'), JSON.stringify(presetB));
  writeFileSync(
    join(dataDir, 'office.yaml'),
    JSON.stringify({
      practice: { name: 'Bench' },
      homeAssistant: { url: simulator.url, tokenEnv: 'BENCH_HA_TOKEN' },
      presets: { folder: presetsDir },
      rooms: [{ id: 'big', name: 'Big room', ambience: { lights: { lamp: lightIds }, speaker: 'media_player.bench_speaker', masking: 'media_player.bench_masking', limits: { minBrightness: 1, maxBrightness: 100, maxVolume: 1 } } }],
      clinicians: [{ id: 'sam', displayName: 'Sam', colour: 'sage', symbol: 'leaf', room: 'big' }],
    }),
  );
  const hub = await createHub({ configPath: join(dataDir, 'office.yaml'), dataDir, rendererDir: join(repoRoot, 'dist', 'renderer'), presetsDir: join(repoRoot, 'presets'), log: silentLog, env: { BENCH_HA_TOKEN: simulator.token } });
  const connected = connectHomeAssistant({ url: simulator.url, token: simulator.token, onStatus: () => {} });
  if (!connected.ok) throw new Error(connected.message);
  const { link } = connected;
  try {
    await until(() => link.status().state === 'connected' && Object.keys(link.entities()).length === 26);
    await until(async () => {
      const view = await hub.api.call('desk', 'roomView', { roomId: 'big' });
      return view.ok && (view.value as { devices: { available: boolean }[] }).devices.every((d) => d.available);
    });

    const presets = [asPreset(presetA, 'bench-a'), asPreset(presetB, 'bench-b')];
    const soundUrl: SoundUrl = (name, generator) => hub.sounds.url(name, generator === 'room' ? 'big' : '');
    const planFor = (round: number) => planAmbience({ soundUrl, desired: desiredFromPreset(presets[round % 2]!), room: roomConfig, states: link.entities() });
    const firstSteps = (plan: AmbiencePlan): AmbiencePlan => ({ devices: plan.devices.map((d) => ({ ...d, steps: d.steps.filter((s) => s.atMs === 0) })) });

    const measure = async (run: (round: number) => Promise<void>) => {
      const samples: number[] = [];
      for (let round = 0; round < warmUp + rounds; round++) {
        const start = performance.now();
        await run(round);
        if (round >= warmUp) samples.push(performance.now() - start);
      }
      return percentiles(samples);
    };
    const expectOk = (ok: boolean, what: string) => {
      if (!ok) throw new Error(`${what} failed during the benchmark`);
    };

    const floor = await measure(async (round) => {
      const result = await link.callService({ domain: 'light', service: 'turn_on', target: { entity_id: lightIds[0]! }, serviceData: { brightness_pct: round % 2 ? 40 : 70 } });
      expectOk(result.ok, 'the bare call');
    });
    const sequential = await measure(async (round) => {
      for (const device of firstSteps(planFor(round)).devices) {
        for (const step of device.steps) expectOk((await link.callService(step.call)).ok, 'a sequential call');
      }
    });
    const concurrent = await measure(async (round) => {
      const run = runPlan(firstSteps(planFor(round)), (call) => link.callService(call));
      expectOk((await run.immediate).every((r) => r.result.ok), 'a concurrent call');
    });
    const scene = await measure(async (round) => {
      const plan = planSceneApply({ soundUrl, desired: desiredFromPreset(presets[round % 2]!), room: roomConfig, states: link.entities() });
      const speakers = runPlan(firstSteps({ devices: plan.devices }), (call) => link.callService(call));
      const [sceneResult, speakerResults] = await Promise.all([plan.scene ? link.callService(plan.scene) : Promise.resolve({ ok: true }), speakers.immediate]);
      speakers.cancel();
      expectOk(sceneResult.ok && speakerResults.every((r) => r.result.ok), 'scene.apply');
    });
    const hubApply = await measure(async (round) => {
      const result = (await hub.api.call('desk', 'applyPreset', { roomId: 'big', presetId: round % 2 ? 'bench-b' : 'bench-a' })) as CallResult<RoomView>;
      if (!result.ok || !result.value.lastChange.every((o) => o.outcome === 'done')) throw new Error(`applyPreset failed: ${JSON.stringify(result.ok ? result.value.lastChange.filter((o) => o.outcome !== 'done') : result.error)}`);
    });

    const row = (measure: string, p: { p50: number; p99: number }) => ({ measure, value: `p50 ${p.p50.toFixed(2)} ms, p99 ${p.p99.toFixed(2)} ms`, target: '' });
    const ratio = hubApply.p99 / floor.p99;
    return {
      title: `Ambience: a preset applied to a room of 24 lights and 2 speakers through the Home Assistant simulator over a real WebSocket, ${rounds} rounds each after ${warmUp} warm-up`,
      rows: [
        row('one bare service call (floor)', floor),
        row('sequential, device by device', sequential),
        row('concurrent, one call per device', concurrent),
        row('scene.apply for the lights', scene),
        row('applyPreset through the hub', hubApply),
        { measure: 'applyPreset p99 / floor p99', value: `${ratio.toFixed(1)}x`, target: '<= 2x', met: ratio <= 2 },
      ],
      notes: [
        'timed to every device\'s first command acknowledged; light transitions and volume ramp steps run afterwards and are excluded',
        'the second speaker is the hallway masking player, which presets leave alone outside a session',
        'the Home Assistant simulator runs in its own process, as a real Home Assistant would; its work for 24 lights is inside every figure, the floor (one light) included',
      ],
    };
  } finally {
    link.close();
    await hub.close();
    child.send({ type: 'stop' });
    await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(undefined)));
  }
}

const roomConfig = {
  lights: { lamp: lightIds },
  speaker: 'media_player.bench_speaker',
  masking: 'media_player.bench_masking',
  maskingSource: { stillroom: 'masking' as const, volume: 0.3 },
  limits: { minBrightness: 1, maxBrightness: 100, maxVolume: 1 },
  sessionEnd: 'restore' as const,
};

function asPreset(file: typeof presetA, id: string): Preset {
  return { ...file, id, session: { doorSign: true, masking: true } };
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('the benchmark set-up did not become ready');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
