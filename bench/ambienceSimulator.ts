/**
 * The ambience benchmark's Home Assistant, in its own process as a real one would be: a simulator
 * with 24 lights and 2 speakers. Started with `fork`; says where it listens, stops when told.
 */
import { light, mediaPlayer, startHomeAssistantSimulator } from '../main/simulators/homeAssistant/index.ts';

export const benchLightIds = Array.from({ length: 24 }, (_, i) => `light.bench_${String(i + 1).padStart(2, '0')}`);

export type SimulatorMessage = { type: 'ready'; url: string; token: string };

if (process.send) {
  const simulator = await startHomeAssistantSimulator({
    keepRecords: 0,
    entities: [
      ...benchLightIds.map((id, i) => light(id, { supportedColorModes: i % 3 === 0 ? ['color_temp', 'xy'] : ['color_temp'], minKelvin: 2200, maxKelvin: 6500 })),
      mediaPlayer('media_player.bench_speaker', { state: 'playing', volumeLevel: 0.1 }),
      mediaPlayer('media_player.bench_masking', { state: 'idle', volumeLevel: 0.2 }),
    ],
  });
  process.send({ type: 'ready', url: simulator.url, token: simulator.token } satisfies SimulatorMessage);
  process.on('message', () => void simulator.close().then(() => process.exit(0)));
}
