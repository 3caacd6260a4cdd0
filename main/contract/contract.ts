/**
 * The one API contract between the hub and every surface (kiosk, desk, room).
 *
 * Every call a surface can make is listed in `procedures` with a zod schema for its input and
 * its output, and who may make it. Both transports (Electron IPC and HTTP + WebSocket) serve
 * exactly this table, so a surface never knows which one it has. This module is plain
 * TypeScript: no Node, no DOM, so the renderer may import it.
 */
import { z } from 'zod';

export const clinicianColours = ['sage', 'clay', 'sky', 'sand', 'plum', 'moss', 'dusk', 'stone'] as const;
export const clinicianSymbols = ['leaf', 'wave', 'sun', 'moon', 'star', 'feather', 'shell', 'mountain', 'drop', 'cloud'] as const;

/** Ids are short slugs chosen by the admin; they can never hold a sentence. */
export const Slug = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'expected a short id of lowercase letters, digits and dashes');
export const ArrivalId = z.string().regex(/^[A-Za-z0-9_-]{20,32}$/, 'expected an arrival id');

export const ClinicianColour = z.enum(clinicianColours);
export const ClinicianSymbol = z.enum(clinicianSymbols);

/** One tap each on the kiosk; "no preference" is the empty list. */
export const ComfortWish = z.enum(['softer-light', 'quieter-room', 'background-sound']);
export type ComfortWish = z.infer<typeof ComfortWish>;

/** When the client says their appointment is: a half-hour slot, "a bit later", or not asked/unsure. */
export const Slot = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('at'), time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time like 14:30') }),
  z.strictObject({ kind: z.literal('later') }),
  z.strictObject({ kind: z.literal('unsure') }),
]);
export type Slot = z.infer<typeof Slot>;

export const ArrivalStatus = z.enum(['waiting', 'with-clinician', 'done', 'cancelled']);
export type ArrivalStatus = z.infer<typeof ArrivalStatus>;

/**
 * An arrival is everything Stillroom ever knows about a client's visit: a random id, whom they came
 * to see, their slot, when they arrived, a status, and optional comfort wishes. Nothing else.
 */
export const Arrival = z.strictObject({
  id: ArrivalId,
  /** null: "I'm not sure / first visit", routed to the front desk. */
  clinicianId: Slug.nullable(),
  slot: Slot,
  wishes: z.array(ComfortWish),
  status: ArrivalStatus,
  source: z.enum(['kiosk', 'desk']),
  arrivedAt: z.number().int(),
  seenAt: z.number().int().nullable(),
  endedAt: z.number().int().nullable(),
  /** When the clinician said "On my way" (from their room's screen or their phone); null until then. */
  acknowledgedAt: z.number().int().nullable(),
});
export type Arrival = z.infer<typeof Arrival>;

export const ClinicianTile = z.strictObject({
  id: Slug,
  displayName: z.string(),
  colour: ClinicianColour,
  symbol: ClinicianSymbol,
});
export type ClinicianTile = z.infer<typeof ClinicianTile>;

export const KioskSetup = z.strictObject({
  practiceName: z.string(),
  clinicians: z.array(ClinicianTile),
  askAppointmentTime: z.boolean(),
  offerComfortWishes: z.boolean(),
  idleSeconds: z.number().positive(),
  confirmationSeconds: z.number().positive(),
});
export type KioskSetup = z.infer<typeof KioskSetup>;

export const CheckInRequest = z.strictObject({
  clinicianId: Slug.nullable(),
  slot: Slot,
  wishes: z.array(ComfortWish).max(3).refine((w) => new Set(w).size === w.length, 'each wish may be chosen once'),
});
export type CheckInRequest = z.infer<typeof CheckInRequest>;

/** What the kiosk learns back: only whom it may say was told. No id, nothing to leak to the next client. */
export const CheckInReceipt = z.strictObject({ toldName: z.string().nullable() });
export type CheckInReceipt = z.infer<typeof CheckInReceipt>;

