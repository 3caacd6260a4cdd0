/**
 * The hub's one connection to Home Assistant: connects (and keeps trying) in the background,
 * reports how it is going in words the desk can show, and turns every command into a result
 * value. It decides nothing about rooms; the planner says what to send.
 */
import {
  callService as sendServiceCall, createConnection, createLongLivedTokenAuth, ERR_INVALID_AUTH, getUser, subscribeEntities,
  type Connection, type HassEntities,
} from 'home-assistant-js-websocket';
import { WebSocket } from 'ws';
import { silentLog, type Log } from '../../log.ts';
import { subscribeOnlyEntities } from './entitySubscription.ts';
import { normaliseHomeAssistantUrl } from './homeAssistantUrl.ts';
import { contextIdOf, isServerError, toCallFailure, type ServiceCall, type ServiceCallResult } from './serviceCallResult.ts';
import { certificateProblem } from './tlsProbe.ts';

export type HomeAssistantStatus =
  | { state: 'connecting'; message: string }
  /** `admin` is false when the token's user is not an administrator (see `notAdminMessage`); null if Home Assistant did not say. */
  | { state: 'connected'; haVersion: string; admin: boolean | null; message: string; limited?: string }
  | { state: 'unreachable'; retryInSeconds: number; message: string }
  | { state: 'token-rejected'; message: string };

export interface HomeAssistantLinkOptions {
  /** As typed in the admin page; checked by `normaliseHomeAssistantUrl`. */
  url: string;
  /** A long-lived access token. Never logged, never part of a status. */
  token: string;
  log?: Log;
  onStatus: (status: HomeAssistantStatus) => void;
  /** Wait before the first retry of a failed start-up connect; it doubles up to `maxRetryDelayMs`. */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
  /**
   * The entities the office uses (its rooms' devices, the light cues): Home Assistant then sends the
   * state of those only (entitySubscription.ts). Absent or empty: every entity, as the library does.
   */
  entityIds?: readonly string[];
  /** The timers the start-up retries use; tests pass their own to see what is scheduled. */
  timers?: { setTimeout: (run: () => void, ms: number) => NodeJS.Timeout; clearTimeout: (timer: NodeJS.Timeout | undefined) => void };
}

export interface HomeAssistantLink {
  status(): HomeAssistantStatus;
  /** The latest state of every entity, `{}` until the first update arrives. */
  entities(): HassEntities;
  /** Whether Home Assistant's first snapshot has arrived since the link last connected (with a filter it may be empty). */
  entitiesArrived(): boolean;
  onEntities(listener: (entities: HassEntities) => void): () => void;
  /**
   * Called after the library has reconnected on its own: commands in flight when the connection
   * dropped were lost, so re-read state and resend what still matters.
   */
  onReconnected(listener: () => void): () => void;
  callService(call: ServiceCall): Promise<ServiceCallResult>;
  /** The id of the user the token belongs to (`auth/current_user`), once Home Assistant has said; the states its calls write carry it. */
  userId(): string | null;
  /** Sends every call at once (different devices need not wait for each other); results keep the calls' order. */
  callServices(calls: readonly ServiceCall[]): Promise<ServiceCallResult[]>;
  fireEvent(eventType: string, data?: Record<string, unknown>): Promise<ServiceCallResult>;
  /**
   * Why Home Assistant could not play a `media-source://` id, in its own words, or null when it can
   * (or cannot be asked now). `media_source/resolve_media` refuses an unknown source or folder
   * (homeassistant/components/media_source/__init__.py websocket_resolve_media, `resolve_media_failed`),
   * but Local Media resolves a file that is not there (media_source/local_source.py
   * async_resolve_media only builds its URL), so a local file is also looked for in its folder with
   * `media_source/browse_media`.
   */
  mediaProblem(mediaContentId: string): Promise<string | null>;
  /** A legacy notify service, e.g. `notify('mobile_app_pixel_8', { message })`. */
  notify(service: string, data: Record<string, unknown>): Promise<ServiceCallResult>;
  /**
   * Every `eventType` event's data, from now on, re-subscribed after every reconnect. Home
   * Assistant lets only administrators subscribe to most event types: with a non-admin token
   * nothing arrives, and the status says so.
   */
  onEvent(eventType: string, listener: (data: Record<string, unknown>) => void): () => void;
  close(): void;
}

export type ConnectHomeAssistant = { ok: true; link: HomeAssistantLink } | { ok: false; message: string };

export const tokenRejectedMessage =
  'Home Assistant rejected the access token. Create a long-lived access token in your Home Assistant profile and put it in STILLROOM_HA_TOKEN (or save it on the hub\'s /admin page, under Connections, Home Assistant).';

