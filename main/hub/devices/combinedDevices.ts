/**
 * A room's lights may live in Home Assistant or on zigbee2mqtt. The rooms see one device layer:
 * calls for a zigbee2mqtt light go to its `set` topic, everything else to Home Assistant, and
 * the live state of both is one map in Home Assistant's shape, so one planner serves both.
 */
import type { Zigbee2mqtt } from './zigbee2mqtt/z2mDevices.ts';
import type { DeviceLayer } from './homeAssistant/deviceLayer.ts';
import type { RoomDevices } from '../rooms/rooms.ts';
import type { ServiceCallResult } from './homeAssistant/serviceCallResult.ts';

export function combineDevices(homeAssistant: DeviceLayer, zigbee: { lights: ReadonlySet<string>; watcher: Zigbee2mqtt } | null): RoomDevices {
  if (!zigbee) return homeAssistant;
  const { lights, watcher } = zigbee;
  return {
    status: () => homeAssistant.status(),
    entities: () => {
      const merged = { ...homeAssistant.entities() };
      for (const id of lights) {
        const state = watcher.entityState(id);
        if (state) merged[id] = { ...state, entity_id: id, last_changed: '', last_updated: '', context: { id: '', parent_id: null, user_id: null } };
      }
      return merged;
    },
    async callService(call): Promise<ServiceCallResult> {
      const target = call.target?.entity_id;
      if (typeof target !== 'string' || !lights.has(target)) return homeAssistant.callService(call);
      if (!watcher.reachable(target)) return { ok: false, reason: 'unavailable', message: `${target} is offline in zigbee2mqtt.` };
      const sent = await watcher.send(target, { domain: call.domain, service: call.service, target: { entity_id: target }, serviceData: { ...call.serviceData } });
      if (sent.ok) return { ok: true, contextId: '' };
      return sent.reason === 'closed' ? { ok: false, reason: 'disconnected', message: sent.message } : { ok: false, reason: 'rejected', message: sent.message };
    },
    sceneCapable: (entityId) => !lights.has(entityId),
    ownUserId: () => homeAssistant.ownUserId?.() ?? null,
    entitiesArrived: () => homeAssistant.entitiesArrived?.() ?? true,
  };
}