export const LastChange = z.strictObject({ arrivalId: ArrivalId, description: z.string() }).nullable();
export type LastChange = z.infer<typeof LastChange>;

/** An arrival whose clinician is in session and nobody acknowledged in time: the desk should look in. */
export const DeskAlert = z.strictObject({ arrivalId: ArrivalId, clinicianId: Slug.nullable(), waitedMinutes: z.number().int() });
export type DeskAlert = z.infer<typeof DeskAlert>;

export const DeskBoard = z.strictObject({
  practiceName: z.string(),
  clinicians: z.array(ClinicianTile.extend({ room: Slug.nullable() })),
  gentleWaitMinutes: z.number(),
  longWaitMinutes: z.number(),
  chime: z.boolean(),
  arrivals: z.array(Arrival),
  /** Alerts still open (their arrival waits, unacknowledged): a desk that was away sees them too. */
  alerts: z.array(DeskAlert),
  lastChange: LastChange,
  now: z.number().int(),
});
export type DeskBoard = z.infer<typeof DeskBoard>;

export const SetStatusRequest = z.strictObject({ arrivalId: ArrivalId, status: ArrivalStatus });
export const UndoResult = z.strictObject({ undone: z.string().nullable(), lastChange: LastChange });


/** A preset as the room surface shows it: a card with a name, one line and a colour swatch. */
export const PresetCard = z.strictObject({
  id: Slug,
  name: z.string(),
  description: z.string(),
  swatch: z.string(),
});
export type PresetCard = z.infer<typeof PresetCard>;

/** One device of a room as it is now (from Home Assistant's live state, not from what was sent). */
export const DeviceView = z.strictObject({
  entityId: z.string(),
  role: z.string(),
  name: z.string(),
  kind: z.enum(['light', 'speaker', 'door-sign', 'masking']),
  available: z.boolean(),
  on: z.boolean(),
  /** Percent, for lights that are on. */
  brightness: z.number().nullable(),
  /** A CSS colour close to the light's, for the room's small picture. */
  colour: z.string().nullable(),
  /** 0..1, for speakers. */
  volume: z.number().nullable(),
});
export type DeviceView = z.infer<typeof DeviceView>;

/** What happened to each device the last time the room was changed. */
export const DeviceOutcome = z.strictObject({
  entityId: z.string(),
  name: z.string(),
  outcome: z.enum(['done', 'unavailable', 'failed', 'waiting']),
  message: z.string().nullable(),
});
export type DeviceOutcome = z.infer<typeof DeviceOutcome>;

/** The connection to Home Assistant, in words the desk and room surfaces can show. */
export const DeviceLinkStatus = z.strictObject({
  state: z.enum(['not-configured', 'connecting', 'connected', 'unreachable', 'token-rejected']),
  message: z.string(),
});
export type DeviceLinkStatus = z.infer<typeof DeviceLinkStatus>;

export const RoomView = z.strictObject({
  id: Slug,
  name: z.string(),
  /** False when the config maps no devices to this room: it has nothing to set. */
  hasAmbience: z.boolean(),
  preset: PresetCard.nullable(),
  /** The preset was fine-tuned after it was applied. */
  adjusted: z.boolean(),
  inSession: z.boolean(),
  /** The fine-tune values: the brightest light's percent and the speaker's volume, as desired. */
  brightness: z.number().nullable(),
  volume: z.number().nullable(),
  limits: z.strictObject({ minBrightness: z.number(), maxBrightness: z.number(), maxVolume: z.number() }),
  devices: z.array(DeviceView),
  presets: z.array(PresetCard),
  lastChange: z.array(DeviceOutcome),
  homeAssistant: DeviceLinkStatus,
  /** Problems an admin should fix (a preset file that was skipped, a device that is missing), in plain words. */
  problems: z.array(z.string()),
});
export type RoomView = z.infer<typeof RoomView>;

export const RoomSummary = z.strictObject({ id: Slug, name: z.string(), presetName: z.string().nullable(), inSession: z.boolean() });
export type RoomSummary = z.infer<typeof RoomSummary>;

