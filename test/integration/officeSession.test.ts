/**
 * A clinician in session is told of an arrival only quietly (a glow, a silent push); if nobody says
 * "On my way" in time, the front desk is alerted instead. Through the whole hub, with the rooms and
 * phones in the Home Assistant simulator.
 */
import { afterEach, expect, it } from 'vitest';
import type { Arrival, LiveEvent } from '../../main/contract/contract.ts';
import { startHomeAssistantSimulator, type HomeAssistantSimulator } from '../../main/simulators/homeAssistant/index.ts';
import { RawHomeAssistantClient } from './homeAssistantSimulatorRawClient.ts';
import { startOfficeHub, writeOffice, type OfficeHub } from './support/officeBus.ts';
import { willowDevices } from './support/roomOffice.ts';

const cleanups: (() => unknown)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function officeWithPhones(samNotify: string, now?: () => number) {
  const home = await startHomeAssistantSimulator({ entities: willowDevices, notifyServices: ['mobile_app_sams_phone'] });
  cleanups.push(() => home.close());
  const office = writeOffice({ homeAssistantUrl: home.url, samNotify });
  cleanups.push(() => office.remove());
  const start = async () => {
    const hub = await startOfficeHub(office, { homeAssistantToken: home.token, ...(now ? { now } : {}) });
    cleanups.push(() => hub.close());
    await hub.untilRoom((room) => room.devices.every((device) => device.available), 'its devices from Home Assistant');
    return hub;
  };
  return { home, start };
}

type Push = { service: string; data: { message: string; data: { push: { 'interruption-level': string } } } };
const pushes = (home: HomeAssistantSimulator) => home.notifications as readonly Push[];
const arrivalEventsFired = (home: HomeAssistantSimulator) =>
  home.received.map((r) => r.message as { type: string; event_type?: string; event_data?: Record<string, unknown> }).filter((m) => m.type === 'fire_event' && m.event_type === 'stillroom_arrival');
/** Light calls in the cue's colour: only the cue asks for it. */
const cueCalls = (home: HomeAssistantSimulator) =>
  home.serviceCalls.filter((call) => call['service'] === 'turn_on' && String((call['service_data'] as { rgb_color?: number[] } | undefined)?.rgb_color) === '255,120,40');

async function checkedIn(hub: OfficeHub, time: string): Promise<Arrival> {
  await hub.checkIn({ clinicianId: 'sam', slot: { kind: 'at', time }, wishes: [] });
  return (await hub.board()).find((arrival) => arrival.slot.kind === 'at' && arrival.slot.time === time)!;
}

const acknowledged = (arrivalId: string) => (event: LiveEvent) => event.type === 'arrival' && event.arrival.id === arrivalId && event.arrival.acknowledgedAt !== null;

it('in session a check-in only glows the lamp and pushes silently; out of session the push sounds and automations hear of it', async () => {
  const { home, start } = await officeWithPhones('{ push: { service: mobile_app_sams_phone }, event: true, cue: { light: light.willow_lamp, seconds: 20, colour: [255, 120, 40] } }');
  const hub = await start();

  await hub.staff('startSession', { roomId: 'willow' });
  await checkedIn(hub, '14:00');
  await hub.untilDelivered('the in-session notifications');
  expect(pushes(home).map((push) => [push.data.message, push.data.data.push['interruption-level']])).toEqual([['Your 2:00 client has arrived', 'passive']]);
  expect(arrivalEventsFired(home)).toEqual([]);
  expect(cueCalls(home)).toEqual([expect.objectContaining({ domain: 'light', target: { entity_id: 'light.willow_lamp' } })]);
  expect(home.states.get('light.willow_lamp')?.state).toBe('on');

  await hub.staff('endSession', { roomId: 'willow' });
  await checkedIn(hub, '14:30');
  await hub.untilDelivered('the notifications out of session');
  expect(pushes(home).map((push) => [push.data.message, push.data.data.push['interruption-level']])).toEqual([
    ['Your 2:00 client has arrived', 'passive'],
    ['Your 2:30 client has arrived', 'time-sensitive'],
  ]);
  expect(arrivalEventsFired(home).map((fired) => fired.event_data?.['message'])).toEqual(['Your 2:30 client has arrived']);
});

