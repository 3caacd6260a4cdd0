/**
 * The simulator as the real `home-assistant-js-websocket` 9.7.0 client sees it (checklist §5
 * rules 9 and 12): ids, reconnects, token refusal, and the three shapes of a rejection.
 */
import {
  callService, createConnection, createLongLivedTokenAuth, ERR_CONNECTION_LOST, ERR_INVALID_AUTH, getStates, subscribeEntities,
  type Connection, type HassEntities,
} from 'home-assistant-js-websocket';
import { WebSocket } from 'ws';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { light, startHomeAssistantSimulator, switchEntity, type HomeAssistantSimulator, type ReceivedMessage } from '../../main/simulators/homeAssistant/index.ts';

let simulator: HomeAssistantSimulator;
let connection: Connection | undefined;

beforeAll(() => {
  // Node 24 has its own global WebSocket; the library must get `ws` (reference §2.1).
  globalThis.WebSocket = WebSocket as unknown as typeof globalThis.WebSocket;
});

beforeEach(async () => {
  simulator = await startHomeAssistantSimulator({ entities: [light('light.desk', { name: 'Desk' }), switchEntity('switch.kettle')] });
});

afterEach(async () => {
  connection?.close();
  connection = undefined;
  await simulator.close();
});

async function connect(): Promise<Connection> {
  connection = await createConnection({ auth: createLongLivedTokenAuth(simulator.url, simulator.token) });
  return connection;
}

function withTimeout<T>(promise: Promise<T>, what: string, timeoutMs = 8000): Promise<T> {
  return Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`Timed out waiting for ${what}`)), timeoutMs))]);
}

function nextConnectionEvent(conn: Connection, eventType: 'ready' | 'disconnected' | 'reconnect-error'): Promise<unknown> {
  return withTimeout(new Promise((resolve) => {
    const listener = (_conn: Connection, data?: unknown) => {
      conn.removeEventListener(eventType, listener);
      resolve(data);
    };
    conn.addEventListener(eventType, listener);
  }), eventType);
}

/** Resolves with the entity store as soon as it satisfies `done`. */
function entitiesWhen(conn: Connection, done: (entities: HassEntities) => boolean): Promise<HassEntities> {
  return withTimeout(new Promise((resolve) => {
    const unsubscribe = subscribeEntities(conn, (entities) => {
      if (!done(entities)) return;
      queueMicrotask(unsubscribe);
      resolve(entities);
    });
  }), 'entities');
}

function receivedWhen(done: (received: ReceivedMessage) => boolean): Promise<ReceivedMessage> {
  const already = simulator.received.find(done);
  if (already) return Promise.resolve(already);
  return withTimeout(new Promise((resolve) => {
    const stop = simulator.onReceive((received) => {
      if (!done(received)) return;
      stop();
      resolve(received);
    });
  }), 'a message at the simulator');
}

const idsOn = (connectionNumber: number) =>
  simulator.received.filter((received) => received.connection === connectionNumber).map((received) => received.message as { id: number; type: string });