export const RoomsOverview = z.strictObject({ rooms: z.array(RoomSummary), homeAssistant: DeviceLinkStatus });

/** Who is waiting for a room's clinicians: what its screen shows under "Waiting for you". */
export const RoomWaiting = z.strictObject({
  clinicians: z.array(ClinicianTile),
  arrivals: z.array(Arrival),
});
export type RoomWaiting = z.infer<typeof RoomWaiting>;
export type RoomsOverview = z.infer<typeof RoomsOverview>;

const RoomRequest = z.strictObject({ roomId: Slug });

/** A connection the office depends on, in words for the desk. */
export const LinkHealth = z.strictObject({
  state: z.enum(['not-configured', 'connecting', 'connected', 'unreachable', 'refused']),
  message: z.string(),
});
export type LinkHealth = z.infer<typeof LinkHealth>;

/** How an unattended screen is doing, as its Electron shell reports it. */
export const ScreenHealth = z.strictObject({
  screen: z.enum(['kiosk']),
  up: z.boolean(),
  crashesToday: z.number().int(),
  lastReloadAt: z.string().nullable(),
  showingFallback: z.boolean(),
  gpuDisabled: z.boolean(),
  reportedAt: z.number().int(),
});
export type ScreenHealth = z.infer<typeof ScreenHealth>;

export const OfficeHealth = z.strictObject({
  homeAssistant: LinkHealth,
  mqtt: LinkHealth,
  /** Notifications not yet delivered, and the last delivery problem in words. */
  notifications: z.strictObject({ pending: z.number().int(), problem: z.string().nullable() }),
  screens: z.array(ScreenHealth),
  /** The hub's own troubles (a full disk, too many connections), caught and counted; the open one in words. */
  hub: z.strictObject({ faults: z.number().int(), problem: z.string().nullable() }),
});
export type OfficeHealth = z.infer<typeof OfficeHealth>;


// ---- The admin surface: what it reads and changes. The hub checks these again before anything
// reaches the office file. Never a secret: tokens and PIN hashes stay in the hub.

/** In the order of `Date.getDay()`, as the office file writes them. */
export const adminWeekdays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export const AdminWeekday = z.enum(adminWeekdays);

/** A clinician as the admin form edits them: their tile, room, days, and how they hear of an arrival. */
export const AdminClinician = z.strictObject({
  id: Slug,
  displayName: z.string().trim().min(1, 'a name the kiosk can show').max(40),
  colour: ClinicianColour,
  symbol: ClinicianSymbol,
  room: Slug.nullable(),
  days: z.array(AdminWeekday).min(1, 'pick at least one day').refine((days) => new Set(days).size === days.length, 'each day once'),
  /** The Home Assistant notify service their phone is reached by (`notify.<service>`); null: none. */
  push: z.string().regex(/^[a-z0-9_]{1,60}$/, 'expected a notify service such as mobile_app_sams_phone').nullable(),
  /** The light in their room that glows softly for an arrival; null: none. */
  cueLight: z.string().regex(/^light\.[a-z0-9_]{1,60}$/, 'expected a light such as light.willow_lamp').nullable(),
  /** Minutes an in-session arrival may wait unacknowledged before the desk is alerted; null: never. */
  escalateAfterMinutes: z.int().min(1).max(120).nullable(),
});
export type AdminClinician = z.infer<typeof AdminClinician>;

export const AdminRoom = z.strictObject({
  id: Slug,
  name: z.string(),
  /** The room's lights, for the light cue. */
  lights: z.array(z.string()),
});
export type AdminRoom = z.infer<typeof AdminRoom>;

