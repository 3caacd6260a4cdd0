/**
 * Entity states and the write rules of HA's `StateMachine.async_set_internal`: an identical
 * write fires no `state_changed`, `last_changed` moves only when the state string changes.
 */
import { isDeepStrictEqual } from 'node:util';
import { isoFromSeconds, newContext, nowSeconds, type Context } from './context.ts';
import type { EventBus } from './eventBus.ts';

export type Attributes = Record<string, unknown>;

/** A state as the simulator keeps it; times are Unix seconds with microseconds. */
export interface EntityState {
  entityId: string;
  state: string;
  attributes: Attributes;
  lastChanged: number;
  lastUpdated: number;
  lastReported: number;
  context: Context;
}

/** The state object exactly as `get_states` and `state_changed` events carry it (`State.as_dict`). */
export interface StateObject {
  entity_id: string;
  state: string;
  attributes: Attributes;
  last_changed: string;
  last_reported: string;
  last_updated: string;
  context: Context;
}

export function asStateObject(entity: EntityState): StateObject {
  return {
    entity_id: entity.entityId,
    state: entity.state,
    attributes: entity.attributes,
    last_changed: isoFromSeconds(entity.lastChanged),
    last_reported: isoFromSeconds(entity.lastReported),
    last_updated: isoFromSeconds(entity.lastUpdated),
    context: entity.context,
  };
}

export function domainOf(entityId: string): string {
  return entityId.slice(0, entityId.indexOf('.'));
}

export class StateMachine {
  private readonly entities = new Map<string, EntityState>();

  constructor(private readonly bus: EventBus) {}

  get(entityId: string): EntityState | undefined {
    return this.entities.get(entityId);
  }

  all(): EntityState[] {
    return [...this.entities.values()];
  }

  /** Writes a state; returns whether a `state_changed` event was fired. */
  set(entityId: string, state: string, attributes: Attributes, context: Context = newContext()): boolean {
    const old = this.entities.get(entityId);
    const now = nowSeconds();
    if (old && old.state === state && isDeepStrictEqual(old.attributes, attributes)) {
      const oldLastReported = old.lastReported;
      old.lastReported = now;
      this.bus.fire('state_reported', { entity_id: entityId, old_last_reported: isoFromSeconds(oldLastReported), new_state: asStateObject(old) }, context);
      return false;
    }
    const next: EntityState = {
      entityId,
      state,
      attributes: structuredClone(attributes),
      lastChanged: old && old.state === state ? old.lastChanged : now,
      lastUpdated: now,
      lastReported: now,
      context,
    };
    this.entities.set(entityId, next);
    this.bus.fire('state_changed', { entity_id: entityId, old_state: old ? asStateObject(old) : null, new_state: asStateObject(next) }, context);
    return true;
  }

  remove(entityId: string, context: Context = newContext()): boolean {
    const old = this.entities.get(entityId);
    if (!old) return false;
    this.entities.delete(entityId);
    this.bus.fire('state_changed', { entity_id: entityId, old_state: asStateObject(old), new_state: null }, context);
    return true;
  }
}
