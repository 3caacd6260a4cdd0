/**
 * A protocol-faithful Home Assistant WebSocket server for tests and the demo office: real
 * sockets on `/api/websocket`, the auth and command phases, and simulated devices behind them.
 */
import type { RegistrySeeds } from './registries.ts';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { ClientConnection } from './connection.ts';
import { newContext, simulatedUserId } from './context.ts';
import type { EntitySeed } from './entities.ts';
import { createFaults, type Faults } from './faults.ts';
import { remember } from './records.ts';
import { createHome, type SimulatedHome } from './home.ts';
import { turnOffLight, turnOnLight } from './lightService.ts';
import { writeMediaPlayer } from './mediaPlayerService.ts';
import { noMedia, serveLocalMedia, type MediaFetch, type SimulatedMedia } from './mediaSource.ts';
import { notifyService, type RecordedNotification } from './services.ts';
import { asStateObject, domainOf, type Attributes, type StateObject } from './stateMachine.ts';

export interface HomeAssistantSimulatorOptions {
  /** 0 (the default) picks a free port; pass a previous simulator's port to come back where it was. */
  port?: number;
  token?: string;
  haVersion?: string;
  entities?: readonly EntitySeed[];
  /** Names of legacy notify services, e.g. `mobile_app_pixel_8` for `notify.mobile_app_pixel_8`. */
  notifyServices?: readonly string[];
  /** HA waits 10 s for the auth message; tests shorten it. */
  authTimeoutMs?: number;
  /**
   * How many received messages, service calls and notifications to keep for inspection, newest
   * last. Tests keep all (the default); the demo office, which runs for days, keeps a few.
   */
  keepRecords?: number;
  /** Areas, devices and entity registry entries, for `config/*_registry/list` (registries.ts). */
  registries?: RegistrySeeds;
  /** Files in Local Media's `local` folder, e.g. `calm/ocean.mp3` (`media-source://media_source/local/calm/ocean.mp3`). */
  localMedia?: readonly string[];
  /**
   * Whether the token's user is an administrator (the default). A non-admin may not fire events
   * nor subscribe to events outside HA's allowlist (commands.ts); `faults.setAdmin` changes it later.
   */
  admin?: boolean;
  /** The user's name, as `auth/current_user` reports it. */
  userName?: string;
  /**
   * Starts as Home Assistant does after a restart, before its integrations have loaded: every entity
   * `unavailable` with `restored: true` and its capabilities, until `finishLoading()` (see there).
   */
  loading?: boolean;
}

export interface ReceivedMessage {
  connection: number;
  message: unknown;
}

export interface HomeAssistantSimulator {
  /** What a person would type into the admin page: `http://127.0.0.1:PORT`. */
  readonly url: string;
  readonly port: number;
  readonly token: string;
  readonly haVersion: string;
  readonly states: { get(entityId: string): StateObject | undefined; all(): StateObject[] };
  readonly notifications: readonly RecordedNotification[];
  /** What the media players fetched of what they were told to play, in order (mediaSource.ts). */
  readonly mediaFetches: readonly MediaFetch[];
  /** Every `call_service` message received, as the client sent it, in order. */
  readonly serviceCalls: readonly Record<string, unknown>[];
  /** Every command-phase message from every client, in arrival order; `connection` counts sockets from 1. */
  readonly received: readonly ReceivedMessage[];
  /** Calls `listener` for each message as it is added to `received`; returns a function that stops it. */
  onReceive(listener: (received: ReceivedMessage) => void): () => void;
  readonly faults: Faults;
  /** Event and entity subscriptions clients hold right now; a closed socket holds none. */
  subscriptionCount(): number;
  addEntity(seed: EntitySeed): void;
  removeEntity(entityId: string): void;
  /**
   * Someone at the wall switch: a state change with a fresh context (no user). Lights and media
   * players get the attributes their device would report; `attributes` are merged on top.
   */
  setState(entityId: string, state: string, attributes?: Attributes): void;
  addNotifyService(name: string): void;
  /** The current entities, to start another simulator with the same house. */
  snapshot(): EntitySeed[];
  /** Goes down (every socket drops) and comes back on the same port, with the same states unless told otherwise. */
  restart(options?: { keepStates?: boolean }): Promise<void>;
  /** The integrations have loaded: each entity started `loading` reports its device's state again. */
  finishLoading(): void;
  close(): Promise<void>;
}

const defaultAuthTimeoutMs = 10_000;

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