/** Everything the admin surface shows. Never a secret: tokens and PIN hashes stay in the hub. */
export const AdminOffice = z.strictObject({
  practiceName: z.string(),
  /** False for the bundled demo office: shown, never written. */
  writable: z.boolean(),
  /** A hand edit of the office file that was refused, with its lines; the hub runs the version before it. */
  fileProblem: z.string().nullable(),
  /** Settings that changed in the file but take effect only when the hub restarts. */
  restartNeededFor: z.array(z.string()),
  clinicians: z.array(AdminClinician),
  rooms: z.array(AdminRoom),
  /** Home Assistant's notify services (from `get_services`), to pick a phone from; empty when not connected. */
  notifyServices: z.array(z.string()),
  /** Where the rooms' devices are: the address only; of the token, only whether one is saved. */
  homeAssistant: z.strictObject({ simulated: z.boolean(), url: z.string().nullable(), tokenSaved: z.boolean() }),
});
export type AdminOffice = z.infer<typeof AdminOffice>;

export const SaveClinicianRequest = z.strictObject({
  clinician: AdminClinician,
  /** True to add a clinician (refused when the id is taken), false to change the one with this id. */
  isNew: z.boolean(),
});

export const RetireClinicianRequest = z.strictObject({ clinicianId: Slug });

/** A Home Assistant address and, unless the saved one should be used (null), a new access token. */
export const HomeAssistantConnection = z.strictObject({
  url: z.string().trim().min(1, 'the address of your Home Assistant').max(300),
  token: z.string().trim().min(1).max(2048).nullable(),
});
/** What a live test of a connection found, in a sentence, and the phones it can notify. */
export const ConnectionFound = z.strictObject({ message: z.string(), notifyServices: z.array(z.string()) });

const Empty = z.strictObject({});

/**
 * Who is calling, from least to most: the kiosk may only check in and read its tiles; a room
 * screen runs its room and sees who is waiting; the desk runs the office's day; admin may also
 * erase it. Each level may do everything the levels below it may.
 */
export const accessLevels = ['kiosk', 'room', 'desk', 'admin'] as const;
export type Access = (typeof accessLevels)[number];
export const mayUse = (access: Access, required: Access): boolean => accessLevels.indexOf(access) >= accessLevels.indexOf(required);

export const procedures = {
  kioskSetup: { access: 'kiosk', input: Empty, output: KioskSetup },
  checkIn: { access: 'kiosk', input: CheckInRequest, output: CheckInReceipt },
  deskBoard: { access: 'desk', input: Empty, output: DeskBoard },
  setStatus: { access: 'desk', input: SetStatusRequest, output: Arrival },
  undo: { access: 'desk', input: Empty, output: UndoResult },
  checkInAtDesk: { access: 'desk', input: CheckInRequest, output: Arrival },
  /** Deletes every arrival of today (and its pending notifications) at once; nothing of them is counted. */
  wipeToday: { access: 'admin', input: Empty, output: z.strictObject({ wiped: z.number().int() }) },
  /** The clinician's "On my way": the desk sees it, and an in-session arrival no longer escalates. */
  acknowledge: { access: 'room', input: z.strictObject({ arrivalId: ArrivalId }), output: Arrival },
  officeHealth: { access: 'desk', input: Empty, output: OfficeHealth },
  roomsOverview: { access: 'room', input: Empty, output: RoomsOverview },
  roomView: { access: 'room', input: RoomRequest, output: RoomView },
  roomWaiting: { access: 'room', input: RoomRequest, output: RoomWaiting },
  applyPreset: { access: 'room', input: RoomRequest.extend({ presetId: Slug }), output: RoomView },
  fineTune: {
    access: 'room',
    input: RoomRequest.extend({ brightness: z.number().min(0).max(100).optional(), volume: z.number().min(0).max(1).optional() }),
    output: RoomView,
  },
  startSession: { access: 'room', input: RoomRequest, output: RoomView },
  endSession: { access: 'room', input: RoomRequest, output: RoomView },
  adminOffice: { access: 'admin', input: Empty, output: AdminOffice },
  /** Adds or changes a clinician in the office file; the kiosk and the desk follow at once. */
  saveClinician: { access: 'admin', input: SaveClinicianRequest, output: AdminOffice },
  /** Takes a clinician off the kiosk and out of the office file; today's arrivals stay on the board. */
  retireClinician: { access: 'admin', input: RetireClinicianRequest, output: AdminOffice },
  /** Connects to this Home Assistant once, with this token, and says what it found; saves nothing. */
  testHomeAssistant: { access: 'admin', input: HomeAssistantConnection, output: ConnectionFound },
  /** Tests, then saves the address in the office file and the token in the data folder's secrets file. */
  saveHomeAssistant: { access: 'admin', input: HomeAssistantConnection, output: AdminOffice },
} as const satisfies Record<string, { access: Access; input: z.ZodType; output: z.ZodType }>;