/**
 * The library builds its sockets with the global `WebSocket`. Node 24 has its own (undici) one,
 * so which one it picks would depend on the runtime; `ws` is the one it is documented and tested
 * with (reference §2.1, and the library README's Node section).
 */
export function useWsForHomeAssistant(): void {
  if (globalThis.WebSocket !== (WebSocket as unknown)) globalThis.WebSocket = WebSocket as unknown as typeof globalThis.WebSocket;
}

/**
 * What a token of a user who is not an administrator means for the practice, in words for the
 * desk. Home Assistant refuses such a user `fire_event` (`@require_admin`) and `subscribe_events`
 * for any event outside `SUBSCRIBE_ALLOWLIST`, which has no `mobile_app_notification_action`
 * (homeassistant/components/websocket_api/commands.py, homeassistant/auth/permissions/events.py).
 */
export const notAdminMessage = (user: string) =>
  `The Home Assistant user Stillroom signs in as ("${user}") is not an administrator. Lights, sound and phone pushes work; ` +
  `"On my way" from a phone is not heard and the stillroom_arrival event for your automations is not sent. ` +
  'To fix it, turn on "Administrator" for that user in Home Assistant (Settings, People), or create the access token in an administrator\'s profile.';

/**
 * The oldest Home Assistant Stillroom works with: lights are set with `color_temp_kelvin`, which
 * `light.turn_on` takes since 2022.11, when it replaced `kelvin` and `color_temp` (mireds)
 * (home-assistant/home-assistant.io#27013). Scenes carry both units (see lightSceneState), so the
 * 2025.1 change to kelvin in reproduce_state is met either side of it.
 */
export const minimumHomeAssistant: readonly [number, number] = [2022, 11];

/** `2024.12.3`, `2025.1.0b2` as [year, month]; null for a version that does not read as one (a dev build). */
export function homeAssistantRelease(version: string): [number, number] | null {
  const match = /^(\d{4})\.(\d{1,2})(?:\.|$)/.exec(version);
  return match ? [Number(match[1]), Number(match[2])] : null;
}

/** The desk's words when Home Assistant is older than Stillroom supports; undefined when it is new enough or unreadable. */
export function tooOldMessage(version: string): string | undefined {
  const release = homeAssistantRelease(version);
  if (!release) return undefined;
  const [year, month] = release;
  const [minYear, minMonth] = minimumHomeAssistant;
  if (year > minYear || (year === minYear && month >= minMonth)) return undefined;
  return `Home Assistant ${version} is older than ${minYear}.${minMonth}, the oldest Stillroom works with: colour temperatures are refused and lights may stay as they are. ` +
    'Update Home Assistant (Settings, System, Updates); Stillroom connects again by itself.';
}

/** The desk's words for a `fire_event` Home Assistant will not take from this user. */
export const eventRefusedMessage = (what: string) =>
  `Home Assistant did not let Stillroom send ${what}: the user of its access token is not an administrator. It is sent once Home Assistant reconnects with an administrator's token.`;

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/**
 * Starts connecting and returns at once; the link never throws for an unreachable or restarting
 * Home Assistant. Only an address that cannot be a Home Assistant URL is refused here.
 */
