/**
 * The database schema, one migration per step, applied in order and recorded in
 * `PRAGMA user_version`. Append new steps; never edit a step that has shipped.
 *
 * Privacy by construction: no table has a column that could hold a person's name or free text.
 * Every text column is constrained to an id, an enumerated value or a date.
 */
export const migrations: readonly string[] = [
  `
  CREATE TABLE arrivals (
    id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 20 AND 32 AND id NOT GLOB '*[^A-Za-z0-9_-]*'),
    clinician_id TEXT CHECK (clinician_id IS NULL OR (length(clinician_id) BETWEEN 1 AND 40 AND clinician_id NOT GLOB '*[^a-z0-9-]*')),
    slot_kind TEXT NOT NULL CHECK (slot_kind IN ('at', 'later', 'unsure')),
    slot_minutes INTEGER CHECK (slot_minutes BETWEEN 0 AND 1439),
    wishes INTEGER NOT NULL DEFAULT 0 CHECK (wishes BETWEEN 0 AND 7),
    status TEXT NOT NULL CHECK (status IN ('waiting', 'with-clinician', 'done', 'cancelled')),
    source TEXT NOT NULL CHECK (source IN ('kiosk', 'desk')),
    arrived_at INTEGER NOT NULL,
    seen_at INTEGER,
    ended_at INTEGER
  ) STRICT;
  CREATE INDEX arrivals_by_time ON arrivals (arrived_at);

  -- What the desk changed, so "undo" can put it back. Deleted with its arrival.
  CREATE TABLE arrival_changes (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    arrival_id TEXT NOT NULL REFERENCES arrivals (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('checked-in-at-desk', 'status')),
    from_status TEXT CHECK (from_status IN ('waiting', 'with-clinician', 'done', 'cancelled')),
    from_seen_at INTEGER,
    from_ended_at INTEGER,
    changed_at INTEGER NOT NULL,
    undone INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1))
  ) STRICT;

  -- The only thing that outlives the retention window: counts per local day and hour.
  CREATE TABLE arrival_counts (
    day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    hour INTEGER NOT NULL CHECK (hour BETWEEN 0 AND 23),
    arrivals INTEGER NOT NULL,
    seen INTEGER NOT NULL,
    PRIMARY KEY (day, hour)
  ) STRICT;

  CREATE TABLE staff_sessions (
    token_hash TEXT PRIMARY KEY CHECK (length(token_hash) = 64),
    expires_at INTEGER NOT NULL
  ) STRICT;
  `,
  `
  -- What each room should be: the preset and the settings the planner carries out. Device
  -- settings only; nothing about who is in the room.
  CREATE TABLE room_state (
    room_id TEXT PRIMARY KEY CHECK (length(room_id) BETWEEN 1 AND 40 AND room_id NOT GLOB '*[^a-z0-9-]*'),
    preset_id TEXT CHECK (preset_id IS NULL OR (length(preset_id) BETWEEN 1 AND 40 AND preset_id NOT GLOB '*[^a-z0-9-]*')),
    desired TEXT NOT NULL CHECK (json_valid(desired)),
    in_session INTEGER NOT NULL DEFAULT 0 CHECK (in_session IN (0, 1)),
    -- The devices' state just before a session started, for "restore" at its end.
    session_snapshot TEXT CHECK (session_snapshot IS NULL OR json_valid(session_snapshot)),
    updated_at INTEGER NOT NULL
  ) STRICT;

  -- Notifications waiting to be delivered. A check-in writes its arrival and these rows in one
  -- transaction; a dispatcher delivers them at least once. They go when their arrival is purged.
  CREATE TABLE outbox (
    id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 20 AND 40 AND id NOT GLOB '*[^A-Za-z0-9_-]*'),
    arrival_id TEXT REFERENCES arrivals (id) ON DELETE CASCADE,
    route TEXT NOT NULL CHECK (route IN ('mqtt-bus', 'ha-notify', 'ha-event', 'light-cue', 'desk-alert')),
    payload TEXT NOT NULL CHECK (json_valid(payload)),
    created_at INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    delivered_at INTEGER,
    last_error TEXT CHECK (last_error IS NULL OR length(last_error) <= 300)
  ) STRICT;
  CREATE INDEX outbox_pending ON outbox (next_attempt_at) WHERE delivered_at IS NULL;
  `,
  `
  -- The clinician's "On my way", and whether the check-in was announced only quietly (their room
  -- was in session), which is when an unacknowledged arrival alerts the desk.
  ALTER TABLE arrivals ADD COLUMN acknowledged_at INTEGER;
  ALTER TABLE arrivals ADD COLUMN announced_silently INTEGER NOT NULL DEFAULT 0 CHECK (announced_silently IN (0, 1));
  `,
  `
  -- Which PIN opened a staff session: a room screen's, the desk's, or the admin's.
  ALTER TABLE staff_sessions ADD COLUMN role TEXT NOT NULL DEFAULT 'desk' CHECK (role IN ('room', 'desk', 'admin'));
  `,
  `
  -- PIN guessing is throttled per caller (its network address) and for the whole hub, kept here so
  -- a restart hands out no fresh tries. Failures keep only their time.
  CREATE TABLE pin_throttle (
    caller TEXT PRIMARY KEY CHECK (length(caller) <= 80),
    failures INTEGER NOT NULL,
    blocked_until INTEGER NOT NULL
  ) STRICT;
  CREATE TABLE pin_failures (at INTEGER NOT NULL) STRICT;
  CREATE INDEX pin_failures_at ON pin_failures (at);
  -- Which PIN hash opened a session (a digest of it): when that PIN changes, its sessions end.
  ALTER TABLE staff_sessions ADD COLUMN pin_digest TEXT CHECK (pin_digest IS NULL OR length(pin_digest) = 64);
  `,
  `
  -- The kiosk's key for one visit: a retry of a check-in that was in fact saved finds its arrival
  -- here instead of making a second one. The key goes with its arrival (retention, wipe, undo).
  CREATE TABLE visit_keys (
    visit_key TEXT PRIMARY KEY CHECK (length(visit_key) BETWEEN 16 AND 64 AND visit_key NOT GLOB '*[^A-Za-z0-9_-]*'),
    arrival_id TEXT NOT NULL UNIQUE REFERENCES arrivals (id) ON DELETE CASCADE
  ) STRICT;
  `,
];
