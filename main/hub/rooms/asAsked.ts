/**
 * Whether a room's devices are still as its desired state asks, read from Home Assistant's live
 * state. The hub keeps what each room was asked to be (roomStateStore), but not the devices: after
 * the hub was away (a restart, an update, a power cut that took the whole office down) the lights
 * may be at their power-on defaults, or a person may have changed them by hand. The room screen
 * must then not claim the preset it no longer shows.
 *
 * Compared are what a person notices: on or off, the level (within a few percent: Home Assistant
 * reports brightness as 0-255, and a fade cut half way is far off), and whether the speaker plays.
 * Colour is left out: a lamp reports its colour in whichever mode it is in, so the same warm white
 * reads back in different numbers. Unavailable and missing devices are left to their own reports.
 */
import { clampToRoom, type DesiredAmbience } from '../ambience/clampToRoom.ts';
import type { EntityStates } from '../ambience/homeAssistantCalls.ts';
import { lightCapabilities } from '../ambience/lightCommands.ts';
import { settingsByLight } from '../ambience/planAmbience.ts';
import type { RoomAmbienceConfig } from '../ambience/roomDevices.ts';
import { audible } from '../ambience/soundCommands.ts';

/** Percentage points a light's level may differ by and still count as set. */
const levelTolerance = 3;
const volumeTolerance = 0.03;

/** The entity ids of the room's lights and speaker that are not as `desired` asks. */
export function devicesNotAsAsked(desiredIn: DesiredAmbience, room: RoomAmbienceConfig, states: EntityStates): string[] {
  const desired = clampToRoom(desiredIn, room.limits);
  const differ: string[] = [];
  const present = (entityId: string) => {
    const state = states[entityId];
    return state !== undefined && state.state !== 'unavailable' && state.state !== 'unknown' ? state : undefined;
  };
  for (const [entityId, setting] of settingsByLight(desired, room)) {
    const state = present(entityId);
    if (!state) continue;
    if (setting.on !== (state.state === 'on')) differ.push(entityId);
    else if (setting.on && lightCapabilities(state).dimmable) {
      const brightness = state.attributes['brightness'];
      if (typeof brightness === 'number' && Math.abs((brightness / 255) * 100 - setting.brightness) > levelTolerance) differ.push(entityId);
    }
  }
  const speaker = room.speaker && present(room.speaker);
  if (room.speaker && speaker) {
    const volume = speaker.attributes['volume_level'];
    if (desired.sound === null ? audible(speaker) : !audible(speaker) || (typeof volume === 'number' && Math.abs(volume - desired.sound.volume) > volumeTolerance)) {
      differ.push(room.speaker);
    }
  }
  return differ;
}