export function connectHomeAssistant(options: HomeAssistantLinkOptions): ConnectHomeAssistant {
  const address = normaliseHomeAssistantUrl(options.url);
  if (!address.ok) return address;
  useWsForHomeAssistant();

  const url = address.url;
  const log = options.log ?? silentLog;
  const baseDelayMs = options.retryDelayMs ?? 1000;
  const maxDelayMs = options.maxRetryDelayMs ?? 30_000;
  const timers = options.timers ?? { setTimeout, clearTimeout };
  const auth = createLongLivedTokenAuth(url, options.token);
  const entityListeners = new Set<(entities: HassEntities) => void>();
  const reconnectListeners = new Set<() => void>();
  const eventListeners = new Map<string, Set<(data: Record<string, unknown>) => void>>();

  let status: HomeAssistantStatus = { state: 'connecting', message: `Connecting to Home Assistant at ${url}.` };
  let connection: Connection | undefined;
  let entities: HassEntities = {};
  let entitiesArrived = false;
  let retryTimer: NodeJS.Timeout | undefined;
  let nextDelayMs = baseDelayMs;
  let closed = false;
  /** What `auth/current_user` said at the latest connect: null until it answers (or if it cannot). */
  let admin: boolean | null = null;
  /** Unsubscribes of this connection's event subscriptions, by event type. */
  const subscribed = new Map<string, Promise<(() => Promise<void>) | null>>();

  function report(next: HomeAssistantStatus): void {
    if (closed || status.state === 'token-rejected') return;
    status = next;
    const fields = { state: next.state, url };
    if (next.state === 'token-rejected') log.error('home assistant refused the token', fields);
    else if (next.state === 'unreachable') log.warn('home assistant unreachable', { ...fields, retryInSeconds: next.retryInSeconds });
    else log.info('home assistant link', fields);
    options.onStatus(next);
  }

  let userName = '';
  let userId: string | null = null;
  const connected = (conn: Connection) => {
    const limits = [tooOldMessage(conn.haVersion), admin === false ? notAdminMessage(userName) : undefined].filter((words) => words !== undefined);
    if (limits.length > 0 && tooOldMessage(conn.haVersion)) log.warn('home assistant is older than stillroom supports', { url, haVersion: conn.haVersion.slice(0, 40) });
    report({
      state: 'connected',
      haVersion: conn.haVersion,
      admin,
      message: `Connected to Home Assistant ${conn.haVersion}.`,
      ...(limits.length > 0 ? { limited: limits.join(' ') } : {}),
    });
  };

  /** Asks Home Assistant who the token belongs to; a failure leaves `admin` unknown (and Stillroom tries as if allowed). */
  async function checkUser(conn: Connection): Promise<void> {
    try {
      const user = await getUser(conn);
      admin = user.is_admin;
      userName = user.name;
      userId = user.id;
      if (!admin) log.warn('the home assistant user is not an administrator', { url });
    } catch (error) {
      admin = null;
      log.warn('could not ask home assistant who the token belongs to', { reason: JSON.stringify(error).slice(0, 120) });
    }
  }

  function rejectToken(): void {
    report({ state: 'token-rejected', message: tokenRejectedMessage });
    connection?.close();
    connection = undefined;
  }

  /**
   * One Home Assistant subscription per event type, shared by its listeners. The library's own
   * resubscription after a reconnect calls `subscribe().then(...)` with no `catch`
   * (node_modules/home-assistant-js-websocket/dist/connection.js, `_setSocket`): a refusal then (the
   * user lost its admin rights while the hub ran) was an unhandled rejection that ended the hub. So
   * it is told not to (`resubscribe: false`) and `follow` subscribes again on every connect, here.
   */
  function subscribeEventType(conn: Connection, eventType: string): void {
    if (admin === false || subscribed.has(eventType)) return;
    const subscription = conn
      .subscribeMessage<{ data?: Record<string, unknown> }>(
        (event) => {
          for (const listener of eventListeners.get(eventType) ?? []) listener(event.data ?? {});
        },
        { type: 'subscribe_events', event_type: eventType },
        { resubscribe: false },
      )
      .catch((error: unknown) => {
        log.warn('could not follow a Home Assistant event', { eventType, reason: JSON.stringify(error).slice(0, 120) });
        if (subscribed.get(eventType) === subscription) subscribed.delete(eventType);
        return null;
      });
    subscribed.set(eventType, subscription);
  }

  /** After each connect: who the user is, then the event subscriptions it may hold, then the news. */
  async function follow(conn: Connection): Promise<void> {
    subscribed.clear();
    await checkUser(conn);
    if (closed || connection !== conn) return;
    for (const eventType of eventListeners.keys()) subscribeEventType(conn, eventType);
  }

  function adopt(conn: Connection): void {
    connection = conn;
    conn.addEventListener('ready', () => {
      void follow(conn).then(() => {
        if (closed) return;
        connected(conn);
        for (const listener of reconnectListeners) listener();
      });
    });
    conn.addEventListener('disconnected', () => {
      entitiesArrived = false;
      report({ state: 'connecting', message: `Lost contact with Home Assistant at ${url}. Stillroom keeps working and reconnects by itself.` });
    });
    // The library stops reconnecting after this (reference §2.6); a new token needs a new link.
    conn.addEventListener('reconnect-error', rejectToken);
    // Never unsubscribed: closing the connection ends it, and the collection's unsubscribe would
    // leave a 5 s grace timer behind (reference §2.6).
    const deliver = (latest: HassEntities) => {
      entities = latest;
      entitiesArrived = true;
      for (const listener of entityListeners) listener(latest);
    };
    const only = options.entityIds ?? [];
    if (only.length === 0) subscribeEntities(conn, deliver);
    else {
      subscribeOnlyEntities(conn, only, deliver).catch((error: unknown) => {
        if (closed || connection !== conn) return;
        log.warn('home assistant refused to send only the office\'s entities: following every entity', { reason: JSON.stringify(error).slice(0, 160) });
        subscribeEntities(conn, deliver);
      });
    }
    void follow(conn).then(() => {
      if (!closed) connected(conn);
    });
  }

  // The library's own `setupRetry` waits a flat second between tries; a hub that starts while
  // Home Assistant is down for a while should back off instead, so the first connect is retried here.
  async function attempt(): Promise<void> {
    retryTimer = undefined;
    try {
      const conn = await createConnection({ auth, setupRetry: 0 });
      if (closed) conn.close();
      else adopt(conn);
    } catch (error) {
      if (closed) return;
      if (error === ERR_INVALID_AUTH) return rejectToken();
      const delayMs = nextDelayMs;
      nextDelayMs = Math.min(nextDelayMs * 2, maxDelayMs);
      const inSeconds = seconds(delayMs);
      const retry = `Stillroom keeps working and tries again in ${inSeconds} ${inSeconds === 1 ? 'second' : 'seconds'}.`;
      // The library says only "cannot connect"; an https address may have failed on its certificate.
      const certificate = await certificateProblem(url);
      if (closed) return;
      report({
        state: 'unreachable',
        retryInSeconds: inSeconds,
        message: certificate ? `${certificate} ${retry}` : `Home Assistant can't be reached at ${url}. ${retry}`,
      });
      retryTimer = timers.setTimeout(() => void attempt(), delayMs);
    }
  }

  async function send(what: string, command: (conn: Connection) => Promise<unknown>): Promise<ServiceCallResult> {
    if (!connection) {
      return { ok: false, reason: 'disconnected', message: `Home Assistant isn't connected right now, so ${what} was not sent.` };
    }
    try {
      return { ok: true, contextId: contextIdOf(await command(connection)) };
    } catch (rejection) {
      const failure = toCallFailure(rejection, what);
      log.warn('home assistant command failed', { what, reason: failure.reason });
      return failure;
    }
  }

  const callService = (call: ServiceCall) =>
    send(`${call.domain}.${call.service}${call.target ? ` for ${[call.target.entity_id].flat().join(', ')}` : ''}`, (conn) =>
      sendServiceCall(conn, call.domain, call.service, call.serviceData, call.target),
    );

  options.onStatus(status);
  void attempt();

  return {
    ok: true,
    link: {
      status: () => status,
      userId: () => userId,
      entitiesArrived: () => entitiesArrived,
      entities: () => entities,
      onEntities: (listener) => {
        entityListeners.add(listener);
        return () => entityListeners.delete(listener);
      },
      onReconnected: (listener) => {
        reconnectListeners.add(listener);
        return () => reconnectListeners.delete(listener);
      },
      callService,
      callServices: (calls) => Promise.all(calls.map(callService)),
      fireEvent: async (eventType, data) => {
        const what = `the ${eventType} event`;
        // Known beforehand: no point asking Home Assistant for a refusal every few minutes all day.
        if (admin === false) return { ok: false, reason: 'unauthorized', message: eventRefusedMessage(what) };
        const result = await send(what, (conn) => conn.sendMessagePromise({ type: 'fire_event', event_type: eventType, event_data: data }));
        return !result.ok && result.reason === 'unauthorized' ? { ...result, message: eventRefusedMessage(what) } : result;
      },
      notify: (service, data) => send(`notify.${service}`, (conn) => sendServiceCall(conn, 'notify', service, data)),
      mediaProblem: async (mediaContentId) => {
        const refusal = (rejection: unknown) => (isServerError(rejection) ? rejection.message : null);
        const conn = connection;
        if (!conn) return null;
        try {
          await conn.sendMessagePromise({ type: 'media_source/resolve_media', media_content_id: mediaContentId });
        } catch (rejection) {
          return refusal(rejection);
        }
        const local = /^media-source:\/\/media_source\/(.+)\/([^/]+)$/.exec(mediaContentId);
        if (!local) return null;
        try {
          const folder = await conn.sendMessagePromise<{ children?: { media_content_id?: string }[] }>({ type: 'media_source/browse_media', media_content_id: `media-source://media_source/${local[1]}` });
          return (folder.children ?? []).some((child) => child.media_content_id === mediaContentId) ? null : `no file ${local[2]} in that folder of its media`;
        } catch (rejection) {
          return refusal(rejection);
        }
      },
      onEvent: (eventType, listener) => {
        const listeners = eventListeners.get(eventType) ?? new Set();
        if (!eventListeners.has(eventType)) {
          eventListeners.set(eventType, listeners);
          if (connection) subscribeEventType(connection, eventType);
        }
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      close: () => {
        closed = true;
        timers.clearTimeout(retryTimer);
        connection?.close();
        connection = undefined;
      },
    },
  };
}
