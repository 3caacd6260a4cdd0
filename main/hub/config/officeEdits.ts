/**
 * The admin surface's changes, made on the office file's YAML document so that what the admin did
 * not touch stays exactly as written: each field is set where it is, a new clinician is appended
 * at the end of the list, a removed one takes only its own lines (and the comment above them).
 * Validation happens after, by the start-up parser (officeFile.ts); these only say what is asked.
 */
import { isMap, isSeq, type Document, type YAMLMap } from 'yaml';
import type { AdminClinician, OfficeSettings } from '../../contract/contract.ts';
import { ok, refuse, type Result } from '../result.ts';
import type { OfficeConfig } from './officeConfig.ts';

const allDays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

function clinicianIndex(document: Document, id: string): number {
  const list = document.get('clinicians', true);
  if (!isSeq(list)) return -1;
  return list.items.findIndex((item) => isMap(item) && item.get('id') === id);
}

/** Sets `path` under `base` to `value`, or removes it for null; an emptied `notify` goes as well. */
function setOrDelete(document: Document, base: (string | number)[], path: string[], value: unknown): void {
  const at = [...base, ...path];
  if (value === null) {
    if (document.hasIn(at)) document.deleteIn(at);
    const notify = document.getIn([...base, 'notify'], true);
    if (isMap(notify) && notify.items.length === 0) document.deleteIn([...base, 'notify']);
    return;
  }
  document.setIn(at, value);
}

/** The office file's form of a clinician's days: a short flow list, or nothing for every day. */
function daysNode(document: Document, days: readonly string[]) {
  const node = document.createNode(allDays.filter((day) => days.includes(day)));
  node.flow = true;
  return node;
}

/** Adds a clinician (`isNew`) or changes the one with this id, field by field. */
export function putClinician(document: Document, clinician: AdminClinician, isNew: boolean): Result<void> {
  const index = clinicianIndex(document, clinician.id);
  if (isNew && index >= 0) return refuse('conflict', `The id "${clinician.id}" is already used by another clinician; choose another.`);
  if (!isNew && index < 0) return refuse('not-found', 'That clinician is no longer in the office file; reload the page.');
  const everyDay = allDays.every((day) => clinician.days.includes(day as never));

  if (isNew) {
    const entry: Record<string, unknown> = { id: clinician.id, displayName: clinician.displayName, colour: clinician.colour, symbol: clinician.symbol };
    if (clinician.room) entry.room = clinician.room;
    const notify: Record<string, unknown> = {};
    if (clinician.push) notify.push = { service: clinician.push };
    if (clinician.cueLight) notify.cue = { light: clinician.cueLight };
    if (clinician.escalateAfterMinutes !== null) notify.escalateAfterMinutes = clinician.escalateAfterMinutes;
    if (Object.keys(notify).length > 0) entry.notify = notify;
    const node = document.createNode(entry) as YAMLMap;
    if (!everyDay) node.set('days', daysNode(document, clinician.days));
    for (const key of ['push', 'cue'] as const) {
      const route = (node.get('notify', true) as YAMLMap | undefined)?.get(key, true);
      if (isMap(route)) route.flow = true;
    }
    const list = document.get('clinicians', true);
    if (isSeq(list)) list.add(node);
    else document.set('clinicians', document.createNode([node]));
    return ok(undefined);
  }

  const base = ['clinicians', index];
  document.setIn([...base, 'displayName'], clinician.displayName);
  document.setIn([...base, 'colour'], clinician.colour);
  document.setIn([...base, 'symbol'], clinician.symbol);
  setOrDelete(document, base, ['room'], clinician.room);
  if (everyDay) setOrDelete(document, base, ['days'], null);
  else document.setIn([...base, 'days'], daysNode(document, clinician.days));
  const hadPush = document.hasIn([...base, 'notify', 'push']);
  setOrDelete(document, base, ['notify', 'push', 'service'], clinician.push);
  if (clinician.push === null && hadPush) setOrDelete(document, base, ['notify', 'push'], null);
  const hadCue = document.hasIn([...base, 'notify', 'cue']);
  if (clinician.cueLight === null) {
    if (hadCue) setOrDelete(document, base, ['notify', 'cue'], null);
  } else document.setIn([...base, 'notify', 'cue', 'light'], clinician.cueLight);
  setOrDelete(document, base, ['notify', 'escalateAfterMinutes'], clinician.escalateAfterMinutes);
  return ok(undefined);
}

/** Removes a clinician from the office file; the last one cannot go (the kiosk needs a tile). */
export function removeClinician(document: Document, id: string): Result<void> {
  const index = clinicianIndex(document, id);
  if (index < 0) return refuse('not-found', 'That clinician is no longer in the office file; reload the page.');
  const list = document.get('clinicians', true);
  if (isSeq(list) && list.items.length === 1) return refuse('conflict', 'The kiosk needs at least one clinician: add the new one before retiring the last.');
  document.deleteIn(['clinicians', index]);
  return ok(undefined);
}

