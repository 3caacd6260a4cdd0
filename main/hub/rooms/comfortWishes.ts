/**
 * A client's comfort wish gently prepares their clinician's room: when the room is set up for that
 * wish (`prepareForWishes`) and not in session, it eases into the chosen preset as they check in.
 */
import type { ArrivalAnnouncer } from '../arrivals/arrivals.ts';
import type { OfficeConfig } from '../config/officeConfig.ts';
import type { Log } from '../log.ts';
import type { Rooms } from './rooms.ts';

export function comfortWishes({ config, rooms, log }: { config: OfficeConfig; rooms: Pick<Rooms, 'inSession' | 'prepareForArrival'>; log: Log }): ArrivalAnnouncer {
  // Looked up each time: the admin surface changes the clinicians while the hub runs (config/officeFile.ts).
  const roomOf = { get: (id: string) => config.clinicians.find((clinician) => clinician.id === id)?.room };
  const failing = new Set<string>();
  return {
    inTransaction: () => {},
    committed(arrival, change) {
      if (change !== 'checked-in' || arrival.clinicianId === null) return;
      const roomId = roomOf.get(arrival.clinicianId);
      const prepare = config.rooms.find((room) => room.id === roomId)?.prepareForWishes;
      const presetId = prepare && arrival.wishes.map((wish) => prepare[wish]).find((id) => id !== undefined);
      if (!roomId || !presetId || rooms.inSession(roomId)) return;
      void rooms.prepareForArrival(roomId, presetId).then((prepared) => {
        // Once per room until it works again, not per check-in: a line per wish would record when a
        // client who asked for something checked in for that room, outliving the purge.
        if (prepared.ok) {
          if (failing.delete(roomId)) log.info('rooms are prepared for comfort wishes again', { room: roomId });
        } else if (!failing.has(roomId)) {
          failing.add(roomId);
          log.warn('could not prepare the room for a comfort wish', { room: roomId, reason: prepared.error.message });
        }
      });
    },
  };
}
