/**
 * A room's sound end to end: "Calm" applied to the room tells the (simulated) speaker to play the
 * hub's own stream, the speaker really fetches it from the hub's HTTP address, and what it gets is
 * MP3. A volume nudge then only ramps the volume, because the speaker reports the URL it plays and
 * that is the URL Stillroom gave it; a session's masking player fetches the room's own generator.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HomeAssistantSimulator } from '../../main/simulators/homeAssistant/index.ts';
import { startHttpTransport, type HttpTransport } from '../../main/hub/transport/httpTransport.ts';
import { readFrames } from './support/mp3Frames.ts';
import type { RoomView } from '../../main/contract/contract.ts';
import { startRoomOffice, startWillowSimulator, type RoomOffice } from './support/roomOffice.ts';

let simulator: HomeAssistantSimulator;
let office: RoomOffice;
let http: HttpTransport;

beforeEach(async () => {
  simulator = await startWillowSimulator();
  office = await startRoomOffice(simulator);
  http = await startHttpTransport(office.hub, { port: 0 });
  await office.untilRoom((room) => room.devices.every((d) => d.available), 'every device available');
});

afterEach(async () => {
  await http.close();
  await office.close();
  await simulator.close();
});

const fetchOf = async (entityId: string, url: string) => {
  await expect.poll(() => simulator.mediaFetches.find((fetched) => fetched.entityId === entityId && fetched.url === url), { timeout: 60_000 }).toBeDefined();
  return simulator.mediaFetches.find((fetched) => fetched.entityId === entityId && fetched.url === url)!;
};

const speakerOutcome = (view: RoomView) => view.lastChange.find((change) => change.entityId === 'media_player.willow_speaker')?.outcome;

const callsTo = (entityId: string, from = 0) =>
  simulator.serviceCalls.slice(from).filter((call) => (call.target as { entity_id?: string } | undefined)?.entity_id === entityId).map((call) => call.service);

describe("a room's sound comes from the hub", () => {
  it('Calm reaches the speaker with the hub\'s stream URL, and the speaker fetches MP3 from the hub', async () => {
    await office.call('applyPreset', { roomId: 'willow', presetId: 'calm' });
    const url = `${http.url}/sounds/stream.mp3`;
    const fetched = await fetchOf('media_player.willow_speaker', url);
    expect(fetched.status).toBe(200);
    expect(fetched.contentType).toBe('audio/mpeg');
    expect(readFrames(fetched.head).frames.length).toBeGreaterThan(10);
    // The player reports what it plays: the URL it was given, still playing after the fetch.
    expect(simulator.states.get('media_player.willow_speaker')).toMatchObject({ state: 'playing', attributes: { media_content_id: url } });
    await office.untilRoom((view) => speakerOutcome(view) === 'done', 'the speaker done', 30_000);
  }, 90_000);

  it('a volume nudge on the same sound only ramps the volume: no stop, no new play', async () => {
    await office.call('applyPreset', { roomId: 'willow', presetId: 'calm' });
    await fetchOf('media_player.willow_speaker', `${http.url}/sounds/stream.mp3`);
    const before = simulator.serviceCalls.length;
    await office.call('fineTune', { roomId: 'willow', volume: 0.25 });
    await expect.poll(() => simulator.states.get('media_player.willow_speaker')?.attributes.volume_level, { timeout: 10_000 }).toBe(0.25);
    expect(new Set(callsTo('media_player.willow_speaker', before))).toEqual(new Set(['volume_set']));
  }, 90_000);

  it('a session starts the masking player on the room\'s own generator, fetched from the hub', async () => {
    await office.call('applyPreset', { roomId: 'willow', presetId: 'calm' });
    await office.call('startSession', { roomId: 'willow' });
    const fetched = await fetchOf('media_player.willow_masking', `${http.url}/sounds/masking/willow.mp3`);
    expect(fetched.status).toBe(200);
    expect(readFrames(fetched.head).frames.length).toBeGreaterThan(10);
  }, 90_000);
});