/** A configured clinician in the admin form's shape. */
export function adminClinician(clinician: OfficeConfig['clinicians'][number]): AdminClinician {
  return {
    id: clinician.id,
    displayName: clinician.displayName,
    colour: clinician.colour,
    symbol: clinician.symbol,
    room: clinician.room ?? null,
    days: [...clinician.days],
    push: clinician.notify?.push?.service ?? null,
    cueLight: clinician.notify?.cue?.light ?? null,
    escalateAfterMinutes: clinician.notify?.escalateAfterMinutes ?? null,
  };
}

/** Points the office at a Home Assistant by its address (the token goes to the secrets file, never here). */
export function setHomeAssistantUrl(document: Document, url: string): Result<void> {
  const current = document.get('homeAssistant', true);
  if (isMap(current)) {
    if (current.has('simulated')) current.delete('simulated');
    current.set('url', url);
  } else document.set('homeAssistant', document.createNode({ url }));
  return ok(undefined);
}

/** A new room at the end of the list, with only the roles that have lights. */
export function addRoom(document: Document, room: { roomId: string; name: string; ceiling: string[]; lamp: string[]; accent: string[]; speaker: string | null; doorSign: string | null }): Result<void> {
  const list = document.get('rooms', true);
  if (isSeq(list) && list.items.some((item) => isMap(item) && item.get('id') === room.roomId)) return refuse('conflict', `The id "${room.roomId}" is already used by another room; choose another.`);
  const lights = Object.fromEntries((['ceiling', 'lamp', 'accent'] as const).filter((role) => room[role].length > 0).map((role) => [role, room[role].length === 1 ? room[role][0] : room[role]]));
  const ambience: Record<string, unknown> = {};
  if (Object.keys(lights).length > 0) ambience.lights = lights;
  if (room.speaker) ambience.speaker = room.speaker;
  if (room.doorSign) ambience.doorSign = room.doorSign;
  const node = document.createNode({ id: room.roomId, name: room.name, ...(Object.keys(ambience).length > 0 ? { ambience } : {}) });
  if (isSeq(list)) list.add(node);
  else document.set('rooms', document.createNode([node]));
  return ok(undefined);
}

/** The kiosk's and desk's settings, each set where it is (or added to its section). */
export function putSettings(document: Document, settings: OfficeSettings): Result<void> {
  const { askAppointmentTime, offerComfortWishes, idleSeconds, gentleWaitMinutes, longWaitMinutes, chime } = settings;
  for (const [key, value] of Object.entries({ askAppointmentTime, offerComfortWishes, idleSeconds })) document.setIn(['kiosk', key], value);
  for (const [key, value] of Object.entries({ gentleWaitMinutes, longWaitMinutes, chime })) document.setIn(['desk', key], value);
  return ok(undefined);
}

const pinKeys = { room: 'roomPinHash', desk: 'pinHash', admin: 'adminPinHash' } as const;

/** A role's PIN hash (made by staff/pin.ts), where `stillroom hash-pin` would have put it. */
export function putPinHash(document: Document, role: keyof typeof pinKeys, hash: string): Result<void> {
  document.setIn(['staff', pinKeys[role]], hash);
  return ok(undefined);
}

/** Points the office bus at a broker (its credentials go to the secrets file, never here). */
export function setMqtt(document: Document, url: string, site: string): Result<void> {
  const current = document.get('mqtt', true);
  if (isMap(current)) {
    current.set('url', url);
    current.set('site', site);
  } else document.set('mqtt', document.createNode({ url, site }));
  return ok(undefined);
}

/** The practice's name, where it is. */
export function putPracticeName(document: Document, name: string): Result<void> {
  document.setIn(['practice', 'name'], name);
  return ok(undefined);
}

/** Takes a room out of the file; refused while a clinician works in it, and for the last room. */
export function removeRoom(document: Document, roomId: string): Result<void> {
  const rooms = document.get('rooms', true);
  const index = isSeq(rooms) ? rooms.items.findIndex((item) => isMap(item) && item.get('id') === roomId) : -1;
  if (!isSeq(rooms) || index < 0) return refuse('not-found', 'That room is no longer in the office file; reload the page.');
  if (rooms.items.length === 1) return refuse('conflict', 'The office needs at least one room: add the new one before removing the last.');
  const clinicians = document.get('clinicians', true);
  const working = isSeq(clinicians) ? clinicians.items.find((item) => isMap(item) && item.get('room') === roomId) : undefined;
  if (isMap(working)) return refuse('conflict', `${String(working.get('displayName'))} works in this room. Give them another room first, then remove it.`);
  document.deleteIn(['rooms', index]);
  return ok(undefined);
}

/** Stillroom's own presets kept off the room screens, as a short flow list; none: the key goes (and an emptied `presets`). */
export function putHiddenPresets(document: Document, hidden: readonly string[]): Result<void> {
  if (hidden.length > 0) {
    const node = document.createNode([...hidden]);
    node.flow = true;
    document.setIn(['presets', 'hidden'], node);
    return ok(undefined);
  }
  if (document.hasIn(['presets', 'hidden'])) document.deleteIn(['presets', 'hidden']);
  const presets = document.get('presets', true);
  if (isMap(presets) && presets.items.length === 0) document.delete('presets');
  return ok(undefined);
}
