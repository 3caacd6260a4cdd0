/**
 * The route handlers the dispatcher calls: how each kind of outbox row reaches its receiver and
 * what counts as its acknowledgement. Each message carries its outbox id (`messageId`, or the push
 * `tag`, which makes the phone replace a duplicate instead of showing it twice).
 */
import { serviceCall, type EntityState } from '../ambience/homeAssistantCalls.ts';
import { lightCall, lightCapabilities, lightTargetFromState } from '../ambience/lightCommands.ts';
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

/** No room limits for a cue: it puts the lamp back exactly as it was. */
const anyLevel = { minBrightness: 1, maxBrightness: 100, maxVolume: 1 };
/** `LightEntityFeature.FLASH` (homeassistant/components/light/const.py). */
const flashFeature = 8;

/**
 * The cue a lamp can show, from its `supported_color_modes` (issue 10, item 5). A colour lamp glows
 * in the cue colour; Home Assistant turns `rgb_color` into the lamp's own mode (light/__init__.py,
 * hs, xy, rgbw and rgbww included). On a white-only or dimmable-only lamp a colour is a barely
 * visible warmth shift or nothing at all, so those dim or brighten by about 40 points (warmest white
 * where it has colour temperature), which is seen across a room without being sudden. A lamp that
 * only switches gets a short flash where it supports one; one that cannot is refused in words.
 */
export function cueCall(entityId: string, state: EntityState | undefined, colour: [number, number, number]): { call: ServiceCall; flash: boolean } | { problem: string } {
  const capabilities = lightCapabilities(state);
  const transition = capabilities.transition ? { transition: 2 } : {};
  if (!capabilities.known || capabilities.colour) return { call: serviceCall(entityId, 'turn_on', { rgb_color: colour, ...transition }), flash: false };
  if (capabilities.dimmable) {
    const brightness = state?.state === 'on' && typeof state.attributes['brightness'] === 'number' ? (state.attributes['brightness'] as number) / 2.55 : 0;
    const cuePct = brightness === 0 ? 60 : brightness > 55 ? Math.max(5, Math.round(brightness - 40)) : Math.min(100, Math.round(brightness + 40));
    const warm = capabilities.colourTemperature && capabilities.minKelvin !== undefined ? { color_temp_kelvin: capabilities.minKelvin } : {};
    return { call: serviceCall(entityId, 'turn_on', { brightness_pct: cuePct, ...warm, ...transition }), flash: false };
  }
  const features = state?.attributes['supported_features'];
  if (typeof features === 'number' && (features & flashFeature) !== 0) return { call: serviceCall(entityId, 'turn_on', { flash: 'short' }), flash: true };
  const name = typeof state?.attributes['friendly_name'] === 'string' ? state.attributes['friendly_name'] : entityId;
  return { problem: `${name} can only switch on and off, so it cannot show a soft cue. Choose a lamp that dims for this clinician's cue.` };
}

/**
 * Pushes, events and light cues through Home Assistant, each acknowledged by a successful result.
 * A light cue glows in its colour for its seconds, then the light goes back to what it was.
 */
export function homeAssistantDeliveries(ha: HomeAssistantPart, acknowledge: AcknowledgeActions, log: Log = silentLog): HomeAssistantDeliveries {
  const restores = new Map<string, { timer: NodeJS.Timeout; call: ServiceCall }>();

  /**
   * What the lamp was, put back through the same code that restores a room after a session
   * (ambience/lightCommands.ts): every colour mode (rgbw and rgbww too), never a null colour (which
   * Home Assistant refuses, leaving the lamp in the cue colour), brightness only where it dims.
   */
  function restoreCall(entityId: string): ServiceCall | null {
    const before = ha.entities()[entityId];
    const target = lightTargetFromState(before, anyLevel);
    if (!target) return null;
    return lightCall(entityId, target, lightCapabilities(before), 2);
  }

  const lightCue: RouteHandler = async (row) => {
    const { light, seconds, colour } = payloadOf<'light-cue'>(row);
    const cue = cueCall(light, ha.entities()[light], colour);
    if ('problem' in cue) return { ok: false, message: cue.problem };
    // A second cue while one glows keeps the first one's "before", not the cue colour.
    const restore = restores.has(light) ? restores.get(light)!.call : restoreCall(light);
    const result = await ha.callService(cue.call);
    if (!result.ok) return asResult(result);
    clearTimeout(restores.get(light)?.timer);
    // A flash ends by itself; a lamp whose state was not known is left as the cue set it.
    if (cue.flash || !restore) {
      restores.delete(light);
      return { ok: true };
    }
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
