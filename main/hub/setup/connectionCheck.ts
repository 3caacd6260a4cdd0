/**
 * "Test the connection" on the admin page, and the other one-off reads setup needs: connects to a
 * Home Assistant with the address and token given, reads what it needs, and closes again, before
 * anything is saved. The answer is a sentence for the admin ("Connected to Home Assistant
 * 2026.11.2 at homeassistant.local; 42 lights, 6 speakers found") or the refusal in words: always
 * `invalid-input`, since it is the settings typed that do not work, not the hub. The token is used
 * for this one connection and never put into any message.
 */
import { createConnection, createLongLivedTokenAuth, ERR_CANNOT_CONNECT, ERR_INVALID_AUTH, getConfig, getServices, getStates, type Connection } from 'home-assistant-js-websocket';
import { useWsForHomeAssistant } from '../devices/homeAssistant/homeAssistantLink.ts';
import { normaliseHomeAssistantUrl } from '../devices/homeAssistant/homeAssistantUrl.ts';
import { certificateProblem } from '../devices/homeAssistant/tlsProbe.ts';
import { ok, refuse, type Result } from '../result.ts';
import { roomsFromAreas, type AreaEntry, type AreaRoom, type DeviceEntry, type EntityEntry } from './areaRooms.ts';

export interface HomeAssistantFound {
  url: string;
  version: string;
  lights: number;
  speakers: number;
  /** `notify` services (`mobile_app_…` for phones with the companion app), to pick a push target from. */
  notifyServices: string[];
  message: string;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** Runs `read` on one fresh connection to `address` with `token`, and closes it; every failure in words. */
async function withHomeAssistant<T>(address: string, token: string, timeoutMs: number, read: (connection: Connection, url: string) => Promise<T>): Promise<Result<T>> {
  const normalised = normaliseHomeAssistantUrl(address);
  if (!normalised.ok) return refuse('invalid-input', normalised.message);
  if (token.trim() === '') return refuse('invalid-input', 'Please paste a long-lived access token: in Home Assistant, open your profile, then Security, and create one at the bottom of the page.');
  useWsForHomeAssistant();
  const { url } = normalised;
  const host = new URL(url).hostname;
  const port = new URL(url).port || (url.startsWith('https:') ? '443' : '80');
  let connection: Connection | undefined;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
  try {
    const attempt = (async () => {
      connection = await createConnection({ auth: createLongLivedTokenAuth(url, token.trim()), setupRetry: 0 });
      return { value: await read(connection, url) };
    })();
    const answer = await Promise.race([attempt, timedOut]);
    if (answer === 'timeout') {
      void attempt.then(() => connection?.close(), () => {});
      return refuse('invalid-input', `Home Assistant at ${host} did not answer within ${Math.round(timeoutMs / 1000)} seconds. Check the address, and that Home Assistant is running.`);
    }
    return ok(answer.value);
  } catch (error) {
    // The library rejects with its error code (a number), not an Error.
    if (error === ERR_INVALID_AUTH) return refuse('invalid-input', `Home Assistant at ${host} refused this access token. Create a new long-lived access token in your Home Assistant profile (Security) and paste it here.`);
    if (error === ERR_CANNOT_CONNECT) {
      const certificate = await certificateProblem(url);
      if (certificate) return refuse('invalid-input', certificate);
    }
    if (error === ERR_CANNOT_CONNECT) return refuse('invalid-input', `Could not reach Home Assistant on ${host}, port ${port}. Check the address and the port (usually 8123), and that this computer is on the same network.`);
    return refuse('invalid-input', `Home Assistant at ${host} could not be read. Check that it is Home Assistant at this address.`);
  } finally {
    clearTimeout(timer);
    connection?.close();
  }
}

export function checkHomeAssistant(address: string, token: string, timeoutMs = 8000): Promise<Result<HomeAssistantFound>> {
  return withHomeAssistant(address, token, timeoutMs, async (connection, url) => {
    const [config, states, services] = await Promise.all([getConfig(connection), getStates(connection), getServices(connection)]);
    const lights = states.filter((state) => state.entity_id.startsWith('light.')).length;
    // A TV or a receiver is a media player too, but not a speaker a room would play sound on.
    const speakers = states.filter((state) => state.entity_id.startsWith('media_player.') && !['tv', 'receiver'].includes(String(state.attributes.device_class ?? ''))).length;
    const notifyServices = Object.keys(services.notify ?? {}).filter((service) => service !== 'send_message' && service !== 'persistent_notification').sort();
    const host = new URL(url).hostname;
    return { url, version: config.version, lights, speakers, notifyServices, message: `Connected to Home Assistant ${config.version} at ${host}; ${plural(lights, 'light', 'lights')}, ${plural(speakers, 'speaker', 'speakers')} found.` };
  });
}

/** Home Assistant's areas as rooms, with their devices sorted (areaRooms.ts). */
export function readAreaRooms(address: string, token: string, timeoutMs = 8000): Promise<Result<AreaRoom[]>> {
  return withHomeAssistant(address, token, timeoutMs, async (connection) => {
    const [areas, devices, entities, states] = await Promise.all([
      connection.sendMessagePromise<AreaEntry[]>({ type: 'config/area_registry/list' }),
      connection.sendMessagePromise<DeviceEntry[]>({ type: 'config/device_registry/list' }),
      connection.sendMessagePromise<EntityEntry[]>({ type: 'config/entity_registry/list' }),
      getStates(connection),
    ]);
    const deviceClasses = new Map(states.map((state) => [state.entity_id, state.attributes.device_class as string | undefined]));
    return roomsFromAreas({ areas, devices, entities }, (entityId) => deviceClasses.get(entityId));
  });
}