it('an in-session arrival nobody acknowledges alerts the desk; one acknowledged at the desk or from the phone does not', async () => {
  // The scheduler waits the configured minutes in real time; the hub is started again with its clock
  // moved on so that the wait ends a moment after it is up (escalation watches waiting arrivals at start).
  let clockOffset = 0;
  const now = () => Date.now() + clockOffset;
  const { home, start } = await officeWithPhones('{ push: { service: mobile_app_sams_phone }, escalateAfterMinutes: 10 }', now);
  const before = await start();
  await before.staff('startSession', { roomId: 'willow' });
  // Checked in in this order, so the unanswered one is the last whose time runs out.
  const atDesk = await checkedIn(before, '14:00');
  const fromPhone = await checkedIn(before, '15:00');
  const unanswered = await checkedIn(before, '14:30');
  await before.untilDelivered('the silent pushes');

  await before.staff('acknowledge', { arrivalId: atDesk.id });
  await before.desk.until(acknowledged(atDesk.id), 'the desk to see the acknowledgement');
  const phone = await RawHomeAssistantClient.authenticated(home.url, home.token);
  cleanups.push(() => phone.close());
  // Anyone who can fire a Home Assistant event, knowing an arrival id (it travels on the bus), tries
  // to answer for the unanswered one: the bare id, and the id with a made-up tag. Both are ignored.
  const tap = (id: number, action: string) => phone.command({ id, type: 'fire_event', event_type: 'mobile_app_notification_action', event_data: { action } });
  expect(await tap(1, `STILLROOM_ON_MY_WAY_${unanswered.id}`)).toMatchObject({ success: true });
  expect(await tap(2, `STILLROOM_ON_MY_WAY_${unanswered.id}.AAAAAAAAAAAAAAAAAAAAAA`)).toMatchObject({ success: true });
  // The clinician taps the button of the push they got for fromPhone: the action that push carried.
  const actionOf = (arrivalId: string) =>
    pushes(home)
      .flatMap((push) => (push.data.data as { actions?: { action: string }[] }).actions ?? [])
      .map(({ action }) => action)
      .find((action) => action.startsWith(`STILLROOM_ON_MY_WAY_${arrivalId}.`))!;
  expect(await tap(3, actionOf(fromPhone.id))).toMatchObject({ success: true });
  await before.desk.until(acknowledged(fromPhone.id), 'the desk to see "On my way" from the phone');
  await before.close();

  clockOffset = unanswered.arrivedAt + 10 * 60_000 - 1500 - Date.now();
  const after = await start();
  await after.desk.until((event) => event.type === 'desk-alert', 'the desk alert');
  expect(after.desk.items.filter((event) => event.type === 'desk-alert')).toEqual([{ type: 'desk-alert', arrivalId: unanswered.id, clinicianId: 'sam', waitedMinutes: 10 }]);
  expect((await after.board()).map((arrival) => [arrival.id, arrival.acknowledgedAt !== null])).toEqual(
    expect.arrayContaining([[atDesk.id, true], [fromPhone.id, true], [unanswered.id, false]]),
  );
  // A desk that opens now (or was reconnecting when the alert went out) finds it on the board.
  const board = await after.staff<{ alerts: unknown[] }>('deskBoard');
  expect(board.alerts).toEqual([{ arrivalId: unanswered.id, clinicianId: 'sam', waitedMinutes: 10 }]);
  // Once someone acknowledges, the alert is no longer open.
  await after.staff('acknowledge', { arrivalId: unanswered.id });
  expect((await after.staff<{ alerts: unknown[] }>('deskBoard')).alerts).toEqual([]);
});
