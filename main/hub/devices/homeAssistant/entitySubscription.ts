/**
 * The live state of only the entities the office uses. The client library's `subscribeEntities`
 * sends `subscribe_entities` without a filter, so the hub would receive (and redraw its rooms for)
 * every state change in the house: a power meter updating each second, a motion sensor, hundreds
 * of entities in a real home. Home Assistant filters server-side when the command names
 * `entity_ids` (homeassistant/components/websocket_api/commands.py, handle_subscribe_entities and
 * _forward_entity_changes: the first snapshot and every change are limited to those ids; every
 * version of that file read for this has it, the oldest from before 2023's `run_immediately`).
 *
 * The messages are Home Assistant's compressed states (websocket_api/messages.py): an event has
 * `a` (entities added, whole), `c` (changed: `+` what was added or changed, `-` attribute names
 * removed) and `r` (removed ids); a state is `s` state, `a` attributes, `c` context (an id alone
 * when it has no user or parent), `lc` last changed and `lu` last updated (seconds). Decoded here
 * as the library's own entities collection decodes them (dist/entities.js, processEvent), and, as
 * there, only the entities that changed get new objects: the rooms compare them by identity.
 */
import type { Connection, HassEntities, HassEntity } from 'home-assistant-js-websocket';

type CompressedContext = string | { id?: string; parent_id?: string | null; user_id?: string | null };

interface CompressedState {
  s?: string;
  a?: Record<string, unknown>;
  c?: CompressedContext;
  lc?: number;
  lu?: number;
}

export interface EntitiesEvent {
  a?: Record<string, CompressedState>;
  c?: Record<string, { '+'?: CompressedState; '-'?: { a?: string[] } }>;
  r?: string[];
}

const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

function added(entityId: string, state: CompressedState): HassEntity {
  const lastChanged = iso(state.lc ?? 0);
  const context = typeof state.c === 'string' ? { id: state.c, parent_id: null, user_id: null } : { id: '', parent_id: null, user_id: null, ...state.c };
  return {
    entity_id: entityId,
    state: state.s ?? '',
    attributes: state.a ?? {},
    context: { id: context.id ?? '', parent_id: context.parent_id ?? null, user_id: context.user_id ?? null },
    last_changed: lastChanged,
    last_updated: state.lu ? iso(state.lu) : lastChanged,
  };
}

function changed(entity: HassEntity, change: { '+'?: CompressedState; '-'?: { a?: string[] } }): HassEntity {
  const next: HassEntity = { ...entity };
  const plus = change['+'];
  const minus = change['-'];
  if (plus?.a || minus?.a) {
    const attributes: Record<string, unknown> = { ...entity.attributes, ...plus?.a };
    for (const name of minus?.a ?? []) delete attributes[name];
    next.attributes = attributes;
  }
  if (plus?.s !== undefined) next.state = plus.s;
  if (plus?.c !== undefined) next.context = typeof plus.c === 'string' ? { ...entity.context, id: plus.c } : { ...entity.context, ...plus.c };
  if (plus?.lc) next.last_updated = next.last_changed = iso(plus.lc);
  else if (plus?.lu) next.last_updated = iso(plus.lu);
  return next;
}

/** The entities after one `subscribe_entities` event; those it does not mention keep their objects. */
export function applyEntitiesEvent(current: HassEntities, event: EntitiesEvent): HassEntities {
  const next: HassEntities = { ...current };
  for (const [entityId, state] of Object.entries(event.a ?? {})) next[entityId] = added(entityId, state);
  for (const entityId of event.r ?? []) delete next[entityId];
  for (const [entityId, change] of Object.entries(event.c ?? {})) {
    const entity = next[entityId];
    // A change for an entity not seen yet cannot be built from its parts; the next full state brings it.
    if (entity) next[entityId] = changed(entity, change);
  }
  return next;
}

/**
 * Follows `entityIds` on `conn` (again after every reconnect, as the library's own collection does)
 * and hands over the whole map after each change. Rejects if Home Assistant refuses the
 * subscription (an id it does not accept as an entity id); the caller then follows everything.
 */
export function subscribeOnlyEntities(conn: Connection, entityIds: readonly string[], onChange: (entities: HassEntities) => void): Promise<unknown> {
  let entities: HassEntities = {};
  return conn.subscribeMessage<EntitiesEvent>(
    (event) => {
      entities = applyEntitiesEvent(entities, event);
      onChange(entities);
    },
    { type: 'subscribe_entities', entity_ids: [...entityIds] },
    { resubscribe: true },
  );
}
