/**
 * The WebSocket commands the simulator registers, each with its voluptuous-like schema.
 * Anything else is `unknown_command`, as in a Home Assistant without that integration.
 */
import { z } from 'zod';
import { entitiesEventFor, compressState, type CompressedState } from './compressedState.ts';
import { newContext, type SimulatedUser } from './context.ts';
import type { HassEvent } from './eventBus.ts';
import type { SimulatedHome } from './home.ts';
import { remember } from './records.ts';
import { browseLocal, resolveMedia } from './mediaSource.ts';
import { areaEntries, deviceEntries, entityEntries } from './registries.ts';
import { entityIdPattern, targetSchema, type ServiceError } from './services.ts';
import { asStateObject, type StateObject } from './stateMachine.ts';
import { bool, dict, int, str } from './voluptuous.ts';

/** What a command handler may do with the connection it arrived on. */
export interface CommandConnection {
  send(message: Record<string, unknown>): void;
  sendResult(id: number, result: unknown): void;
  sendError(id: number, error: ServiceError | { code: string; message: string }): void;
  /** Subscriptions by the id of the command that made them; closing the connection ends them all. */
  subscriptions: Map<number, () => void>;
  enableCoalescing(): void;
  /** The token's user, as `connection.user` in HA. */
  readonly user: SimulatedUser;
}

/**
 * HA's `Unauthorized`, as `ActiveConnection.async_handle_exception` answers it
 * (homeassistant/components/websocket_api/connection.py: code `unauthorized`, message "Unauthorized").
 */
const unauthorized = { code: 'unauthorized', message: 'Unauthorized' } as const;

/**
 * Events a non-admin user may subscribe to: homeassistant/auth/permissions/events.py
 * `SUBSCRIBE_ALLOWLIST` (registry updates, state_changed and a few UI events; not
 * `mobile_app_notification_action`, and not MATCH_ALL).
 */
export const subscribeAllowlist: ReadonlySet<string> = new Set([
  'area_registry_updated', 'component_loaded', 'core_config_updated', 'device_registry_updated', 'entity_registry_updated',
  'repairs_issue_registry_updated', 'lovelace_updated', 'panels_updated', 'recorder_5min_statistics_generated',
  'recorder_hourly_statistics_generated', 'service_registered', 'service_removed', 'shopping_list_updated', 'state_changed',
  'themes_updated', 'label_registry_updated', 'category_registry_updated', 'floor_registry_updated',
]);

interface Command {
  schema: z.ZodType<Record<string, unknown>>;
  handle(connection: CommandConnection, message: Record<string, unknown> & { id: number }, home: SimulatedHome): void;
}

const positiveInt = () => int().pipe(z.number().min(1, { error: 'value must be at least 1' }));

/** HA's `BASE_COMMAND_MESSAGE_SCHEMA.extend(...)`: extra keys are refused. */
const commandSchema = (fields: z.ZodRawShape) =>
  z.strictObject({ id: positiveInt(), type: z.string(), ...fields }) as unknown as z.ZodType<Record<string, unknown>>;

function command(fields: z.ZodRawShape, handle: Command['handle']): Command {
  return { schema: commandSchema(fields), handle };
}

function configOf(home: SimulatedHome): Record<string, unknown> {
  return {
    latitude: 52.3731, longitude: 4.8922, elevation: 0, radius: 100,
    unit_system: { length: 'km', accumulated_precipitation: 'mm', area: 'm²', mass: 'g', pressure: 'Pa', temperature: '°C', volume: 'L', wind_speed: 'm/s' },
    location_name: 'Stillroom', time_zone: 'Europe/Amsterdam',
    components: ['http', 'websocket_api', ...Object.keys(home.services.describe())],
    config_dir: '/config', allowlist_external_dirs: ['/media', '/config/www'], allowlist_external_urls: [],
    version: home.haVersion, config_source: 'storage', recovery_mode: false, safe_mode: false, state: 'RUNNING',
    external_url: null, internal_url: null, currency: 'EUR', country: 'NL', language: 'en',
  };
}