describe('the real client library', () => {
  it('connects, sends supported_features as id 1 and numbers its first command 3 (rule 12)', async () => {
    const conn = await connect();
    expect(conn.haVersion).toBe('2025.1.0');
    await getStates(conn);
    expect(idsOn(1).map(({ id, type }) => `${id}:${type}`)).toEqual(['1:supported_features', '3:get_states']);
  });

  it('sees the entities, and a service call result whose context matches the state change (rule 9)', async () => {
    const conn = await connect();
    const initial = await entitiesWhen(conn, (entities) => 'light.desk' in entities);
    expect(initial['light.desk']).toMatchObject({ state: 'off', attributes: { friendly_name: 'Desk', brightness: null } });
    const changed = entitiesWhen(conn, (entities) => entities['light.desk']?.state === 'on');
    const result = (await callService(conn, 'light', 'turn_on', { brightness_pct: 40 }, { entity_id: 'light.desk' })) as { context: { id: string } };
    expect(Object.keys(result)).toEqual(['context']);
    const desk = (await changed)['light.desk']!;
    expect(desk.context.id).toBe(result.context.id);
    expect(desk.attributes.brightness).toBe(102);
    expect(desk.last_updated).toBe(desk.last_changed);
  });

  it('rejects a server error with the error object itself (rejection shape 1)', async () => {
    const conn = await connect();
    await expect(callService(conn, 'light', 'dance', {}, { entity_id: 'light.desk' })).rejects.toMatchObject({ code: 'not_found', message: 'Service light.dance not found.' });
  });

  it('rejects a command in flight when the socket drops with a Connection lost result (rejection shape 2)', async () => {
    const conn = await connect();
    simulator.faults.delayReplies(10_000);
    const inFlight = callService(conn, 'switch', 'turn_on', undefined, { entity_id: 'switch.kettle' });
    await receivedWhen((received) => (received.message as { type: string }).type === 'call_service');
    simulator.faults.dropConnections();
    await expect(inFlight).rejects.toEqual({ type: 'result', success: false, error: { code: ERR_CONNECTION_LOST, message: 'Connection lost' } });
    simulator.faults.delayReplies(0);
  });

  it('reconnects after a drop, restarting ids at 2 and keeping the entity subscription alive (rule 12)', async () => {
    const conn = await connect();
    await entitiesWhen(conn, (entities) => 'switch.kettle' in entities);
    const unsubscribe = subscribeEntities(conn, () => {});
    const ready = nextConnectionEvent(conn, 'ready');
    simulator.faults.dropConnections();
    await ready;
    await receivedWhen((received) => received.connection === 2 && (received.message as { type: string }).type === 'subscribe_entities');
    expect(idsOn(2).slice(0, 2).map(({ id, type }) => `${id}:${type}`)).toEqual(['1:supported_features', '2:subscribe_entities']);
    const switchedOn = entitiesWhen(conn, (entities) => entities['switch.kettle']?.state === 'on');
    simulator.setState('switch.kettle', 'on');
    expect((await switchedOn)['switch.kettle']!.state).toBe('on');
    unsubscribe();
  });

  it('stops reconnecting with reconnect-error when the token is refused after a drop (rule 12)', async () => {
    const conn = await connect();
    const refused = nextConnectionEvent(conn, 'reconnect-error');
    simulator.faults.refuseToken(true);
    simulator.faults.dropConnections();
    expect(await refused).toBe(ERR_INVALID_AUTH);
    expect(conn.connected).toBe(false);
  });

  it('rejects a command issued while Home Assistant is down with the bare number 3, and recovers when it is back (rejection shape 3)', async () => {
    const conn = await connect();
    await callService(conn, 'switch', 'turn_on', undefined, { entity_id: 'switch.kettle' });
    const disconnected = nextConnectionEvent(conn, 'disconnected');
    const port = simulator.port;
    const house = simulator.snapshot();
    await simulator.close();
    await disconnected;
    await expect(callService(conn, 'switch', 'turn_off', undefined, { entity_id: 'switch.kettle' })).rejects.toBe(ERR_CONNECTION_LOST);
    const ready = nextConnectionEvent(conn, 'ready');
    simulator = await startHomeAssistantSimulator({ port, entities: house });
    await ready;
    const states = await getStates(conn);
    expect(states.find((state) => state.entity_id === 'switch.kettle')!.state).toBe('on');
    expect(idsOn(1)[0]).toMatchObject({ id: 1, type: 'supported_features' });
  });

  it('restarts in place keeping the states, and the library comes back by itself', async () => {
    const conn = await connect();
    await callService(conn, 'light', 'turn_on', { brightness: 77 }, { entity_id: 'light.desk' });
    const ready = nextConnectionEvent(conn, 'ready');
    await simulator.restart();
    await ready;
    const desk = (await getStates(conn)).find((state) => state.entity_id === 'light.desk')!;
    expect(desk.attributes.brightness).toBe(77);
  });
});