export async function startHomeAssistantSimulator(options: HomeAssistantSimulatorOptions = {}): Promise<HomeAssistantSimulator> {
  const token = options.token ?? 'stillroom-simulated-long-lived-token';
  const haVersion = options.haVersion ?? '2025.1.0';
  const notifyServices = [...(options.notifyServices ?? [])];
  const initialEntities = options.entities ?? [];
  const keep = options.keepRecords ?? Number.POSITIVE_INFINITY;
  const media: SimulatedMedia = { ...noMedia(), local: new Set(options.localMedia ?? []) };
  let home: SimulatedHome = createHome(haVersion, initialEntities, notifyServices, keep, options.registries, media);
  const connections = new Set<ClientConnection>();
  const received: ReceivedMessage[] = [];
  const receiveListeners = new Set<(received: ReceivedMessage) => void>();
  let connectionCount = 0;
  const dropConnections = () => {
    for (const connection of connections) connection.drop();
  };
  const faultState = createFaults(() => home, dropConnections, { admin: options.admin ?? true });
  // homeassistant/helpers/entity_registry.py: at EVENT_HOMEASSISTANT_START every registered entity
  // that no integration has set up yet gets `RegistryEntry.write_unavailable_state`: state
  // `unavailable`, attributes `restored: true` plus its capabilities, supported features and name.
  // Each comes back when its integration loads (Zigbee, a cast speaker: seconds to minutes).
  const loadingEntities = new Set<string>();
  if (options.loading) {
    for (const entity of home.states.all()) {
      faultState.faults.setUnavailable(entity.entityId, true);
      const written = home.states.get(entity.entityId)!;
      home.states.set(entity.entityId, 'unavailable', { ...written.attributes, restored: true }, newContext());
      loadingEntities.add(entity.entityId);
    }
  }
  const userName = options.userName ?? 'Stillroom';

  const policy = {
    acceptsToken: (offered: string) => offered === token && !faultState.tokenRefused(),
    authTimeoutMs: options.authTimeoutMs ?? defaultAuthTimeoutMs,
    replyDelayMs: faultState.replyDelayMs,
    user: () => ({ id: simulatedUserId, name: userName, isAdmin: faultState.isAdmin() }),
  };

  let server = createServer((request, response) => serveLocalMedia(media, request, response));
  let sockets = new WebSocketServer({ server, path: '/api/websocket' });
  const serve = (wss: WebSocketServer) =>
    wss.on('connection', (socket) => {
      const number = ++connectionCount;
      const connection = new ClientConnection(socket, home, policy, (message) => {
        const entry = { connection: number, message };
        remember(received, entry, keep);
        for (const listener of receiveListeners) listener(entry);
      });
      connections.add(connection);
      socket.on('close', () => connections.delete(connection));
    });
  serve(sockets);
  const port = await listen(server, options.port ?? 0);
  media.baseUrl = `http://127.0.0.1:${port}`;

  async function stop(): Promise<void> {
    dropConnections();
    await new Promise<void>((resolve) => sockets.close(() => resolve()));
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    token,
    haVersion,
    states: {
      get: (entityId) => {
        const entity = home.states.get(entityId);
        return entity && asStateObject(entity);
      },
      all: () => home.states.all().map(asStateObject),
    },
    get notifications() {
      return home.notifications;
    },
    mediaFetches: media.fetches,
    get serviceCalls() {
      return home.serviceCalls;
    },
    received,
    onReceive: (listener) => {
      receiveListeners.add(listener);
      return () => receiveListeners.delete(listener);
    },
    faults: faultState.faults,
    subscriptionCount: () => home.bus.listenerCount(),
    addEntity: (seed) => {
      home.states.set(seed.entityId, seed.state, seed.attributes);
    },
    removeEntity: (entityId) => {
      home.states.remove(entityId);
    },
    setState: (entityId, state, attributes = {}) => {
      const entity = home.states.get(entityId);
      if (!entity) throw new Error(`No entity ${entityId} in the simulator`);
      const context = newContext();
      const domain = domainOf(entityId);
      if (domain === 'light' && state === 'on') turnOnLight(home.world, entity, {}, context);
      else if (domain === 'light' && state === 'off') turnOffLight(home.world, entity, context);
      else if (domain === 'media_player') writeMediaPlayer(home.world, entity, state, {}, context);
      else home.states.set(entityId, state, entity.attributes, context);
      if (Object.keys(attributes).length > 0) {
        const written = home.states.get(entityId)!;
        home.states.set(entityId, written.state, { ...written.attributes, ...attributes }, context);
      }
    },
    addNotifyService: (name) => {
      notifyServices.push(name);
      home.services.register('notify', { [name]: notifyService(name) });
    },
    snapshot: () => home.states.all().map((entity) => ({ entityId: entity.entityId, state: entity.state, attributes: structuredClone(entity.attributes) })),
    finishLoading: () => {
      for (const entityId of loadingEntities) faultState.faults.setUnavailable(entityId, false);
      loadingEntities.clear();
    },
    restart: async ({ keepStates = true } = {}) => {
      await stop();
      if (!keepStates) home = createHome(haVersion, initialEntities, notifyServices, keep, options.registries, media);
      server = createServer((request, response) => serveLocalMedia(media, request, response));
      sockets = new WebSocketServer({ server, path: '/api/websocket' });
      serve(sockets);
      await listen(server, port);
    },
    close: stop,
  };
}
