/**
 * The rooms' device layer as the office configuration describes it: a real Home Assistant (token
 * from the environment), the demo office's simulated one, or none. Whatever it is, the hub sees
 * the same small interface and a status in words.
 */
import type { HassEntities } from 'home-assistant-js-websocket';
import type { DeviceLinkStatus } from '../../../contract/contract.ts';
import type { OfficeConfig } from '../../config/officeConfig.ts';
import { Listeners } from '../../listeners.ts';
import type { Log } from '../../log.ts';
import type { RoomDevices } from '../../rooms/rooms.ts';
import { connectHomeAssistant, type HomeAssistantLink, type HomeAssistantStatus } from './homeAssistantLink.ts';
import { roomEntities } from '../../rooms/deviceViews.ts';

export interface DeviceLayer extends RoomDevices {
  entities(): HassEntities;
  /** The connection itself, for notifications; null when there is none. */
  link: HomeAssistantLink | null;
  onStatus(listener: (status: DeviceLinkStatus) => void): () => void;
  /** Home Assistant's live state changed (or arrived, after a connect). */
  onEntities(listener: () => void): () => void;
  /** The connection came back after it was lost: what was sent meanwhile may be lost. */
  onReconnected(listener: () => void): () => void;
  close(): Promise<void>;
}

function without(status: DeviceLinkStatus): DeviceLayer {
  return {
    link: null,
    status: () => status,
    entities: () => ({}),
    callService: async () => ({ ok: false, reason: 'disconnected', message: status.message }),
    onStatus: () => () => {},
    onEntities: () => () => {},
    onReconnected: () => () => {},
    close: async () => {},
  };
}

export async function startDeviceLayer(config: OfficeConfig, { log, env = process.env }: { log: Log; env?: NodeJS.ProcessEnv }): Promise<DeviceLayer> {
  const settings = config.homeAssistant;
  if (!settings) return without({ state: 'not-configured', message: 'This office has no Home Assistant set up.' });

  let simulator: { close(): Promise<void> } | null = null;
  let url: string;
  let token: string | undefined;
  if ('simulated' in settings) {
    // The simulators stay out of the production bundle: loaded only for an office that asks for them.
    const { startDemoHome } = await import('../../../simulators/demoHome.ts');
    const demo = await startDemoHome({
      entities: config.rooms.flatMap((room) => (room.ambience ? roomEntities(room.ambience) : [])),
      notifyServices: [...config.clinicians.map((clinician) => clinician.notify), config.frontDesk.notify].flatMap((route) => (route?.push ? [route.push.service] : [])),
    });
    simulator = demo;
    ({ url, token } = demo);
    log.info('demo office: simulated Home Assistant started', { url });
  } else {
    url = settings.url;
    token = env[settings.tokenEnv];
    if (!token) {
      return without({ state: 'not-configured', message: `Home Assistant needs an access token: create a long-lived access token in your Home Assistant profile and put it in the ${settings.tokenEnv} environment variable.` });
    }
  }

  const tokenEnv = 'tokenEnv' in settings ? settings.tokenEnv : null;
  const describe = (status: HomeAssistantStatus): DeviceLinkStatus => ({
    state: status.state,
    ...(status.state === 'connected' && status.limited ? { limited: status.limited } : {}),
    message:
      status.state === 'token-rejected' && tokenEnv
        ? `Home Assistant rejected the access token. Create a long-lived access token in your Home Assistant profile, put it in the ${tokenEnv} environment variable and restart Stillroom.`
        : status.message,
  });
  const statusListeners = new Listeners<[DeviceLinkStatus]>();
  // Only what the office uses, so Home Assistant does not send every state change in the house.
  const cueLights = [...config.clinicians.map((clinician) => clinician.notify), config.frontDesk.notify].flatMap((route) => (route?.cue ? [route.cue.light] : []));
  const entityIds = [...new Set([...config.rooms.flatMap((room) => (room.ambience ? roomEntities(room.ambience).map(({ entityId }) => entityId) : [])), ...cueLights])];
  const connected = connectHomeAssistant({ url, token, log, entityIds, onStatus: (status) => statusListeners.emit(describe(status)) });
  if (!connected.ok) return without({ state: 'not-configured', message: connected.message });
  const { link } = connected;

  return {
    link,
    status: () => describe(link.status()),
    entities: () => link.entities(),
    callService: (call) => link.callService(call),
    ownUserId: () => link.userId(),
    entitiesArrived: () => link.entitiesArrived(),
    onStatus: (listener) => statusListeners.add(listener),
    onEntities: (listener) => link.onEntities(() => listener()),
    onReconnected: (listener) => link.onReconnected(listener),
    async close() {
      link.close();
      await simulator?.close();
    },
  };
}
