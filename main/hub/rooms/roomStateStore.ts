/**
 * Each room's desired state, kept in SQLite so a restart of the hub (or of the whole office)
 * comes back knowing what every room should be.
 */
import type { DesiredAmbience } from '../ambience/clampToRoom.ts';
import type { EntityStates } from '../ambience/homeAssistantCalls.ts';
import type { Db } from '../store/database.ts';

/** What a session started from, so ending it can put the room back. */
export interface SessionSnapshot {
  states: EntityStates;
  desired: DesiredAmbience | null;
  adjusted: boolean;
  /** Absent in snapshots saved before it existed: read as chosen. */
  chosen?: boolean;
}

export interface StoredRoomState {
  desired: DesiredAmbience | null;
  /** Fine-tuned after the preset was applied. */
  adjusted: boolean;
  /**
   * A person chose this preset (the room screen, the desk, a wall switch), as opposed to a client's
   * comfort wish or the office's after-session preset: a comfort wish never overrides it.
   */
  chosen: boolean;
  inSession: boolean;
  snapshot: SessionSnapshot | null;
  /**
   * Devices the room's last change has not finished on (lost to an outage, a fade cut short by the
   * hub stopping), each with what it was doing when the change was first tried (rooms.ts,
   * `stateSignature`). Kept here, not in memory, so a restart of the hub finishes them too.
   */
  unfinished: Readonly<Record<string, string | null>>;
}

interface Row {
  preset_id: string | null;
  desired: string;
  in_session: number;
  session_snapshot: string | null;
}

export const emptyRoomState: StoredRoomState = { desired: null, adjusted: false, chosen: false, inSession: false, snapshot: null, unfinished: {} };

export function createRoomStateStore(db: Db, now: () => number) {
  const select = db.prepare<[string], Row>('SELECT preset_id, desired, in_session, session_snapshot FROM room_state WHERE room_id = ?');
  const upsert = db.prepare(
    `INSERT INTO room_state (room_id, preset_id, desired, in_session, session_snapshot, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (room_id) DO UPDATE SET preset_id = excluded.preset_id, desired = excluded.desired, in_session = excluded.in_session,
       session_snapshot = excluded.session_snapshot, updated_at = excluded.updated_at`,
  );
  return {
    get(roomId: string): StoredRoomState {
      const row = select.get(roomId);
      if (!row) return emptyRoomState;
      // `chosen` absent (saved before it existed): a preset then is taken as a person's choice, the safe reading.
      const { desired, adjusted, chosen = desired !== null, unfinished = {} } = JSON.parse(row.desired) as {
        desired: DesiredAmbience | null;
        adjusted: boolean;
        chosen?: boolean;
        unfinished?: Record<string, string | null>;
      };
      return { desired, adjusted, chosen, inSession: row.in_session === 1, snapshot: row.session_snapshot ? (JSON.parse(row.session_snapshot) as SessionSnapshot) : null, unfinished };
    },
    set(roomId: string, state: StoredRoomState): void {
      upsert.run(
        roomId,
        state.desired?.presetId ?? null,
        JSON.stringify({ desired: state.desired, adjusted: state.adjusted, chosen: state.chosen, unfinished: state.unfinished }),
        state.inSession ? 1 : 0,
        state.snapshot ? JSON.stringify(state.snapshot) : null,
        now(),
      );
    },
  };
}

export type RoomStateStore = ReturnType<typeof createRoomStateStore>;
