/**
 * The rooms' device layer as the office configuration describes it: a real Home Assistant (token
 * from the environment), the demo office's simulated one, or none. Whatever it is, the hub sees
 * the same small interface and a status in words.
 */
import type { HassEntities } from 'home-assistant-js-websocket';
import type { DeviceLinkStatus } from '../../common/contract.ts';
import type { OfficeConfig } from '../../config/officeConfig.ts';
import type { Log } from '../../log.ts';
import type { RoomDevices } from '../../rooms/rooms.ts';
import { startDemoHome } from './demoHome.ts';
import { connectHomeAssistant, type HomeAssistantLink, type HomeAssistantStatus } from './homeAssistantLink.ts';
import type { HomeAssistantSimulator } from './simulator/index.ts';

export interface DeviceLayer extends RoomDevices {
  entities(): HassEntities;
  /** The connection itself, for notifications; null when there is none. */
  link: HomeAssistantLink | null;
  close(): Promise<void>;
}

export interface DeviceLayerEvents {
  onStatus(status: DeviceLinkStatus): void;
  onEntities(): void;
  onReconnected(): void;
}

function without(status: DeviceLinkStatus): DeviceLayer {
  return {
    link: null,
    status: () => status,
    entities: () => ({}),
    callService: async () => ({ ok: false, reason: 'disconnected', message: status.message }),
    close: async () => {},
  };
}

export async function startDeviceLayer(config: OfficeConfig, events: DeviceLayerEvents, { log, env = process.env }: { log: Log; env?: NodeJS.ProcessEnv }): Promise<DeviceLayer> {
  const settings = config.homeAssistant;
  if (!settings) return without({ state: 'not-configured', message: 'This office has no Home Assistant set up.' });

  let simulator: HomeAssistantSimulator | null = null;
  let url: string;
  let token: string | undefined;
  if ('simulated' in settings) {
    simulator = await startDemoHome(config);
    ({ url, token } = simulator);
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
    message:
      status.state === 'token-rejected' && tokenEnv
        ? `Home Assistant rejected the access token. Create a long-lived access token in your Home Assistant profile, put it in the ${tokenEnv} environment variable and restart Stillroom.`
        : status.message,
  });
  const connected = connectHomeAssistant({ url, token, log, onStatus: (status) => events.onStatus(describe(status)) });
  if (!connected.ok) return without({ state: 'not-configured', message: connected.message });
  const { link } = connected;
  link.onEntities(() => events.onEntities());
  link.onReconnected(() => events.onReconnected());

  return {
    link,
    status: () => describe(link.status()),
    entities: () => link.entities(),
    callService: (call) => link.callService(call),
    async close() {
      link.close();
      await simulator?.close();
    },
  };
}
