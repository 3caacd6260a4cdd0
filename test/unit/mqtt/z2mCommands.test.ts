/** Planner light calls in zigbee2mqtt's units: brightness 0–254, mireds within the device range, seconds. */
import { expect, it } from 'vitest';
import type { ServiceCall } from '../../../main/hub/ambience/homeAssistantCalls.ts';
import { brightnessFromPercent, capabilitiesFromExposes, miredsFromKelvin, xyFromKelvin, z2mSetCommand } from '../../../main/hub/devices/zigbee2mqtt/z2mCommands.ts';

const lamp = { friendlyName: 'willow/lamp', minMireds: 153, maxMireds: 454 };
const call = (service: string, serviceData: Record<string, unknown>, domain = 'light'): ServiceCall => ({ domain, service, target: { entity_id: 'light.willow_lamp' }, serviceData });

it('turns percent into 1–254 and kelvin into clamped mireds', () => {
  expect([0, 1, 40, 50, 100, 120].map(brightnessFromPercent)).toEqual([1, 3, 102, 127, 254, 254]);
  expect(miredsFromKelvin(2700, lamp)).toBe(370);
  expect(miredsFromKelvin(1800, lamp)).toBe(454);
  expect(miredsFromKelvin(9000, lamp)).toBe(153);
  expect(miredsFromKelvin(2000, { friendlyName: 'x' })).toBe(500);
});

it('writes set payloads as zigbee2mqtt expects them', () => {
  expect(z2mSetCommand(call('turn_on', { brightness_pct: 40, color_temp_kelvin: 2700, transition: 3 }), lamp)).toEqual({
    ok: true, topic: 'zigbee2mqtt/willow/lamp/set', payload: { state: 'ON', brightness: 102, color_temp: 370, transition: 3 },
  });
  expect(z2mSetCommand(call('turn_on', { brightness_pct: 100, rgb_color: [255, 140.4, 60] }), lamp, 'z2m')).toMatchObject({
    topic: 'z2m/willow/lamp/set', payload: { state: 'ON', brightness: 254, color: { r: 255, g: 140, b: 60 } },
  });
  expect(z2mSetCommand(call('turn_on', { xy_color: [0.45, 0.41] }), lamp)).toMatchObject({ payload: { state: 'ON', color: { x: 0.45, y: 0.41 } } });
  expect(z2mSetCommand(call('turn_on', { hs_color: [30, 80] }), lamp)).toMatchObject({ payload: { color: { hue: 30, saturation: 80 } } });
  expect(z2mSetCommand(call('turn_on', { brightness: 255 }), lamp)).toMatchObject({ payload: { brightness: 254 } });
  expect(z2mSetCommand(call('turn_on', { brightness_pct: 0, transition: 2 }), lamp)).toMatchObject({ payload: { state: 'OFF', transition: 2 } });
  expect(z2mSetCommand(call('turn_off', { transition: 1.5 }), lamp)).toMatchObject({ payload: { state: 'OFF', transition: 1.5 } });
});

it('refuses what is not a light call', () => {
  expect(z2mSetCommand(call('volume_set', { volume_level: 0.2 }, 'media_player'), lamp)).toMatchObject({ ok: false, message: expect.stringContaining('media_player.volume_set') });
});

it('reads a light\'s abilities from its exposes, and odd lists as nothing', () => {
  const light = (...names: string[]) => [{ type: 'light', features: names.map((name) => (name === 'color_temp' ? { name, value_min: 153, value_max: 500 } : { name })) }];
  expect(capabilitiesFromExposes(light('state', 'brightness', 'color_temp', 'color_xy'))).toEqual({ brightness: true, colourTemperature: true, colour: 'xy', minMireds: 153, maxMireds: 500 });
  expect(capabilitiesFromExposes(light('state', 'brightness', 'color_hs'))).toEqual({ brightness: true, colourTemperature: false, colour: 'hs' });
  expect(capabilitiesFromExposes(light('state'))).toEqual({ brightness: false, colourTemperature: false, colour: null });
  expect(capabilitiesFromExposes([{ type: 'switch', features: [{ name: 'state' }] }])).toBeNull();
  for (const odd of [null, 'light', [null, 3], [{ type: 'light', features: 'x' }]]) expect(capabilitiesFromExposes(odd)).toBeNull();
});

it('sends a light only the keys it has converters for', () => {
  const white = { brightness: true, colourTemperature: true, colour: null } as const;
  const dimmable = { brightness: true, colourTemperature: false, colour: null } as const;
  const relay = { brightness: false, colourTemperature: false, colour: null } as const;
  const rgb = { brightness: true, colourTemperature: false, colour: 'xy' } as const;
  const warm = call('turn_on', { brightness_pct: 40, color_temp_kelvin: 2700, transition: 1 });
  expect(z2mSetCommand(call('turn_on', { rgb_color: [255, 0, 0] }), lamp, 'zigbee2mqtt', white)).toMatchObject({ payload: { state: 'ON' } });
  expect(z2mSetCommand(call('turn_on', { rgb_color: [255, 0, 0] }), lamp, 'zigbee2mqtt', white)).not.toHaveProperty('payload.color');
  expect(z2mSetCommand(warm, lamp, 'zigbee2mqtt', dimmable)).toEqual({ ok: true, topic: 'zigbee2mqtt/willow/lamp/set', payload: { state: 'ON', brightness: 102, transition: 1 } });
  expect(z2mSetCommand(warm, lamp, 'zigbee2mqtt', relay)).toEqual({ ok: true, topic: 'zigbee2mqtt/willow/lamp/set', payload: { state: 'ON', transition: 1 } });
  expect(z2mSetCommand(warm, lamp, 'zigbee2mqtt', rgb)).toMatchObject({ payload: { state: 'ON', brightness: 102, color: xyFromKelvin(2700) } });
  // The Planckian locus: 2700 K is about (0.46, 0.41), 6500 K about (0.31, 0.32).
  expect(xyFromKelvin(2700).x).toBeCloseTo(0.46, 2);
  expect(xyFromKelvin(2700).y).toBeCloseTo(0.41, 2);
  expect(xyFromKelvin(6500).x).toBeCloseTo(0.313, 2);
  expect(xyFromKelvin(6500).y).toBeCloseTo(0.324, 2);
});