export type ProcedureName = keyof typeof procedures;
export type Input<P extends ProcedureName> = z.input<(typeof procedures)[P]['input']>;
export type Output<P extends ProcedureName> = z.output<(typeof procedures)[P]['output']>;

export function isProcedureName(name: string): name is ProcedureName {
  return Object.hasOwn(procedures, name);
}

/** Errors are values a surface can show kindly; `message` is written for a person. */
export const ApiErrorCode = z.enum(['invalid-input', 'not-found', 'not-allowed', 'needs-pin', 'conflict', 'too-many-tries', 'unavailable']);
export type ApiErrorCode = z.infer<typeof ApiErrorCode>;
export const ApiError = z.strictObject({ code: ApiErrorCode, message: z.string(), retryAfterSeconds: z.number().optional() });
export type ApiError = z.infer<typeof ApiError>;

export type CallResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Live updates pushed to subscribers of a topic; each topic names the least access that may read it. */
export const LiveEvent = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('arrival'), change: z.enum(['checked-in', 'status', 'undone']), arrival: Arrival, lastChange: LastChange }),
  z.strictObject({ type: z.literal('arrival-removed'), arrivalId: ArrivalId, lastChange: LastChange }),
  z.strictObject({ type: z.literal('board-reset') }),
  z.strictObject({ type: z.literal('room'), room: RoomView }),
  /** Nobody acknowledged an arrival whose clinician is in session: the desk should look in, gently. */
  DeskAlert.extend({ type: z.literal('desk-alert') }),
  z.strictObject({ type: z.literal('health'), health: OfficeHealth }),
  /** The office's setup changed (clinicians, kiosk or desk settings): read it again. Carries nothing. */
  z.strictObject({ type: z.literal('office') }),
]);
export type LiveEvent = z.infer<typeof LiveEvent>;

export const liveTopics = { arrivals: { access: 'room' }, rooms: { access: 'room' }, health: { access: 'desk' }, office: { access: 'kiosk' } } as const satisfies Record<string, { access: Access }>;
export type LiveTopic = keyof typeof liveTopics;

/** Messages a WebSocket client may send. */
export const LiveClientMessage = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('subscribe'), topic: z.string().max(64) }),
  z.strictObject({ type: z.literal('unsubscribe'), topic: z.string().max(64) }),
]);

/** Messages the hub sends over the WebSocket. */
export type LiveServerMessage =
  | { type: 'subscribed'; topic: LiveTopic }
  | { type: 'refused'; topic: string; error: ApiError }
  | { type: 'event'; topic: LiveTopic; event: LiveEvent }
  | { type: 'invalid'; error: ApiError };

export const StaffLogin = z.strictObject({ pin: z.string().regex(/^\d{4,12}$/, 'a PIN is 4 to 12 digits') });

/**
 * The one object the Electron preload exposes as `window.stillroom`; the HTTP client in the
 * renderer implements the same shape, so surfaces never know which transport they have.
 */
export interface StillroomBridge {
  call<P extends ProcedureName>(name: P, input: Input<P>): Promise<CallResult<Output<P>>>;
  subscribe(topic: LiveTopic, onEvent: (event: LiveEvent) => void, onStatus?: (status: LiveStatus) => void): () => void;
}
export type LiveStatus = { state: 'live' } | { state: 'reconnecting' } | { state: 'refused'; error: ApiError };
