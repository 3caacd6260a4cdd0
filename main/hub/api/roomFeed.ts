/**
 * What a room screen's `arrivals` feed carries. The room PIN opens room pages, which show who is
 * waiting for that room's clinicians; the desk's whole board is not theirs to follow (a room PIN
 * once received every clinician's and the front desk's arrivals). So the room role hears only of
 * arrivals for clinicians who work in a room (in the room the subscription names, when it names
 * one), without the desk's undo description, and no desk alerts.
 */
import type { OfficeConfig } from '../config/officeConfig.ts';
import type { RoomFeedFilter } from './createHubApi.ts';

export function roomFeedFilter(config: OfficeConfig): RoomFeedFilter {
  // Looked up each time: the admin page changes clinicians and rooms while the hub runs.
  const inScope = (clinicianId: string | null, room: string | undefined) => {
    const clinician = clinicianId === null ? undefined : config.clinicians.find((each) => each.id === clinicianId);
    return clinician?.room !== undefined && (room === undefined || clinician.room === room);
  };
  return (event, scope) => {
    if (event.type === 'board-reset') return event;
    if (event.type === 'arrival') return inScope(event.arrival.clinicianId, scope.room) ? { ...event, lastChange: null } : null;
    // Carries only a random id the room may have shown; the room takes it off if it has it.
    if (event.type === 'arrival-removed') return { ...event, lastChange: null };
    return null;
  };
}
