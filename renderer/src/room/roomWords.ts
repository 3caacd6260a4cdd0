/**
 * How the room surface says a room's state in words: each device for screen readers and the
 * picture's captions, the link to Home Assistant, and what happened to each device last time.
 */
import type { DeviceLinkStatus, DeviceOutcome, DeviceView, RoomView } from '../../../main/contract/contract.ts';
import type { StaffT } from '../i18n/staff/StaffLanguage.tsx';

export const percent = (fraction: number) => `${Math.round(fraction * 100)} %`;

/** A device's state in a few words, e.g. "On, 35 %", "Off", "Playing, volume 12 %". */
export function deviceStateWords(device: DeviceView, t: StaffT): string {
  if (!device.available) return t('room.device.unreachable');
  if (!device.on) return device.kind === 'speaker' ? t('room.device.quiet') : t('room.device.off');
  if (device.kind === 'light') return device.brightness === null ? t('room.device.on') : t('room.device.onAt', { level: `${device.brightness} %` });
  if (device.kind === 'door-sign') return t('room.device.doorLit');
  const volume = device.volume === null ? null : percent(device.volume);
  if (device.kind === 'masking') return volume === null ? t('room.device.on') : t('room.device.onVolume', { volume });
  return volume === null ? t('room.device.playing') : t('room.device.playingVolume', { volume });
}

/** A device's name; an entity id (Home Assistant has not told us the name) is made readable. */
export function deviceName(device: Pick<DeviceView, 'name' | 'entityId'>): string {
  if (device.name !== device.entityId) return device.name;
  const words = (device.entityId.split('.')[1] ?? device.entityId).replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The current preset as a line under the room's name. */
export function presetLine(room: Pick<RoomView, 'preset' | 'adjusted' | 'changedWhileAway'>, t: StaffT): string {
  if (!room.preset) return t('room.noPresetYet');
  if (room.changedWhileAway.length > 0) return t('room.presetChangedSince', { preset: room.preset.name });
  return room.adjusted ? t('room.presetAdjusted', { preset: room.preset.name }) : room.preset.name;
}

/** Devices that changed while the hub was away (rooms.ts compareAfterStart), as a note the therapist can act on. */
export function changedWhileAwayWords(room: Pick<RoomView, 'preset' | 'changedWhileAway'>, t: StaffT, list: (names: string[]) => string): { title: string; detail: string } | null {
  if (room.changedWhileAway.length === 0) return null;
  const names = list(room.changedWhileAway);
  const preset = room.preset?.name ?? t('room.changed.lastSetting');
  return { title: t('room.changed.title', { preset }), detail: t('room.changed.detail', { names, preset }) };
}

/** Home Assistant's link in plain words, or null when all is well and nothing needs saying. */
export function linkTrouble(status: DeviceLinkStatus, t: StaffT): { title: string; detail: string } | null {
  switch (status.state) {
    case 'connected':
      return null;
    // The hub's words for these name the address and a retry countdown: right for the log, not for a therapist.
    case 'connecting':
      return { title: t('room.link.connecting'), detail: t('room.link.connectingDetail') };
    case 'unreachable':
      return { title: t('room.link.unreachable'), detail: t('room.link.unreachableDetail') };
    case 'token-rejected':
      return { title: t('room.link.tokenRejected'), detail: status.message };
    case 'not-configured':
      return { title: t('room.link.notConfigured'), detail: status.message };
  }
}

/** One device that did not take the last change, in a kind sentence; the hub's own reason (in English for now) when it gave one. */
export function outcomeWords(outcome: DeviceOutcome, t: StaffT): string {
  const name = deviceName(outcome);
  if (outcome.outcome === 'done') return t('room.outcome.done', { name });
  if (!outcome.message) return t(`room.outcome.${outcome.outcome}`, { name });
  return outcome.message.includes(outcome.name) ? outcome.message : `${name}: ${outcome.message}`;
}

/**
 * The devices that did not take the last change, as sentences: everything still waiting for Home
 * Assistant in one line, each other device on its own.
 */
export function missedWords(outcomes: DeviceOutcome[], t: StaffT, list: (names: string[]) => string): string[] {
  const waiting = outcomes.filter((outcome) => outcome.outcome === 'waiting');
  const others = outcomes.filter((outcome) => outcome.outcome !== 'waiting' && outcome.outcome !== 'done');
  const waitingLine = waiting.length > 1 ? [t('room.outcome.waitingAll', { names: list(waiting.map(deviceName)) })] : waiting.map((outcome) => outcomeWords(outcome, t));
  return [...waitingLine, ...others.map((outcome) => outcomeWords(outcome, t))];
}
