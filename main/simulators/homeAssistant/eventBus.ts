/**
 * The simulated Home Assistant event bus: what `subscribe_events` listens to and what the
 * state machine and `fire_event` write to.
 */
import { isoFromSeconds, nowSeconds, type Context } from './context.ts';

export interface HassEvent {
  event_type: string;
  data: Record<string, unknown>;
  origin: 'LOCAL' | 'REMOTE';
  time_fired: string;
  context: Context;
}

export type EventListener = (event: HassEvent) => void;

/** HA's MATCH_ALL listeners never see these (core.py EVENTS_EXCLUDED_FROM_MATCH_ALL). */
const excludedFromMatchAll = new Set(['homeassistant_close', 'state_reported']);

export const matchAll = '*';

export class EventBus {
  private readonly listeners = new Map<string, Set<EventListener>>();

  listen(eventType: string, listener: EventListener): () => void {
    const forType = this.listeners.get(eventType) ?? new Set<EventListener>();
    forType.add(listener);
    this.listeners.set(eventType, forType);
    return () => {
      forType.delete(listener);
    };
  }

  listenerCount(): number {
    return [...this.listeners.values()].reduce((count, forType) => count + forType.size, 0);
  }

  fire(eventType: string, data: Record<string, unknown>, context: Context, origin: HassEvent['origin'] = 'LOCAL'): HassEvent {
    const event: HassEvent = { event_type: eventType, data, origin, time_fired: isoFromSeconds(nowSeconds()), context };
    for (const listener of [...(this.listeners.get(eventType) ?? [])]) listener(event);
    if (!excludedFromMatchAll.has(eventType)) {
      for (const listener of [...(this.listeners.get(matchAll) ?? [])]) listener(event);
    }
    return event;
  }
}