export const commands: Record<string, Command> = {
  supported_features: command({ features: z.record(z.string(), int(), { error: (issue) => (issue.input === undefined ? 'required key not provided' : 'expected dict') }) }, (connection, message) => {
    if ('coalesce_messages' in (message.features as Record<string, number>)) connection.enableCoalescing();
    connection.sendResult(message.id, null);
  }),

  ping: command({}, (connection, message) => connection.send({ id: message.id, type: 'pong' })),

  get_states: command({}, (connection, message, home) => connection.sendResult(message.id, home.states.all().map(asStateObject))),

  // homeassistant/components/auth/__init__.py `websocket_current_user`.
  'auth/current_user': command({}, (connection, message) => {
    const { id, name, isAdmin } = connection.user;
    connection.sendResult(message.id, {
      id, name, is_owner: false, is_admin: isAdmin,
      credentials: [{ auth_provider_type: 'homeassistant', auth_provider_id: null }],
      mfa_modules: [{ id: 'totp', name: 'Authenticator app', enabled: false }],
    });
  }),

  get_config: command({}, (connection, message, home) => connection.sendResult(message.id, configOf(home))),

  get_services: command({}, (connection, message, home) => connection.sendResult(message.id, home.services.describe())),

  // homeassistant/components/config/{area,device,entity}_registry.py: each answers its whole list.
  'config/area_registry/list': command({}, (connection, message, home) => connection.sendResult(message.id, areaEntries(home.registries))),
  'config/device_registry/list': command({}, (connection, message, home) => connection.sendResult(message.id, deviceEntries(home.registries))),
  'config/entity_registry/list': command({}, (connection, message, home) => connection.sendResult(message.id, entityEntries(home.registries))),

  // homeassistant/components/media_source/http.py: resolve answers a relative, signed URL and its
  // MIME type, or `resolve_media_failed`; browse answers the folder, or `browse_media_failed`.
  'media_source/resolve_media': command({ media_content_id: str(), expires: int().optional() }, (connection, message) => {
    const resolved = resolveMedia(message.media_content_id as string);
    if (!resolved.ok) return connection.sendError(message.id, { code: 'resolve_media_failed', message: resolved.error.message });
    connection.sendResult(message.id, { url: resolved.url, mime_type: resolved.mimeType });
  }),

  'media_source/browse_media': command({ media_content_id: str().optional() }, (connection, message, home) => {
    const browsed = browseLocal((message.media_content_id as string | undefined) ?? '', home.world.media.local);
    if (!browsed.ok) return connection.sendError(message.id, { code: 'browse_media_failed', message: browsed.message });
    connection.sendResult(message.id, browsed.result);
  }),

  call_service: command(
    { domain: str(), service: str(), target: targetSchema.optional(), service_data: dict().optional(), return_response: bool().optional() },
    (connection, message, home) => {
      remember(home.serviceCalls, structuredClone(message), home.keepRecords);
      const context = newContext(connection.user.id);
      const outcome = home.services.call({
        domain: message.domain as string,
        service: message.service as string,
        serviceData: (message.service_data as Record<string, unknown> | undefined) ?? {},
        target: message.target as Record<string, unknown> | undefined,
        returnResponse: message.return_response === true,
        context,
      });
      if (outcome.ok) connection.sendResult(message.id, { context });
      else connection.sendError(message.id, outcome.error);
    },
  ),

  // websocket_api/commands.py `handle_fire_event` is decorated `@decorators.require_admin`.
  fire_event: command({ event_type: str(), event_data: dict().optional() }, (connection, message, home) => {
    if (!connection.user.isAdmin) return connection.sendError(message.id, unauthorized);
    const context = newContext(connection.user.id);
    home.bus.fire(message.event_type as string, (message.event_data as Record<string, unknown> | undefined) ?? {}, context, 'REMOTE');
    connection.sendResult(message.id, { context });
  }),

  // websocket_api/commands.py `handle_subscribe_events`: `if event_type not in SUBSCRIBE_ALLOWLIST
  // and not connection.user.is_admin: raise Unauthorized` (event_type defaults to MATCH_ALL, "*").
  subscribe_events: command({ event_type: str().optional() }, (connection, message, home) => {
    if (!connection.user.isAdmin && !subscribeAllowlist.has((message.event_type as string | undefined) ?? '*')) return connection.sendError(message.id, unauthorized);
    const forward = (event: HassEvent) => connection.send({ id: message.id, type: 'event', event });
    connection.subscriptions.set(message.id, home.bus.listen((message.event_type as string | undefined) ?? '*', forward));
    connection.sendResult(message.id, null);
  }),

  unsubscribe_events: command({ subscription: positiveInt() }, (connection, message) => {
    const subscription = message.subscription as number;
    const unsubscribe = connection.subscriptions.get(subscription);
    if (!unsubscribe) return connection.sendError(message.id, { code: 'not_found', message: 'Subscription not found.' });
    unsubscribe();
    connection.subscriptions.delete(subscription);
    connection.sendResult(message.id, null);
  }),

  // `cv.entity_ids` (homeassistant/helpers/config_validation.py): each id lower-cased, then refused
  // unless it is a valid entity id; an empty list is no filter (commands.py: `set(...) or None`).
  subscribe_entities: command({
    entity_ids: z.array(str(), { error: 'expected list' }).transform((ids) => ids.map((id) => id.toLowerCase())).superRefine((ids, refinement) => {
      const invalid = ids.find((id) => !entityIdPattern.test(id));
      if (invalid !== undefined) refinement.addIssue({ code: 'custom', message: `Entity ID ${invalid} is an invalid entity ID` });
    }).optional(),
  }, (connection, message, home) => {
    const wanted = message.entity_ids && (message.entity_ids as string[]).length > 0 ? new Set(message.entity_ids as string[]) : undefined;
    const forward = (event: HassEvent) => {
      const { entity_id: entityId, old_state: oldState, new_state: newState } = event.data as { entity_id: string; old_state: StateObject | null; new_state: StateObject | null };
      if (wanted && !wanted.has(entityId)) return;
      connection.send({ id: message.id, type: 'event', event: entitiesEventFor(entityId, oldState, newState) });
    };
    connection.subscriptions.set(message.id, home.bus.listen('state_changed', forward));
    connection.sendResult(message.id, null);
    const snapshot: Record<string, CompressedState> = {};
    for (const entity of home.states.all()) {
      if (!wanted || wanted.has(entity.entityId)) snapshot[entity.entityId] = compressState(asStateObject(entity));
    }
    connection.send({ id: message.id, type: 'event', event: { a: snapshot } });
  }),
};
