/**
 * The light cue a clinician sees in their room (issue 10, item 5), on every kind of lamp, through
 * the real Home Assistant client against the simulator: a colour lamp glows in the cue colour, a
 * white-only or dimmable-only lamp changes its level visibly (a colour there was a barely visible
 * warmth shift, or nothing), a lamp that only switches flashes where it can and is refused in words
 * where it cannot, and every lamp is put back exactly as it was, whatever its colour mode.
 */
import { afterEach, expect, it } from 'vitest';
import { connectHomeAssistant, type HomeAssistantLink } from '../../main/hub/devices/homeAssistant/homeAssistantLink.ts';
import { homeAssistantDeliveries } from '../../main/hub/notify/deliveries.ts';
import type { OutboxRow } from '../../main/hub/notify/outbox.ts';
import { light, startHomeAssistantSimulator, type HomeAssistantSimulator } from '../../main/simulators/homeAssistant/index.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const lamps = [
  light('light.colour_lamp', { supportedColorModes: ['color_temp', 'hs'], on: true, brightness: 128, colorTempKelvin: 2700 }),
  light('light.white_lamp', { supportedColorModes: ['color_temp'], minKelvin: 2200, maxKelvin: 4000, on: true, brightness: 204, colorTempKelvin: 3000 }),
  light('light.dim_lamp', { supportedColorModes: ['brightness'], on: true, brightness: 64 }),
  light('light.switch_lamp', { supportedColorModes: ['onoff'], on: true, supportsFlash: true }),
  light('light.plain_switch', { supportedColorModes: ['onoff'], on: true }),
  light('light.strip', { supportedColorModes: ['rgbww'], on: true, brightness: 150 }),
];

async function connected(): Promise<{ sim: HomeAssistantSimulator; link: HomeAssistantLink }> {
  const sim = await startHomeAssistantSimulator({ entities: lamps });
  cleanups.push(() => sim.close());
  const connecting = connectHomeAssistant({ url: sim.url, token: sim.token, onStatus: () => {} });
  if (!connecting.ok) throw new Error(connecting.message);
  const { link } = connecting;
  cleanups.push(() => link.close());
  await expect.poll(() => Object.keys(link.entities()).length).toBe(lamps.length);
  return { sim, link };
}

const cueRow = (lightId: string): OutboxRow => ({ id: `cue-${lightId}`, arrivalId: null, route: 'light-cue', payload: { light: lightId, seconds: 1, colour: [255, 120, 40] }, createdAt: 0, attempts: 0, nextAttemptAt: 0, deliveredAt: null, lastError: null });
const colourOf = (sim: HomeAssistantSimulator, id: string) => {
  const { state, attributes: a } = sim.states.get(id)!;
  return { state, brightness: a['brightness'], color_mode: a['color_mode'], color_temp_kelvin: a['color_temp_kelvin'], hs_color: a['hs_color'], rgbww_color: a['rgbww_color'] };
};
const sentTo = (sim: HomeAssistantSimulator, id: string, from: number) =>
  sim.serviceCalls.slice(from).filter((call) => JSON.stringify(call['target'] ?? {}).includes(`"${id}"`)).map((call) => call['service_data'] as Record<string, unknown>);

it('glows a colour lamp in the cue colour and dims or brightens white-only and dimmable-only lamps visibly, then puts each back as it was', async () => {
  const { sim, link } = await connected();
  const deliveries = homeAssistantDeliveries(link, { action: (id) => `ACK_${id}`, arrivalOf: () => null });
  cleanups.push(() => deliveries.close());
  for (const id of ['light.colour_lamp', 'light.white_lamp', 'light.dim_lamp']) {
    const before = colourOf(sim, id);
    const from = sim.serviceCalls.length;
    expect(await deliveries.handlers['light-cue'](cueRow(id))).toEqual({ ok: true });
    const during = colourOf(sim, id);
    if (id === 'light.colour_lamp') expect(sentTo(sim, id, from)[0]).toMatchObject({ rgb_color: [255, 120, 40] });
    else {
      // At least 40 points of 255 apart (about 16 %): seen across the room, not sudden (2 s transition).
      expect(Math.abs(Number(during.brightness) - Number(before.brightness))).toBeGreaterThanOrEqual(40);
      expect(sentTo(sim, id, from)[0]).not.toHaveProperty('rgb_color');
    }
    await expect.poll(() => colourOf(sim, id), { timeout: 5000 }).toEqual(before);
  }
});

it('puts a lamp in rgbww mode back in its rgbww colour, never sending a null colour', async () => {
  const { sim, link } = await connected();
  sim.setState('light.strip', 'on', { color_mode: 'rgbww', rgbww_color: [255, 160, 80, 0, 120], brightness: 150 });
  await expect.poll(() => link.entities()['light.strip']?.attributes['rgbww_color']).toEqual([255, 160, 80, 0, 120]);
  const deliveries = homeAssistantDeliveries(link, { action: (id) => `ACK_${id}`, arrivalOf: () => null });
  cleanups.push(() => deliveries.close());
  const from = sim.serviceCalls.length;
  expect(await deliveries.handlers['light-cue'](cueRow('light.strip'))).toEqual({ ok: true });
  await expect.poll(() => sim.states.get('light.strip')!.attributes['rgbww_color'], { timeout: 5000 }).toEqual([255, 160, 80, 0, 120]);
  const restore = sentTo(sim, 'light.strip', from)[1]!;
  expect(restore).toMatchObject({ rgbww_color: [255, 160, 80, 0, 120] });
  expect(Object.values(restore)).not.toContain(null);
});

it('flashes a lamp that only switches, where it can, and says in words why a plain switch cannot show a cue', async () => {
  const { sim, link } = await connected();
  const deliveries = homeAssistantDeliveries(link, { action: (id) => `ACK_${id}`, arrivalOf: () => null });
  cleanups.push(() => deliveries.close());
  const from = sim.serviceCalls.length;
  expect(await deliveries.handlers['light-cue'](cueRow('light.switch_lamp'))).toEqual({ ok: true });
  expect(sentTo(sim, 'light.switch_lamp', from)).toEqual([{ flash: 'short' }]);
  expect(await deliveries.handlers['light-cue'](cueRow('light.plain_switch'))).toEqual({
    ok: false,
    message: "Plain Switch can only switch on and off, so it cannot show a soft cue. Choose a lamp that dims for this clinician's cue.",
  });
  expect(sentTo(sim, 'light.plain_switch', from)).toEqual([]);
});
