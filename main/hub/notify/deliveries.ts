/**
 * The route handlers the dispatcher calls: how each kind of outbox row reaches its receiver and
 * what counts as its acknowledgement. Each message carries its outbox id (`messageId`, or the push
 * `tag`, which makes the phone replace a duplicate instead of showing it twice).
 */
import type { HomeAssistantLink } from '../devices/homeAssistant/homeAssistantLink.ts';
import type { ServiceCall } from '../devices/homeAssistant/serviceCallResult.ts';
import { publishArrivalEvent, type BusAddress } from '../devices/mqtt/officeBus.ts';
import type { MqttLink } from '../devices/mqtt/mqttLink.ts';
import { silentLog, type Log } from '../log.ts';
import type { DeliveryResult, RouteHandler } from './dispatcher.ts';
import type { OutboxRow } from './outbox.ts';
import type { RoutePayload } from './routes.ts';
import type { AcknowledgeActions } from './actionKey.ts';

type PayloadOf<R extends RoutePayload['route']> = Extract<RoutePayload, { route: R }>['payload'];
const payloadOf = <R extends RoutePayload['route']>(row: OutboxRow) => row.payload as PayloadOf<R>;

/**
 * The push's "On my way" button. Home Assistant fires `mobile_app_notification_action` with this
 * action when the clinician taps it; the hub listens and records the acknowledgement. The action
 * carries a tag bound to its arrival (actionKey.ts), so an event made up elsewhere does nothing.
 */

/** The Home Assistant event a practice's own automations can listen for. */
export const arrivalEventType = 'stillroom_arrival';

/** Acknowledged by the broker's PUBACK; a closed link leaves the row pending for the next run. */
export function mqttBusDelivery(link: Pick<MqttLink, 'publish'>, bus: BusAddress): RouteHandler {
  return async (row) => {
    const result = await publishArrivalEvent(link, bus, { messageId: row.id, ...payloadOf<'mqtt-bus'>(row) });
    return result.ok ? result : { ok: false, message: result.message };
  };
}

/**
 * Push data for the Home Assistant companion apps. Silent: iOS shows it without sound or lighting the
 * screen (`interruption-level: passive`), Android posts it to a low-importance channel (no sound).
 * `ttl` is the Android push's time to live in seconds, passed on to Firebase Cloud Messaging: 0 means
 * "now or never", so a phone off the network for a moment (a lift, a tunnel) never got the arrival.
 * Fifteen minutes keeps it while it still matters; by then the desk has escalated anyway.
 */
export const pushTimeToLiveSeconds = 15 * 60;

function pushData(tag: string, silent: boolean): Record<string, unknown> {
  return silent
    ? { tag, push: { 'interruption-level': 'passive' }, channel: 'Stillroom quiet', importance: 'low' }
    : { tag, push: { 'interruption-level': 'time-sensitive' }, channel: 'Stillroom arrivals', importance: 'high', ttl: pushTimeToLiveSeconds, priority: 'high' };
}

type HomeAssistantPart = Pick<HomeAssistantLink, 'notify' | 'fireEvent' | 'callService' | 'entities'>;

export interface HomeAssistantDeliveries {
  handlers: Record<'ha-notify' | 'ha-event' | 'light-cue', RouteHandler>;
  /** Puts back any light still glowing with a cue, at once. */
  close(): void;
}

const asResult = (result: { ok: true } | { ok: false; message: string }): DeliveryResult => (result.ok ? { ok: true } : { ok: false, message: result.message });

/**
 * Pushes, events and light cues through Home Assistant, each acknowledged by a successful result.
 * A light cue glows in its colour for its seconds, then the light goes back to what it was.
 */
export function homeAssistantDeliveries(ha: HomeAssistantPart, acknowledge: AcknowledgeActions, log: Log = silentLog): HomeAssistantDeliveries {
  const restores = new Map<string, { timer: NodeJS.Timeout; call: ServiceCall }>();

  function restoreCall(entityId: string): ServiceCall {
    const before = ha.entities()[entityId];
    if (before?.state !== 'on') return { domain: 'light', service: 'turn_off', target: { entity_id: entityId }, serviceData: { transition: 2 } };
    const attributes = before.attributes;
    const mode = attributes['color_mode'];
    const colour =
      mode === 'color_temp' ? { color_temp_kelvin: attributes['color_temp_kelvin'] }
        : mode === 'hs' ? { hs_color: attributes['hs_color'] }
          : mode === 'xy' ? { xy_color: attributes['xy_color'] }
            : mode === 'rgb' ? { rgb_color: attributes['rgb_color'] }
              : {};
    const brightness = typeof attributes['brightness'] === 'number' ? { brightness: attributes['brightness'] } : {};
    return { domain: 'light', service: 'turn_on', target: { entity_id: entityId }, serviceData: { ...brightness, ...colour, transition: 2 } };
  }

  const lightCue: RouteHandler = async (row) => {
    const { light, seconds, colour } = payloadOf<'light-cue'>(row);
    // A second cue while one glows keeps the first one's "before", not the cue colour.
    const restore = restores.get(light)?.call ?? restoreCall(light);
    const result = await ha.callService({ domain: 'light', service: 'turn_on', target: { entity_id: light }, serviceData: { rgb_color: colour, transition: 2 } });
    if (!result.ok) return asResult(result);
    clearTimeout(restores.get(light)?.timer);
    const timer = setTimeout(() => {
      restores.delete(light);
      void ha.callService(restore).then((restored) => {
        if (!restored.ok) log.warn('light cue could not restore the light', { light, reason: restored.reason });
      });
    }, seconds * 1000);
    restores.set(light, { timer, call: restore });
    return { ok: true };
  };

  return {
    handlers: {
      'ha-notify': async (row) => {
        const { service, message, silent } = payloadOf<'ha-notify'>(row);
        const actions = row.arrivalId ? { actions: [{ action: acknowledge.action(row.arrivalId), title: 'On my way' }] } : {};
        return asResult(await ha.notify(service, { message, data: { ...pushData(row.id, silent), ...actions } }));
      },
      'ha-event': async (row) => {
        const fired = await ha.fireEvent(arrivalEventType, { messageId: row.id, ...payloadOf<'ha-event'>(row) });
        // A non-admin token: held until Home Assistant reconnects, not retried all day (issue 10, item 3).
        return !fired.ok && fired.reason === 'unauthorized' ? { ok: false, message: fired.message, held: true } : asResult(fired);
      },
      'light-cue': lightCue,
    },
    close: () => {
      for (const { timer, call } of restores.values()) {
        clearTimeout(timer);
        void ha.callService(call);
      }
      restores.clear();
    },
  };
}
