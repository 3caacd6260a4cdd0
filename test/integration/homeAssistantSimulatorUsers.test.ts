/**
 * Conformance of the simulator's users: administrators and the rest, as Home Assistant core tells
 * them apart. Each case cites the source it follows:
 * - homeassistant/components/auth/__init__.py `websocket_current_user` (the `auth/current_user` answer);
 * - homeassistant/components/websocket_api/commands.py `handle_subscribe_events` (non-admins only
 *   for `SUBSCRIBE_ALLOWLIST`, homeassistant/auth/permissions/events.py) and `handle_fire_event`
 *   (`@decorators.require_admin`);
 * - homeassistant/components/websocket_api/connection.py `async_handle_exception` (`Unauthorized` ->
 *   code `unauthorized`, message "Unauthorized");
 * - homeassistant/auth/models.py (`User.is_admin` follows the user's groups at once).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startHomeAssistantSimulator, switchEntity, type HomeAssistantSimulator } from '../../main/simulators/homeAssistant/index.ts';
import { RawHomeAssistantClient } from './homeAssistantSimulatorRawClient.ts';

const clients: RawHomeAssistantClient[] = [];
const simulators: HomeAssistantSimulator[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  for (const simulator of simulators.splice(0)) await simulator.close();
});

async function start(options: { admin?: boolean } = {}) {
  const simulator = await startHomeAssistantSimulator({ entities: [switchEntity('switch.kettle')], userName: 'stillroom', ...options });
  simulators.push(simulator);
  const client = await RawHomeAssistantClient.authenticated(simulator.url, simulator.token);
  clients.push(client);
  return { simulator, client };
}

const result = (client: RawHomeAssistantClient, id: number) => client.next((message) => message.id === id && message.type === 'result');
const unauthorized = { code: 'unauthorized', message: 'Unauthorized' };

describe('auth/current_user', () => {
  it('says who the token belongs to and whether that user is an administrator', async () => {
    const { client } = await start();
    client.send({ id: 1, type: 'auth/current_user' });
    const answer = await result(client, 1);
    expect(answer.success).toBe(true);
    expect(answer.result).toMatchObject({ name: 'stillroom', is_owner: false, is_admin: true, credentials: [{ auth_provider_type: 'homeassistant', auth_provider_id: null }] });
    expect(typeof (answer.result as { id: unknown }).id).toBe('string');
  });

  it('reports is_admin false for a user without the Administrator switch', async () => {
    const { client } = await start({ admin: false });
    client.send({ id: 1, type: 'auth/current_user' });
    expect((await result(client, 1)).result).toMatchObject({ is_admin: false });
  });
});

describe('a user who is not an administrator', () => {
  it('may not subscribe to mobile_app_notification_action, nor to every event', async () => {
    const { client } = await start({ admin: false });
    client.send({ id: 1, type: 'subscribe_events', event_type: 'mobile_app_notification_action' });
    client.send({ id: 2, type: 'subscribe_events' });
    expect(await result(client, 1)).toMatchObject({ success: false, error: unauthorized });
    expect(await result(client, 2)).toMatchObject({ success: false, error: unauthorized });
  });

  it('may subscribe to the allowlisted state_changed and registry events', async () => {
    const { client } = await start({ admin: false });
    client.send({ id: 1, type: 'subscribe_events', event_type: 'state_changed' });
    client.send({ id: 2, type: 'subscribe_events', event_type: 'entity_registry_updated' });
    expect(await result(client, 1)).toMatchObject({ success: true });
    expect(await result(client, 2)).toMatchObject({ success: true });
  });

  it('may not fire events, but may still call services', async () => {
    const { simulator, client } = await start({ admin: false });
    client.send({ id: 1, type: 'fire_event', event_type: 'stillroom_arrival', event_data: { messageId: 'x' } });
    client.send({ id: 2, type: 'call_service', domain: 'switch', service: 'turn_on', target: { entity_id: 'switch.kettle' } });
    expect(await result(client, 1)).toMatchObject({ success: false, error: unauthorized });
    expect(await result(client, 2)).toMatchObject({ success: true });
    expect(simulator.states.get('switch.kettle')?.state).toBe('on');
  });

  it('loses the rights at once when the Administrator switch is turned off, on a connection already open', async () => {
    const { simulator, client } = await start();
    client.send({ id: 1, type: 'fire_event', event_type: 'stillroom_arrival' });
    expect(await result(client, 1)).toMatchObject({ success: true });
    simulator.faults.setAdmin(false);
    client.send({ id: 2, type: 'fire_event', event_type: 'stillroom_arrival' });
    client.send({ id: 3, type: 'subscribe_events', event_type: 'mobile_app_notification_action' });
    expect(await result(client, 2)).toMatchObject({ success: false, error: unauthorized });
    expect(await result(client, 3)).toMatchObject({ success: false, error: unauthorized });
  });
});
