/**
 * Conformance of the simulator's wire protocol (reference §1 and checklist §5, rules 1–8, 10, 11),
 * checked with a raw socket so every frame is seen exactly as Home Assistant would send it.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { light, mediaPlayer, startHomeAssistantSimulator, switchEntity, type HomeAssistantSimulator } from '../../main/simulators/homeAssistant/index.ts';
import { RawHomeAssistantClient } from './homeAssistantSimulatorRawClient.ts';

let simulator: HomeAssistantSimulator;
const clients: RawHomeAssistantClient[] = [];

beforeEach(async () => {
  simulator = await startHomeAssistantSimulator({
    authTimeoutMs: 300,
    entities: [light('light.desk', { name: 'Desk', supportedColorModes: ['color_temp', 'xy'], minKelvin: 2200, maxKelvin: 6500 }), switchEntity('switch.kettle'), mediaPlayer('media_player.den', { state: 'idle' })],
  });
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await simulator.close();
});

async function open(firstFrame?: string | Record<string, unknown>) {
  const client = await RawHomeAssistantClient.open(simulator.url, firstFrame);
  clients.push(client);
  return client;
}

async function signedIn() {
  const client = await RawHomeAssistantClient.authenticated(simulator.url, simulator.token);
  clients.push(client);
  return client;
}

describe('auth phase', () => {
  it('greets every connection with auth_required and a numeric ha_version (rule 1)', async () => {
    const client = await open();
    const greeting = await client.next();
    expect(greeting).toEqual({ type: 'auth_required', ha_version: '2025.1.0' });
    expect(client.frames).toHaveLength(1);
  });

  it('accepts auth sent before auth_required was read, and answers auth_ok with the same version (rules 2, 4)', async () => {
    const client = await open({ type: 'auth', access_token: simulator.token });
    expect(await client.next()).toEqual({ type: 'auth_required', ha_version: '2025.1.0' });
    expect(await client.next()).toEqual({ type: 'auth_ok', ha_version: '2025.1.0' });
  });

  it('closes a silent connection after the auth timeout without a message (rule 2)', async () => {
    const client = await open();
    await client.closed;
    expect(client.messages).toEqual([{ type: 'auth_required', ha_version: '2025.1.0' }]);
  });

  it('answers a wrong token with auth_invalid, then closes (rule 3)', async () => {
    const client = await open({ type: 'auth', access_token: 'not-the-token' });
    await client.closed;
    expect(client.messages.at(-1)).toEqual({ type: 'auth_invalid', message: 'Invalid access token or password' });
  });

  it('answers a malformed auth message with the formatting error, then closes (rule 3)', async () => {
    const client = await open({ type: 'auth', access_token: simulator.token, remember: true });
    await client.closed;
    expect(client.messages.at(-1)).toEqual({ type: 'auth_invalid', message: "Auth message incorrectly formatted: extra keys not allowed @ data['remember']. Got True" });
  });

  it('closes without a word on invalid JSON (rule 3)', async () => {
    const client = await open('{"type": "auth", ');
    await client.closed;
    expect(client.messages).toEqual([{ type: 'auth_required', ha_version: '2025.1.0' }]);
  });
});

describe('command ids (rule 5)', () => {
  it('refuses an id that does not increase', async () => {
    const client = await signedIn();
    expect(await client.command({ id: 5, type: 'ping' })).toEqual({ id: 5, type: 'pong' });
    expect(await client.command({ id: 5, type: 'ping' })).toEqual({ id: 5, type: 'result', success: false, error: { code: 'id_reuse', message: 'Identifier values have to increase.' } });
    expect((await client.command({ id: 4, type: 'ping' })).error).toEqual({ code: 'id_reuse', message: 'Identifier values have to increase.' });
  });

  it('does not advance last_id on unknown_command, so the id can be used again', async () => {
    const client = await signedIn();
    expect(await client.command({ id: 10, type: 'frontend/get_themes' })).toEqual({ id: 10, type: 'result', success: false, error: { code: 'unknown_command', message: 'Unknown command.' } });
    expect(await client.command({ id: 10, type: 'ping' })).toEqual({ id: 10, type: 'pong' });
  });

  it('answers envelope errors with invalid_format and does not advance last_id', async () => {
    const client = await signedIn();
    client.send([{ type: 'ping' }, { id: 'seven', type: 'ping' }, { id: 3, type: '' }, { id: true, type: 'ping' }]);
    const incorrect = { code: 'invalid_format', message: 'Message incorrectly formatted.' };
    expect(await client.next()).toEqual({ id: null, type: 'result', success: false, error: incorrect });
    expect(await client.next()).toEqual({ id: 'seven', type: 'result', success: false, error: incorrect });
    expect(await client.next()).toEqual({ id: 3, type: 'result', success: false, error: incorrect });
    expect(await client.next()).toEqual({ id: true, type: 'result', success: false, error: incorrect });
    expect(await client.command({ id: 3, type: 'ping' })).toEqual({ id: 3, type: 'pong' });
  });

  it('answers a command that is not an object with invalid_format for id 0', async () => {
    const client = await signedIn();
    client.send(['ping']);
    expect(await client.next()).toEqual({ id: 0, type: 'result', success: false, error: { code: 'invalid_format', message: 'Message incorrectly formatted.' } });
  });

  it('advances last_id even when the command schema refuses the message', async () => {
    const client = await signedIn();
    expect(await client.command({ id: 7, type: 'ping', extra: 1 })).toEqual({
      id: 7, type: 'result', success: false, error: { code: 'invalid_format', message: "extra keys not allowed @ data['extra']. Got 1" },
    });
    expect((await client.command({ id: 7, type: 'ping' })).error).toEqual({ code: 'id_reuse', message: 'Identifier values have to increase.' });
  });

  it('closes the connection on invalid JSON in the command phase', async () => {
    const client = await signedIn();
    client.send('{"id": 3, "type": "ping"');
    await client.closed;
    expect(client.messages.at(-1)).toEqual({ type: 'auth_ok', ha_version: '2025.1.0' });
  });
});

describe('frames (rule 6)', () => {
  it('handles an array frame from the client element by element, in order', async () => {
    const client = await signedIn();
    client.send([{ id: 2, type: 'ping' }, { id: 3, type: 'get_config' }, { id: 4, type: 'ping' }]);
    expect((await client.next()).id).toBe(2);
    expect(await client.next()).toMatchObject({ id: 3, type: 'result', success: true, result: { version: '2025.1.0', state: 'RUNNING' } });
    expect(await client.next()).toEqual({ id: 4, type: 'pong' });
  });

  it('sends single objects until the client asks for coalescing', async () => {
    const client = await signedIn();
    await client.command({ id: 2, type: 'subscribe_entities' });
    await client.next((message) => message.type === 'event');
    expect(client.frames.slice(1).every((frame) => !Array.isArray(frame))).toBe(true);
  });

  it('after supported_features joins pending messages into one array, and still sends a lone message bare', async () => {
    const client = await signedIn();
    expect(await client.command({ id: 1, type: 'supported_features', features: { coalesce_messages: 1 } })).toEqual({ id: 1, type: 'result', success: true, result: null });
    const framesBefore = client.frames.length;
    client.send({ id: 2, type: 'subscribe_entities' });
    await client.next((message) => message.id === 2 && message.type === 'event');
    expect(client.frames.slice(framesBefore)).toEqual([[{ id: 2, type: 'result', success: true, result: null }, expect.objectContaining({ id: 2, type: 'event' })]]);
    expect(await client.command({ id: 3, type: 'ping' })).toEqual({ id: 3, type: 'pong' });
    expect(client.frames.at(-1)).toEqual({ id: 3, type: 'pong' });
  });
});

describe('subscribe_entities (rule 7)', () => {
  async function subscribed() {
    const client = await signedIn();
    client.send({ id: 2, type: 'subscribe_entities' });
    expect(await client.next()).toEqual({ id: 2, type: 'result', success: true, result: null });
    const snapshot = await client.next();
    return { client, snapshot: snapshot.event as { a: Record<string, Record<string, unknown>> } };
  }
  const nextChange = async (client: RawHomeAssistantClient) => ((await client.next((message) => message.type === 'event')).event as Record<string, Record<string, unknown>>);

  it('starts with the compressed snapshot of every entity, context as a bare id and lu omitted when equal to lc', async () => {
    const { snapshot } = await subscribed();
    expect(Object.keys(snapshot.a).sort()).toEqual(['light.desk', 'media_player.den', 'switch.kettle']);
    const desk = snapshot.a['light.desk']!;
    expect(Object.keys(desk).sort()).toEqual(['a', 'c', 'lc', 's']);
    expect(desk.s).toBe('off');
    expect(desk.c).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(desk.a).toMatchObject({ friendly_name: 'Desk', color_mode: null, brightness: null, supported_color_modes: ['color_temp', 'xy'] });
    expect(simulator.states.get('light.desk')!.last_changed).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?\+00:00$/);
  });

  // homeassistant/components/websocket_api/commands.py handle_subscribe_entities: `entity_ids` limits the
  // snapshot and every change (_forward_entity_changes); cv.entity_ids lower-cases each id and refuses the
  // command for one that is not an entity id.
  it('with entity_ids sends those entities only, in the snapshot and after, ids lower-cased', async () => {
    const client = await signedIn();
    client.send({ id: 2, type: 'subscribe_entities', entity_ids: ['Light.Desk'] });
    expect(await client.next()).toEqual({ id: 2, type: 'result', success: true, result: null });
    expect(Object.keys(((await client.next()).event as { a: Record<string, unknown> }).a)).toEqual(['light.desk']);
    simulator.setState('switch.kettle', 'on');
    simulator.setState('light.desk', 'on');
    expect(Object.keys((await nextChange(client)).c!)).toEqual(['light.desk']);
  });

  it('refuses entity_ids holding something that is not an entity id, and subscribes to nothing', async () => {
    const client = await signedIn();
    client.send({ id: 2, type: 'subscribe_entities', entity_ids: ['light.desk', 'light.bad__id'] });
    const refused = await client.next();
    expect(refused).toMatchObject({ id: 2, type: 'result', success: false, error: { code: 'invalid_format' } });
    expect((refused.error as { message: string }).message).toContain('Entity ID light.bad__id is an invalid entity ID');
    // Nothing comes of a change: the next message is the answer to a ping sent after it.
    simulator.setState('light.desk', 'on');
    client.send({ id: 3, type: 'ping' });
    expect(await client.next()).toMatchObject({ id: 3, type: 'pong' });
  });

  it('batches the changes of one call into one event, one entry per entity, before the result', async () => {
    const { client } = await subscribed();
    client.send({
      id: 3,
      type: 'call_service',
      domain: 'scene',
      service: 'apply',
      service_data: { entities: { 'light.desk': { state: 'on', brightness: 120 }, 'switch.kettle': 'on' } },
    });
    const messages: Record<string, unknown>[] = [];
    while (messages.at(-1)?.['type'] !== 'result') messages.push(await client.next());
    const events = messages.filter((message) => message['type'] === 'event').map((message) => message['event'] as { c?: Record<string, unknown> });
    // One event with both entities, then the result.
    expect(events.map((event) => Object.keys(event.c ?? {}).sort())).toEqual([['light.desk', 'switch.kettle']]);
    expect(messages.at(-1)).toMatchObject({ id: 3, type: 'result', success: true });
  });

  it('never puts two updates of the same entity in one event', async () => {
    const { client } = await subscribed();
    simulator.setState('switch.kettle', 'on');
    simulator.setState('switch.kettle', 'off');
    const first = await nextChange(client);
    const second = await nextChange(client);
    expect([first.c!['switch.kettle'], second.c!['switch.kettle']].map((diff) => (diff as { '+': { s: string } })['+'].s)).toEqual(['on', 'off']);
  });

  it('sends a state change as + with s, lc and the new context id', async () => {
    const { client } = await subscribed();
    simulator.setState('switch.kettle', 'on');
    const change = await nextChange(client);
    const diff = change.c!['switch.kettle'] as { '+': Record<string, unknown> };
    expect(Object.keys(diff)).toEqual(['+']);
    expect(Object.keys(diff['+']).sort()).toEqual(['c', 'lc', 's']);
    expect(diff['+'].s).toBe('on');
    expect(diff['+'].c).toBe(simulator.states.get('switch.kettle')!.context.id);
  });

  it('sends an attribute-only change with lu instead of lc, and the user context as an object of the changed keys', async () => {
    const { client } = await subscribed();
    client.send({ id: 3, type: 'call_service', domain: 'media_player', service: 'volume_set', service_data: { volume_level: 0.5 }, target: { entity_id: 'media_player.den' } });
    const diff = (await nextChange(client)).c!['media_player.den'] as { '+': Record<string, unknown> };
    const result = await client.reply(3);
    const context = (result.result as { context: { id: string; user_id: string } }).context;
    expect(diff['+']).toEqual({ lu: expect.any(Number), c: { id: context.id, user_id: context.user_id }, a: { volume_level: 0.5 } });
  });

  it('lists removed attributes under -', async () => {
    const { client } = await subscribed();
    client.send({ id: 3, type: 'call_service', domain: 'media_player', service: 'turn_off', target: { entity_id: 'media_player.den' } });
    const diff = (await nextChange(client)).c!['media_player.den'] as Record<string, Record<string, unknown>>;
    expect(diff['+']!.s).toBe('off');
    expect(diff['-']).toEqual({ a: ['volume_level', 'is_volume_muted'] });
  });

  it('announces added entities under a and removed ones under r', async () => {
    const { client } = await subscribed();
    simulator.addEntity(switchEntity('switch.fan'));
    expect(Object.keys((await nextChange(client)).a!)).toEqual(['switch.fan']);
    simulator.removeEntity('switch.fan');
    expect(await nextChange(client)).toEqual({ r: ['switch.fan'] });
  });
});

describe('subscribe_events (rule 8)', () => {
  it('confirms with result null, then forwards state_changed events until unsubscribed', async () => {
    const client = await signedIn();
    expect(await client.command({ id: 2, type: 'subscribe_events', event_type: 'state_changed' })).toEqual({ id: 2, type: 'result', success: true, result: null });
    simulator.setState('switch.kettle', 'on');
    const { event } = await client.reply(2) as { event: { event_type: string; origin: string; data: { new_state: { state: string }; old_state: { state: string } } } };
    expect(event).toMatchObject({ event_type: 'state_changed', origin: 'LOCAL', data: { entity_id: 'switch.kettle', old_state: { state: 'off' }, new_state: { state: 'on' } } });
    expect(await client.command({ id: 3, type: 'unsubscribe_events', subscription: 2 })).toEqual({ id: 3, type: 'result', success: true, result: null });
    simulator.setState('switch.kettle', 'off');
    await client.command({ id: 4, type: 'ping' });
    expect(client.messages.filter((message) => message.id === 2)).toHaveLength(2);
  });

  it('answers not_found for a subscription that does not exist', async () => {
    const client = await signedIn();
    expect(await client.command({ id: 2, type: 'unsubscribe_events', subscription: 99 })).toEqual({
      id: 2, type: 'result', success: false, error: { code: 'not_found', message: 'Subscription not found.' },
    });
  });

  it('delivers fire_event to subscribers and answers with the event context', async () => {
    const client = await signedIn();
    await client.command({ id: 2, type: 'subscribe_events', event_type: 'stillroom_arrival' });
    const result = await client.command({ id: 3, type: 'fire_event', event_type: 'stillroom_arrival', event_data: { room: 'calm' } });
    const { event } = (await client.next((message) => message.type === 'event')) as { event: Record<string, unknown> };
    expect(event).toMatchObject({ event_type: 'stillroom_arrival', data: { room: 'calm' }, origin: 'REMOTE' });
    expect(result.result).toEqual({ context: event.context });
  });

  it('drops the subscriptions of a closed connection', async () => {
    const client = await signedIn();
    await client.command({ id: 2, type: 'subscribe_events' });
    await client.command({ id: 3, type: 'subscribe_entities' });
    expect(simulator.subscriptionCount()).toBe(2);
    client.close();
    await vi.waitFor(() => expect(simulator.subscriptionCount()).toBe(0));
  });
});

describe('ping (rule 10)', () => {
  it('answers with pong, not a result', async () => {
    const client = await signedIn();
    expect(await client.command({ id: 2, type: 'ping' })).toEqual({ id: 2, type: 'pong' });
  });
});

describe('state machine (rule 11)', () => {
  it('fires no state_changed for an identical write', async () => {
    const client = await signedIn();
    await client.command({ id: 2, type: 'subscribe_events', event_type: 'state_changed' });
    simulator.setState('switch.kettle', 'off');
    simulator.setState('switch.kettle', 'on');
    const { event } = (await client.reply(2)) as { event: { data: { new_state: { state: string } } } };
    expect(event.data.new_state.state).toBe('on');
  });

  it('moves last_changed only when the state string changes', async () => {
    const client = await signedIn();
    await client.command({ id: 2, type: 'call_service', domain: 'light', service: 'turn_on', service_data: { brightness: 100 }, target: { entity_id: 'light.desk' } });
    const turnedOn = simulator.states.get('light.desk')!;
    await client.command({ id: 3, type: 'call_service', domain: 'light', service: 'turn_on', service_data: { brightness: 200 }, target: { entity_id: 'light.desk' } });
    const brighter = simulator.states.get('light.desk')!;
    expect(brighter.attributes.brightness).toBe(200);
    expect(brighter.last_changed).toBe(turnedOn.last_changed);
    expect(brighter.last_updated).not.toBe(turnedOn.last_updated);
  });
});
