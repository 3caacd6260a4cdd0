/**
 * What a room's devices are doing now, as the room surface draws them: from Home Assistant's live
 * states (never from what was sent), in plain values: on, brightness percent, a CSS colour, volume.
 */
import type { EntityStates } from '../ambience/homeAssistantCalls.ts';
import type { RoomAmbienceConfig } from '../ambience/roomDevices.ts';
import type { DeviceView } from '../../contract/contract.ts';

/** Every entity of the room with its role and kind, in a stable order: lights by role, then sound, sign, masking. */
export function roomEntities(room: RoomAmbienceConfig): { entityId: string; role: string; kind: DeviceView['kind'] }[] {
  const lights = Object.entries(room.lights).flatMap(([role, ids]) => ids.map((entityId) => ({ entityId, role, kind: 'light' as const })));
  const others = [
    room.speaker && { entityId: room.speaker, role: 'speaker', kind: 'speaker' as const },
    room.doorSign && { entityId: room.doorSign, role: 'door sign', kind: 'door-sign' as const },
    room.masking && { entityId: room.masking, role: 'sound masking', kind: 'masking' as const },
  ].filter((entry) => !!entry);
  return [...lights, ...others];
}

const hex = (rgb: readonly number[]) => `#${rgb.map((c) => Math.round(Math.max(0, Math.min(255, c))).toString(16).padStart(2, '0')).join('')}`;

/** An approximate sRGB colour for a colour temperature (Tanner Helland's fit), for drawing only. */
export function kelvinToCss(kelvin: number): string {
  const t = kelvin / 100;
  const red = t <= 66 ? 255 : 329.698727446 * (t - 60) ** -0.1332047592;
  const green = t <= 66 ? 99.4708025861 * Math.log(t) - 161.1195681661 : 288.1221695283 * (t - 60) ** -0.0755148492;
  const blue = t >= 66 ? 255 : t <= 19 ? 0 : 138.5177312231 * Math.log(t - 10) - 305.0447927307;
  return hex([red, green, blue]);
}

export function deviceViews(room: RoomAmbienceConfig, states: EntityStates): DeviceView[] {
  return roomEntities(room).map(({ entityId, role, kind }) => {
    const state = states[entityId];
    const attributes = state?.attributes ?? {};
    const available = !!state && state.state !== 'unavailable' && state.state !== 'unknown';
    const name = typeof attributes['friendly_name'] === 'string' ? attributes['friendly_name'] : entityId;
    const view: DeviceView = { entityId, role, name, kind, available, on: false, brightness: null, colour: null, volume: null };
    if (!available) return view;
    if (kind === 'light') {
      const on = state.state === 'on';
      const brightness = attributes['brightness'];
      const rgb = attributes['rgb_color'];
      const kelvin = attributes['color_temp_kelvin'];
      return {
        ...view,
        on,
        brightness: on && typeof brightness === 'number' ? Math.round((brightness / 255) * 100) : null,
        colour: !on ? null : Array.isArray(rgb) ? hex(rgb as number[]) : typeof kelvin === 'number' ? kelvinToCss(kelvin) : '#fff4e0',
      };
    }
    if (kind === 'door-sign') return { ...view, on: state.state === 'on' };
    const volume = attributes['volume_level'];
    return { ...view, on: state.state === 'playing', volume: typeof volume === 'number' ? volume : null };
  });
}
