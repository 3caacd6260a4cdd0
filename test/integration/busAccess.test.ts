/**
 * The office bus is defended (issue 9, item 8), against a real Mosquitto:
 * - a room command published live with retain set is dropped like the one the broker replays on
 *   subscribe (the hub subscribes with MQTT v5 Retain As Published; before, it started the session);
 * - with the README's broker setup (config/mosquitto/stillroom.acl, password_file,
 *   use_username_as_clientid) a reading screen cannot end a session or forge the hub's presence, a
 *   wall switch commands only its own room, and nobody knocks the hub off by reusing its client id,
 *   while the hub itself still publishes everything and takes the wall switch's commands.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHomeAssistantSimulator } from '../../main/simulators/homeAssistant/index.ts';
import { repoRoot } from './support/hubClient.ts';
import { rawSubscriber, startMosquitto, type MosquittoOptions } from './support/mosquitto.ts';
import { arrivalEvents, hubId, site, startOfficeHub, topics, writeOffice, type LogLine } from './support/officeBus.ts';
import { willowDevices } from './support/roomOffice.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const passwords = { 'stillroom-hub': 'hub-secret', 'willow-switch': 'switch-secret', 'front-screen': 'screen-secret' };
const shippedAcl = readFileSync(join(repoRoot, 'config/mosquitto/stillroom.acl'), 'utf8');

/** A broker (with `broker` options), Willow's devices in Home Assistant, and the hub on both. */
async function office(broker: MosquittoOptions = {}, hubUser?: keyof typeof passwords) {
  const mosquitto = await startMosquitto(broker);
  cleanups.push(() => mosquitto.dispose());
  const home = await startHomeAssistantSimulator({ entities: willowDevices });
  cleanups.push(() => home.close());
  const written = writeOffice({ brokerUrl: mosquitto.url, homeAssistantUrl: home.url });
  cleanups.push(() => written.remove());
  const env: Record<string, string> = hubUser ? { STILLROOM_MQTT_USERNAME: hubUser, STILLROOM_MQTT_PASSWORD: passwords[hubUser] } : {};
  const hub = await startOfficeHub(written, { homeAssistantToken: home.token, env });
  cleanups.push(() => hub.close());
  await hub.untilRoom((room) => room.devices.every((device) => device.available), 'its devices from Home Assistant');
  const client = async (user?: keyof typeof passwords, filters: string[] = [], clientId?: string) => {
    const connected = await rawSubscriber(mosquitto.url, filters, { ...(user ? { username: user, password: passwords[user] } : {}), ...(clientId ? { clientId } : {}) });
    cleanups.push(() => connected.close());
    return connected;
  };
  return { mosquitto, hub, client };
}

const dropped = (line: LogLine) => line.message === 'room command dropped';
const retainedDropped = (line: LogLine) => dropped(line) && String(line['reason']).startsWith('retained commands are ignored');

describe('a retained room command', () => {
  it('is dropped when published live too, not only when the broker replays it', async () => {
    const { hub, client } = await office();
    const wallSwitch = await client();
    // Both on one topic from one client: the broker keeps their order, so once Calm shows, the first was handled.
    await wallSwitch.client.publishAsync(topics.roomCommand('willow'), '{"action":"start-session"}', { qos: 1, retain: true });
    await wallSwitch.client.publishAsync(topics.roomCommand('willow'), '{"action":"apply-preset","preset":"calm"}', { qos: 1 });
    const room = await hub.untilRoom((view) => view.preset?.id === 'calm', 'Calm from the wall switch');
    expect(room.inSession).toBe(false);
    expect(hub.log.items.filter(retainedDropped)).toHaveLength(1);
    // Cleared, so it is not replayed to the next test's subscriber either.
    await wallSwitch.client.publishAsync(topics.roomCommand('willow'), '', { qos: 1, retain: true });
  });
});

