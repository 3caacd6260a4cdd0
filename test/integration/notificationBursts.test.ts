/**
 * A flood of check-ins for one clinician (issue 9: 880 a second once reached 7,500 pushes and 2,500
 * lamp cues) reaches their phone as a few pushes and one that says how many more, and their lamp as
 * one glow, while the board keeps every arrival. Through the whole hub, with the phone and lamp in
 * the Home Assistant simulator.
 */
import { afterEach, expect, it } from 'vitest';
import { startHomeAssistantSimulator } from '../../main/simulators/homeAssistant/index.ts';
import { startOfficeHub, writeOffice } from './support/officeBus.ts';
import { willowDevices } from './support/roomOffice.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

it('thirty check-ins at once for Sam: three pushes, then one saying "27 more", one glow of the lamp, thirty on the board', async () => {
  const home = await startHomeAssistantSimulator({ entities: willowDevices, notifyServices: ['mobile_app_sams_phone'] });
  cleanups.push(() => home.close());
  const office = writeOffice({ homeAssistantUrl: home.url, samNotify: '{ push: { service: mobile_app_sams_phone }, cue: { light: light.willow_lamp, seconds: 20, colour: [255, 120, 40] } }' });
  cleanups.push(() => office.remove());
  // The practice's minute is two seconds here, so the test waits for the gathered push, not a minute.
  const hub = await startOfficeHub(office, { homeAssistantToken: home.token, notificationBursts: { pushesAtOnce: 3, pushMs: 2000 } });
  cleanups.push(() => hub.close());
  await hub.untilRoom((room) => room.devices.every((device) => device.available), 'its devices from Home Assistant');

  await Promise.all(Array.from({ length: 30 }, () => hub.checkIn({ clinicianId: 'sam', slot: { kind: 'later' }, wishes: [] })));
  await hub.untilDelivered('the gathered push', 15_000);

  const messages = home.notifications.map((push) => (push.data as { message: string }).message);
  expect(messages).toEqual(['Your client has arrived', 'Your client has arrived', 'Your client has arrived', '27 more clients have arrived']);
  const cueCalls = home.serviceCalls.filter((call) => call['service'] === 'turn_on' && String((call['service_data'] as { rgb_color?: number[] } | undefined)?.rgb_color) === '255,120,40');
  expect(cueCalls).toHaveLength(1);
  expect(await hub.board()).toHaveLength(30);
});
