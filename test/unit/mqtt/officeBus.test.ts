/** The office bus contract: topics, strict payloads, and the checks every room command passes. */
import { describe, expect, it } from 'vitest';
import { ArrivalEvent, arrivalTopic, checkRoomCommand, hubStatusTopic, roomCommandTopic, roomStateTopic } from '../../../main/hub/devices/mqtt/officeBus.ts';
import { topicMatches } from '../../../main/hub/devices/mqtt/topicFilter.ts';

const bus = { prefix: 'stillroom', site: 'riverside' };
const source = { ...bus, knownRooms: () => ['willow'], knownPresets: () => ['calm'] };
const command = (payload: string | Buffer, retained = false, room = 'willow') => ({ topic: roomCommandTopic(bus, room), payload: Buffer.from(payload), retained });

it('builds the documented topics', () => {
  expect(hubStatusTopic('stillroom', 'riverside', 'front-desk')).toBe('stillroom/riverside/hubs/front-desk/status');
  expect(arrivalTopic(bus, 'abc')).toBe('stillroom/riverside/arrivals/abc');
  expect(roomStateTopic(bus, 'willow')).toBe('stillroom/riverside/rooms/willow/state');
  expect(roomCommandTopic(bus, 'willow')).toBe('stillroom/riverside/rooms/willow/set');
});

it('an arrival event cannot carry a field that is not in the contract', () => {
  const event = { messageId: 'M'.repeat(24), arrivalId: 'A'.repeat(22), clinicianId: 'sam', slot: { kind: 'later' }, arrivedAt: 1, status: 'waiting', wishes: [] };
  expect(ArrivalEvent.safeParse(event).success).toBe(true);
  expect(ArrivalEvent.safeParse({ ...event, name: 'Jane' }).success).toBe(false);
  expect(ArrivalEvent.safeParse({ ...event, slot: { kind: 'at', time: '14:00', note: 'first visit' } }).success).toBe(false);
});

describe('room commands', () => {
  it('accepts the three documented commands', () => {
    expect(checkRoomCommand(source, command('{"action":"apply-preset","preset":"calm"}'))).toEqual({ ok: true, roomId: 'willow', command: { action: 'apply-preset', preset: 'calm' } });
    expect(checkRoomCommand(source, command('{"action":"start-session"}'))).toMatchObject({ ok: true });
    expect(checkRoomCommand(source, command('{"action":"end-session"}'))).toMatchObject({ ok: true });
  });

  it('takes the age from sentAt: a minute old or a minute ahead of the hub is dropped, saying why', () => {
    const now = Date.UTC(2026, 11, 3, 15, 0);
    const at = (sentAt: number) => checkRoomCommand(source, command(JSON.stringify({ action: 'start-session', sentAt })), now);
    expect(at(now - 5_000)).toEqual({ ok: true, roomId: 'willow', command: { action: 'start-session', sentAt: now - 5_000 } });
    expect(at(now + 5_000)).toMatchObject({ ok: true });
    expect(at(now - 3 * 60 * 60 * 1000)).toEqual({ ok: false, reason: 'stale: sent 10800 seconds ago, over the 60-second limit' });
    expect(at(now + 10 * 60 * 1000)).toEqual({ ok: false, reason: "sentAt is 600 seconds ahead of the hub's clock: check the sender's clock" });
    expect(checkRoomCommand(source, command('{"action":"start-session","sentAt":"yesterday"}'), now)).toMatchObject({ ok: false, reason: expect.stringContaining('at sentAt') });
  });

  it.each([
    ['not JSON', command('{'), 'payload is not JSON'],
    ['a number for the preset', command('{"action":"apply-preset","preset":1}'), 'does not match a room command'],
    ['an unknown action', command('{"action":"reboot"}'), 'does not match'],
    ['an extra key', command('{"action":"start-session","client":"Jane"}'), 'does not match'],
    ['null', command('null'), 'does not match'],
    ['5 KB', command(`{"action":"start-session","x":"${'y'.repeat(5000)}"}`), 'over the 4096-byte limit'],
    ['an unknown room', command('{"action":"start-session"}', false, 'attic'), 'unknown room'],
    ['an unknown preset', command('{"action":"apply-preset","preset":"party"}'), 'unknown preset'],
    ['a retained command', command('{"action":"start-session"}', true), 'retained commands are ignored'],
  ])('drops %s with a reason', (_what, message, reason) => {
    const checked = checkRoomCommand(source, message);
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.reason).toContain(reason);
  });
});

it('matches topic filters as MQTT does', () => {
  expect(topicMatches('a/+/set', 'a/willow/set')).toBe(true);
  expect(topicMatches('a/+/set', 'a/willow/lamp/set')).toBe(false);
  expect(topicMatches('a/#', 'a')).toBe(true);
  expect(topicMatches('a/#', 'a/b/c')).toBe(true);
  expect(topicMatches('a/b', 'a/b/c')).toBe(false);
  expect(topicMatches('#', '$SYS/broker')).toBe(false);
});