describe('the broker set up as the README says (users, config/mosquitto/stillroom.acl, client id = user name)', () => {
  const readmeBroker: MosquittoOptions = { users: passwords, acl: shippedAcl, extraConfig: ['use_username_as_clientid true'] };

  it('lets the hub publish arrivals and its presence, and take its own room’s commands from the wall switch', async () => {
    const { hub, client } = await office(readmeBroker, 'stillroom-hub');
    const screen = await client('front-screen', [topics.arrivals, topics.hubStatus]);
    await screen.until((messages) => messages.some((m) => m.topic === topics.hubStatus && m.text.includes('online')), 'the hub online');
    await hub.checkIn({ clinicianId: 'sam', slot: { kind: 'later' }, wishes: [] });
    await screen.until((messages) => arrivalEvents(messages).length === 1, 'the arrival on the bus');

    const wallSwitch = await client('willow-switch', [topics.roomState('willow')]);
    await wallSwitch.client.publishAsync(topics.roomCommand('willow'), '{"action":"start-session"}', { qos: 1 });
    expect((await hub.untilRoom((view) => view.inSession, 'the session started by the wall switch')).inSession).toBe(true);
    await wallSwitch.until((messages) => messages.some((m) => m.topic === topics.roomState('willow') && m.text.includes('"inSession":true')), 'the room state for its LED');
  });

  it('refuses a reading screen that tries to end a session or forge the hub’s presence, and a switch that tries another room', async () => {
    const { hub, client } = await office(readmeBroker, 'stillroom-hub');
    await hub.staff('startSession', { roomId: 'willow' });
    const screen = await client('front-screen', [topics.hubStatus]);
    // Mosquitto answers a denied QoS 1 publish with PUBACK "Not authorized" under MQTT v5 (src/handle_publish.c).
    await expect(screen.client.publishAsync(topics.roomCommand('willow'), '{"action":"end-session"}', { qos: 1 })).rejects.toThrow(/not authori[sz]ed/i);
    await expect(screen.client.publishAsync(topics.hubStatus, '{"state":"offline"}', { qos: 1, retain: true })).rejects.toThrow(/not authori[sz]ed/i);
    const wallSwitch = await client('willow-switch');
    await expect(wallSwitch.client.publishAsync(`stillroom/${site}/rooms/cedar/set`, '{"action":"end-session"}', { qos: 1 })).rejects.toThrow(/not authori[sz]ed/i);
    await expect(wallSwitch.client.publishAsync(`stillroom/${site}/arrivals/forged`, '{}', { qos: 1 })).rejects.toThrow(/not authori[sz]ed/i);

    // The session goes on and the hub still reads as online to a screen that starts now.
    expect((await hub.staff<{ inSession: boolean }>('roomView', { roomId: 'willow' })).inSession).toBe(true);
    const later = await client('front-screen', [topics.hubStatus]);
    const status = await later.until((messages) => messages.some((m) => m.topic === topics.hubStatus), 'the retained presence');
    expect(status.find((m) => m.topic === topics.hubStatus)?.text).toContain('online');
    expect(hub.log.items.filter(dropped)).toEqual([]);
  });

  it('does not let another user knock the hub off by connecting with the hub’s client id', async () => {
    const { hub, client } = await office(readmeBroker, 'stillroom-hub');
    const screen = await client('front-screen', [topics.arrivals, topics.hubStatus]);
    await screen.until((messages) => messages.some((m) => m.topic === topics.hubStatus && m.text.includes('online')), 'the hub online');
    // The id the hub connects with (mqttLink.ts: stillroom-<site>-<hub id>), reused by another user.
    // (Not the screen's own user: two connections of one user now share one client id and take turns.)
    await client('willow-switch', [], `stillroom-${site}-${hubId}`);
    await hub.checkIn({ clinicianId: 'sam', slot: { kind: 'later' }, wishes: [] });
    await screen.until((messages) => arrivalEvents(messages).length === 1, 'the arrival on the bus');
    expect(screen.messages.filter((m) => m.topic === topics.hubStatus).map((m) => JSON.parse(m.text).state)).toEqual(['online']);
    // Never off the bus: without use_username_as_clientid the broker drops the hub's connection at
    // once, the hub says "mqtt broker unreachable" and the arrival waits for its reconnect.
    expect(hub.log.items.filter((line) => /mqtt|MQTT/.test(line.message) && line['state'] !== 'connected').map((line) => line.message)).toEqual([]);
  });
});
