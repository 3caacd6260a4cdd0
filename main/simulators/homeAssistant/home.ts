/**
 * One simulated Home Assistant instance without its network side: event bus, state machine,
 * services and the records tests read (service calls, notifications).
 */
import type { EntitySeed } from './entities.ts';
import type { RegistrySeeds } from './registries.ts';
import { EventBus } from './eventBus.ts';
import { lightServices } from './lightService.ts';
import { mediaPlayerServices } from './mediaPlayerService.ts';
import { noMedia, type SimulatedMedia } from './mediaSource.ts';
import { sceneServices } from './sceneService.ts';
import { inputBooleanServices, notifyService, ServiceRegistry, switchServices, type DeviceWorld, type RecordedNotification } from './services.ts';
import { StateMachine } from './stateMachine.ts';

export interface SimulatedHome {
  haVersion: string;
  bus: EventBus;
  states: StateMachine;
  services: ServiceRegistry;
  world: DeviceWorld;
  /** Every `call_service` message received, as sent, in arrival order. */
  serviceCalls: Record<string, unknown>[];
  notifications: RecordedNotification[];
  keepRecords: number;
  /** Areas, devices and entity registry entries (registries.ts); empty unless a test or the demo gives them. */
  registries: RegistrySeeds;
}

export function createHome(haVersion: string, seeds: readonly EntitySeed[], notifyServices: readonly string[], keepRecords = Number.POSITIVE_INFINITY, registries: RegistrySeeds = {}, media: SimulatedMedia = noMedia()): SimulatedHome {
  const bus = new EventBus();
  const states = new StateMachine(bus);
  const notifications: RecordedNotification[] = [];
  const world: DeviceWorld = { states, media, memory: new Map(), notifications, keepRecords };
  const services = new ServiceRegistry(world, bus);
  services.register('light', lightServices());
  services.register('media_player', mediaPlayerServices());
  services.register('switch', switchServices());
  services.register('input_boolean', inputBooleanServices());
  services.register('scene', sceneServices(haVersion));
  for (const name of notifyServices) services.register('notify', { [name]: notifyService(name) });
  for (const seed of seeds) states.set(seed.entityId, seed.state, seed.attributes);
  return { haVersion, bus, states, services, world, serviceCalls: [], notifications, keepRecords, registries };
}
