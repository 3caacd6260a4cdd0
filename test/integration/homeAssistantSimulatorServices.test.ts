/**
 * Conformance of `call_service` (checklist §5 rule 9) and of the simulated devices behind it,
 * checked on the wire: validation errors as HA words them, state changes before the result.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inputBoolean, light, mediaPlayer, startHomeAssistantSimulator, switchEntity, type HomeAssistantSimulator } from '../../main/simulators/homeAssistant/index.ts';
import { RawHomeAssistantClient } from './homeAssistantSimulatorRawClient.ts';

let simulator: HomeAssistantSimulator;
let client: RawHomeAssistantClient;
let nextId = 2;

beforeEach(async () => {
  simulator = await startHomeAssistantSimulator({
    entities: [
      light('light.desk', { name: 'Desk', supportedColorModes: ['color_temp', 'xy'], minKelvin: 2200, maxKelvin: 6500 }),
      light('light.hall', { supportedColorModes: ['onoff'], supportsTransition: false }),
      mediaPlayer('media_player.den', { volumeLevel: 0.2, sourceList: ['Radio', 'HDMI 1'] }),
      switchEntity('switch.kettle'),
      inputBoolean('input_boolean.quiet_hours'),
    ],
    notifyServices: ['mobile_app_pixel_8'],
  });
  client = await RawHomeAssistantClient.authenticated(simulator.url, simulator.token);
  nextId = 2;
});

afterEach(async () => {
  client.close();
  await simulator.close();
});

function call(domain: string, service: string, serviceData?: Record<string, unknown>, entityId?: string, extra: Record<string, unknown> = {}) {
  const message: Record<string, unknown> = { id: nextId++, type: 'call_service', domain, service, ...extra };
  if (serviceData) message.service_data = serviceData;
  if (entityId) message.target = { entity_id: entityId };
  return client.command(message);
}

const errorOf = (reply: Record<string, unknown>) => reply.error as Record<string, unknown>;
const attributesOf = (entityId: string) => simulator.states.get(entityId)!.attributes;

describe('call_service (rule 9)', () => {
  it('emits the state change with the call context before the result, which carries only the context', async () => {
    await client.command({ id: nextId++, type: 'subscribe_events', event_type: 'state_changed' });
    const reply = await call('light', 'turn_on', { brightness_pct: 50 }, 'light.desk');
    const changed = client.messages.find((message) => message.type === 'event')!;
    expect(client.messages.indexOf(changed)).toBeLessThan(client.messages.indexOf(reply));
    expect(reply).toEqual({ id: 3, type: 'result', success: true, result: { context: { id: expect.stringMatching(/^[0-9A-Z]{26}$/), parent_id: null, user_id: expect.any(String) } } });
    const event = changed.event as { context: unknown; data: { new_state: { context: unknown; attributes: Record<string, unknown> } } };
    expect(event.context).toEqual((reply.result as { context: unknown }).context);
    expect(event.data.new_state.context).toEqual(event.context);
    expect(event.data.new_state.attributes.brightness).toBe(128);
  });

  it('answers an unknown service with not_found', async () => {
    expect(errorOf(await call('light', 'dance', {}, 'light.desk'))).toEqual({
      code: 'not_found', message: 'Service light.dance not found.',
      translation_key: 'service_not_found', translation_placeholders: { domain: 'light', service: 'dance' }, translation_domain: 'homeassistant',
    });
  });

  it('refuses a call without a service with invalid_format', async () => {
    expect(errorOf(await client.command({ id: nextId++, type: 'call_service', domain: 'light' }))).toEqual({ code: 'invalid_format', message: "required key not provided @ data['service']. Got None" });
  });

  it('refuses unknown service data keys', async () => {
    expect(errorOf(await call('light', 'turn_on', { foo: 1 }, 'light.desk'))).toEqual({ code: 'invalid_format', message: "extra keys not allowed @ data['foo']" });
  });

  it('refuses brightness_pct outside 0..100', async () => {
    expect(errorOf(await call('light', 'turn_on', { brightness_pct: 150 }, 'light.desk'))).toEqual({ code: 'invalid_format', message: "value must be at most 100 for dictionary value @ data['brightness_pct']" });
  });

  it('refuses two values of the same exclusive group', async () => {
    expect(errorOf(await call('light', 'turn_on', { brightness: 10, brightness_pct: 50 }, 'light.desk'))).toEqual({ code: 'invalid_format', message: "two or more values in the same group of exclusion 'brightness' @ data[<brightness>]" });
    expect(errorOf(await call('light', 'turn_on', { color_temp_kelvin: 3000, xy_color: [0.3, 0.3] }, 'light.desk')).code).toBe('invalid_format');
    expect(simulator.states.get('light.desk')!.state).toBe('off');
  });

  it('refuses return_response on an action without responses with service_validation_error', async () => {
    expect(errorOf(await call('switch', 'turn_on', undefined, 'switch.kettle', { return_response: true }))).toEqual({
      code: 'service_validation_error',
      message: "Validation error: An action which does not return responses can't be called with return_response=True.",
      translation_key: 'service_does_not_support_response', translation_placeholders: { return_response: 'return_response=True' }, translation_domain: 'homeassistant',
    });
  });

  // Conformance with homeassistant/helpers/service.py entity_service_call, which skips an entity
  // that is not available and answers success (the simulator once failed the call instead).
  it('answers success for an unavailable device and leaves it unavailable, as Home Assistant does', async () => {
    simulator.faults.setUnavailable('light.desk', true);
    expect((await call('light', 'turn_on', {}, 'light.desk')).success).toBe(true);
    expect(simulator.states.get('light.desk')?.state).toBe('unavailable');
    simulator.faults.setUnavailable('light.desk', false);
    expect((await call('light', 'turn_on', {}, 'light.desk')).success).toBe(true);
  });

  it('records every call_service message in order', async () => {
    await call('switch', 'turn_on', undefined, 'switch.kettle');
    await call('light', 'dance');
    expect(simulator.serviceCalls.map((message) => `${message.domain}.${message.service}`)).toEqual(['switch.turn_on', 'light.dance']);
  });
});

describe('lights', () => {
  it('clamps colour temperature into the light range and reports derived colours', async () => {
    await call('light', 'turn_on', { color_temp_kelvin: 1800, brightness: 180, transition: 99999 }, 'light.desk');
    expect(attributesOf('light.desk')).toMatchObject({
      color_mode: 'color_temp', brightness: 180, color_temp_kelvin: 2200, color_temp: 455,
      min_color_temp_kelvin: 2200, max_color_temp_kelvin: 6500, min_mireds: 154, max_mireds: 455,
      hs_color: expect.any(Array), rgb_color: expect.any(Array), xy_color: expect.any(Array), supported_features: 32,
    });
  });

  it('converts a colour to the xy mode the light supports', async () => {
    await call('light', 'turn_on', { rgb_color: [255, 0, 0] }, 'light.desk');
    expect(attributesOf('light.desk')).toMatchObject({ color_mode: 'xy', color_temp_kelvin: null, rgb_color: [255, 0, 0] });
  });

  it('keeps state attributes as null when off and remembers brightness for the next turn_on', async () => {
    await call('light', 'turn_on', { brightness: 90 }, 'light.desk');
    await call('light', 'turn_off', { transition: 2 }, 'light.desk');
    expect(attributesOf('light.desk')).toMatchObject({ color_mode: null, brightness: null, color_temp_kelvin: null, color_temp: null, hs_color: null, rgb_color: null, xy_color: null, supported_color_modes: ['color_temp', 'xy'] });
    await call('light', 'turn_on', {}, 'light.desk');
    expect(attributesOf('light.desk').brightness).toBe(90);
  });

  it('turns a light off when asked for brightness 0', async () => {
    await call('light', 'turn_on', { brightness: 0 }, 'light.desk');
    expect(simulator.states.get('light.desk')!.state).toBe('off');
  });

  it('ignores brightness on an on/off light instead of failing', async () => {
    expect((await call('light', 'turn_on', { brightness_pct: 40 }, 'light.hall')).success).toBe(true);
    expect(attributesOf('light.hall')).toEqual({ supported_color_modes: ['onoff'], color_mode: 'onoff', friendly_name: 'Hall', supported_features: 0 });
  });
});

describe('media players, switches, scenes and notifications', () => {
  it('plays media and sets the volume', async () => {
    await call('media_player', 'play_media', { media_content_id: 'https://radio.example/calm.mp3', media_content_type: 'music' }, 'media_player.den');
    await call('media_player', 'volume_set', { volume_level: 0.35 }, 'media_player.den');
    expect(simulator.states.get('media_player.den')).toMatchObject({ state: 'playing', attributes: { volume_level: 0.35, media_content_id: 'https://radio.example/calm.mp3', media_content_type: 'music' } });
    expect(errorOf(await call('media_player', 'volume_set', { volume_level: 2 }, 'media_player.den')).message).toBe("value must be at most 1 for dictionary value @ data['volume_level']");
    await call('media_player', 'media_stop', undefined, 'media_player.den');
    expect(simulator.states.get('media_player.den')!.state).toBe('idle');
  });

  it('switches and toggles switches and input booleans', async () => {
    await call('switch', 'toggle', undefined, 'switch.kettle');
    await call('input_boolean', 'turn_on', undefined, 'input_boolean.quiet_hours');
    expect(simulator.states.get('switch.kettle')!.state).toBe('on');
    expect(simulator.states.get('input_boolean.quiet_hours')).toMatchObject({ state: 'on', attributes: { editable: true, friendly_name: 'Quiet Hours' } });
  });

  it('applies a scene as state representations, all with the call context', async () => {
    const reply = await call('scene', 'apply', {
      entities: {
        'light.desk': { state: 'on', brightness: 120, color_mode: 'color_temp', color_temp_kelvin: 2700 },
        'switch.kettle': 'on',
        'media_player.den': { state: 'on', source: 'HDMI 1', volume_level: 0.25 },
      },
      transition: 2.5,
    });
    const contextId = (reply.result as { context: { id: string } }).context.id;
    expect(simulator.states.get('light.desk')).toMatchObject({ state: 'on', attributes: { brightness: 120, color_temp_kelvin: 2700 }, context: { id: contextId } });
    expect(simulator.states.get('switch.kettle')).toMatchObject({ state: 'on', context: { id: contextId } });
    expect(simulator.states.get('media_player.den')).toMatchObject({ state: 'idle', attributes: { source: 'HDMI 1', volume_level: 0.25 } });
  });

  it('reproduces a colour-temperature light from mireds up to 2024.12 and from kelvin since 2025.1 (light/reproduce_state.py, core#132854)', async () => {
    const desired = (attributes: Record<string, unknown>) => ({ entities: { 'light.desk': { state: 'on', brightness: 100, color_mode: 'color_temp', ...attributes } } });
    const apply = async (haVersion: string, attributes: Record<string, unknown>) => {
      const sim = await startHomeAssistantSimulator({ haVersion, entities: [light('light.desk', { supportedColorModes: ['color_temp', 'xy'], minKelvin: 2200, maxKelvin: 6500 })] });
      const raw = await RawHomeAssistantClient.authenticated(sim.url, sim.token);
      try {
        expect(await raw.command({ id: 2, type: 'call_service', domain: 'scene', service: 'apply', service_data: desired(attributes) })).toMatchObject({ success: true });
        return sim.states.get('light.desk');
      } finally {
        raw.close();
        await sim.close();
      }
    };
    // 2024.12: "Color mode color_temp specified but attribute color_temp missing": the light is left as it was (off).
    expect((await apply('2024.12.5', { color_temp_kelvin: 2700 }))?.state).toBe('off');
    expect((await apply('2024.12.5', { color_temp: 370 }))?.attributes).toMatchObject({ brightness: 100, color_temp_kelvin: 2702 }); // floor(1000000 / 370)
    expect((await apply('2025.1.0', { color_temp_kelvin: 2700 }))?.attributes).toMatchObject({ brightness: 100, color_temp_kelvin: 2700 });
    expect((await apply('2025.1.0', { color_temp: 370 }))?.state).toBe('off');
    // Both units, as Stillroom sends them: set on either side of the change.
    for (const version of ['2024.12.5', '2025.1.0']) expect((await apply(version, { color_temp_kelvin: 2700, color_temp: 370 }))?.state).toBe('on');
  });

  it('refuses a scene entity whose state is not a string', async () => {
    expect(errorOf(await call('scene', 'apply', { entities: { 'light.desk': { state: 5 } } })).message).toBe("State for light.desk should be a string for dictionary value @ data['entities']");
  });

  it('records notifications with message, title and data', async () => {
    await call('notify', 'mobile_app_pixel_8', { message: 'Sam has arrived', title: 'Waiting room', data: { tag: 'arrival' } });
    expect(simulator.notifications).toEqual([{ service: 'mobile_app_pixel_8', data: { message: 'Sam has arrived', title: 'Waiting room', data: { tag: 'arrival' } } }]);
  });

  it('describes its services through get_services', async () => {
    const services = (await client.command({ id: nextId++, type: 'get_services' })).result as Record<string, Record<string, unknown>>;
    expect(Object.keys(services).sort()).toEqual(['input_boolean', 'light', 'media_player', 'notify', 'scene', 'switch']);
    expect(services.light!.turn_on).toMatchObject({ name: 'Turn on', target: { entity: [{ domain: ['light'] }] } });
  });
});
