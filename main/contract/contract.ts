/**
 * The one API contract between the hub and every surface (kiosk, desk, room).
 *
 * Every call a surface can make is listed in `procedures` with a zod schema for its input and
 * its output, and who may make it. Both transports (Electron IPC and HTTP + WebSocket) serve
 * exactly this table, so a surface never knows which one it has. This module is plain
 * TypeScript: no Node, no DOM, so the renderer may import it.
 */
import { z } from 'zod';
import { languageCodes, staffLanguageCodes } from './languages.ts';

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
  /** Who said it: in a room two clinicians share, not always the arrival's own; null until then. */
  acknowledgedBy: Slug.nullable(),
});
export type Arrival = z.infer<typeof Arrival>;

export const ClinicianTile = z.strictObject({
  id: Slug,
  displayName: z.string(),
  colour: ClinicianColour,
  symbol: ClinicianSymbol,
});
export type ClinicianTile = z.infer<typeof ClinicianTile>;

/** The gentle things a client may choose after checking in (issue 12): a breathing guide, grounding, a quiet screen. */
export const waitingActivities = ['breathing', 'grounding', 'rest'] as const;
export type WaitingActivity = (typeof waitingActivities)[number];

/**
 * One line of the practice's own information, as the practice writes it: printable text of 1 to
 * 120 characters on one line (it is shown on a screen everyone in the waiting room can read).
 */
const PracticeInfoText = z
  .string()
  .trim()
  .min(1)
  .max(120)
  .regex(/^[^\p{Cc}\p{Cf}]*$/u, 'use plain text on one line (no line breaks, tabs or invisible characters)');

/** What the waiting screens may tell a client; every part is optional and shown only when set. */
export const PracticeInfo = z.strictObject({
  wifi: z.strictObject({ network: PracticeInfoText, password: PracticeInfoText.optional() }).optional(),
  water: PracticeInfoText.optional(),
  restroom: PracticeInfoText.optional(),
});
export type PracticeInfo = z.infer<typeof PracticeInfo>;

export const KioskSetup = z.strictObject({
  practiceName: z.string(),
  clinicians: z.array(ClinicianTile),
  askAppointmentTime: z.boolean(),
  offerComfortWishes: z.boolean(),
  idleSeconds: z.number().positive(),
  confirmationSeconds: z.number().positive(),
  /** How long the kiosk waits for the hub on any request before it offers "Try again". */
  requestDeadlineSeconds: z.number().positive(),
  /** No touch for this long on an unfinished visit: "Still there?" comes up. */
  stillThereAfterSeconds: z.number().positive(),
  /** How long "Still there?" stays before the visit is cleared (at least 20 s). */
  stillThereSeconds: z.number().positive(),
  /** The length of the practice's appointment slots; the kiosk offers times on it. */
  slotMinutes: z.number().int().positive(),
  /** Whether the confirmation names the clinician ("We've let Sam know") or not ("We've let your clinician know"). */
  confirmationNamesClinician: z.boolean(),
  /** The languages offered on the welcome screen, in the practice's order (issue 12). */
  languages: z.array(z.enum(languageCodes)).min(1).default(['en']),
  /** Every visit starts in this language and returns to it on the way back to welcome. */
  defaultLanguage: z.enum(languageCodes).default('en'),
  /** What the thank-you offers for the wait, in this order (issue 12); none chosen by default, ever. */
  waitingActivities: z.array(z.enum(waitingActivities)).default([]),
  /** On a waiting screen, no touch for this long: "Still there?" comes up, then welcome. */
  waitingIdleSeconds: z.number().positive().default(300),
  /** The practice's own words for the waiting screens (Wi-Fi, water, restroom); absent: nothing shown. */
  practiceInfo: PracticeInfo.optional(),
});
export type KioskSetup = z.infer<typeof KioskSetup>;

/**
 * What a staff screen needs before anyone signs in (issue 12): the practice's language, so even
 * the PIN page speaks it. Nothing private; the kiosk's access may read it.
 */
export const StaffSetup = z.strictObject({ language: z.enum(staffLanguageCodes) });
export type StaffSetup = z.infer<typeof StaffSetup>;

export const CheckInRequest = z.strictObject({
  clinicianId: Slug.nullable(),
  slot: Slot,
  wishes: z.array(ComfortWish).max(3).refine((w) => new Set(w).size === w.length, 'each wish may be chosen once'),
  /**
   * Chosen by the kiosk once per visit (random, not derived from anything about the client): a
   * retry after a timeout sends the same key, and the hub answers with the arrival it already saved
   * instead of making a second one. Dropped with the arrival (retention, wipe, undo).
   */
  visitKey: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'expected 16-64 letters, digits, - or _').optional(),
});
export type CheckInRequest = z.infer<typeof CheckInRequest>;

/** What the kiosk learns back: only whom it may say was told. No id, nothing to leak to the next client. */
export const CheckInReceipt = z.strictObject({ toldName: z.string().nullable() });
export type CheckInReceipt = z.infer<typeof CheckInReceipt>;

/**
 * The desk's last change as facts, so each desk says it in the practice's language (issue 12);
 * `description` beside it is the hub's English. Nothing here the board does not show already.
 */
export const ChangeFacts = z.strictObject({
  kind: z.enum(['checked-in-at-desk', 'status', 'assigned']),
  /** Whose client it was when it changed (null: the front desk's). */
  owner: Slug.nullable(),
  slot: Slot,
  /** Whose client it is now (null: the front desk's), and its status now. */
  to: Slug.nullable(),
  status: ArrivalStatus,
});
export type ChangeFacts = z.infer<typeof ChangeFacts>;

export const LastChange = z.strictObject({ arrivalId: ArrivalId, description: z.string(), facts: ChangeFacts }).nullable();
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
/** The desk gives a waiting client to a clinician (an "I'm not sure" arrival, or a wrong tile). */
export const AssignRequest = z.strictObject({ arrivalId: ArrivalId, clinicianId: Slug });
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
  /** Connected, but the token's user may not do everything: what does not work and how to fix it, in words. */
  limited: z.string().optional(),
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
  /** Devices (by name) found not as the room was last set when the hub came back from being away; empty once it is set again. */
  changedWhileAway: z.array(z.string()),
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

/** A preset's name as the staff give it; it names a setting ("Soft evening"), never a client. */
export const PresetName = z
  .string()
  .trim()
  .min(1, 'give the preset a name, such as "Soft evening"')
  .max(40, 'keep the name to 40 characters')
  .regex(/^[^\n\r<>]*$/, 'keep the name to one line, without < or >');

/** A connection the office depends on, in words for the desk. */
export const LinkHealth = z.strictObject({
  state: z.enum(['not-configured', 'connecting', 'connected', 'unreachable', 'refused']),
  message: z.string(),
  /** Connected, but with limits (a Home Assistant token of a user who is not an administrator): what, and how to fix it. */
  limited: z.string().optional(),
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

/** The kiosk's and the desk's everyday settings, as the admin page edits them. */
export const OfficeSettings = z.strictObject({
  askAppointmentTime: z.boolean(),
  offerComfortWishes: z.boolean(),
  idleSeconds: z.int().min(5).max(600),
  gentleWaitMinutes: z.int().min(1).max(240),
  longWaitMinutes: z.int().min(1).max(480),
  chime: z.boolean(),
});
export type OfficeSettings = z.infer<typeof OfficeSettings>;

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
  settings: OfficeSettings,
  /** The office bus: the address and site only; of the credentials, only whether they are saved. */
  mqtt: z.strictObject({ url: z.string().nullable(), site: z.string().nullable(), usernameSaved: z.boolean(), passwordSaved: z.boolean() }),
  /** Which PINs are set (never their hashes); a role without its own PIN uses the desk's. */
  pins: z.strictObject({ room: z.boolean(), desk: z.boolean(), admin: z.boolean() }),
  /** A new office, opened with its one-time setup code: no desk or admin PIN yet. /admin opens on the guided setup. */
  firstRun: z.boolean(),
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
/** A Home Assistant area offered as a room, its devices sorted; `roomId` set when it is one already. */
export const AreaRoom = z.strictObject({
  areaId: z.string(),
  name: z.string(),
  lights: z.array(z.string()),
  /** One entry per physical speaker: the player to use, and its other players (the same speaker through other integrations). */
  speakers: z.array(z.strictObject({ entityId: z.string(), sameSpeaker: z.array(z.string()) })),
  switches: z.array(z.string()),
  /** Media players that are not speakers (TVs, browser kiosks), set apart. */
  otherPlayers: z.array(z.string()),
  roomId: Slug.nullable(),
});
export type AreaRoom = z.infer<typeof AreaRoom>;

/** A room made from an area: the admin's choice of roles for its devices. */
export const AddRoomRequest = z.strictObject({
  roomId: Slug,
  name: z.string().trim().min(1, 'a name for the room').max(60),
  ceiling: z.array(z.string().regex(/^light\.[a-z0-9_]+$/)).max(20),
  lamp: z.array(z.string().regex(/^light\.[a-z0-9_]+$/)).max(20),
  accent: z.array(z.string().regex(/^light\.[a-z0-9_]+$/)).max(20),
  speaker: z.string().regex(/^media_player\.[a-z0-9_]+$/).nullable(),
  doorSign: z.string().regex(/^(switch|input_boolean)\.[a-z0-9_]+$/).nullable(),
});


/** Sets one role's PIN (the admin is signed in already); stored only as its scrypt hash. */
export const SetPinRequest = z.strictObject({ role: z.enum(['room', 'desk', 'admin']), pin: z.string().regex(/^\d{4,12}$/, 'a PIN is 4 to 12 digits') });

const PinDigits = z.string().regex(/^\d{4,12}$/, 'a PIN is 4 to 12 digits');
/**
 * The first run's PINs, set together in one write: the first desk or admin PIN ends the setup code
 * and its session (setup/firstRun.ts), so one at a time would leave the rest unset. Null: none
 * of its own (that role uses the desk's).
 */
export const SetPinsRequest = z.strictObject({ desk: PinDigits, admin: PinDigits.nullable(), room: PinDigits.nullable() });

/** The practice's name, as the kiosk's welcome and every screen's title show it. */
export const PracticeRequest = z.strictObject({ name: z.string().trim().min(1, 'the practice’s name').max(80) });

/** The office bus's broker: its address, the site id, and (null: keep the saved one) its user name and password. */
export const MqttConnection = z.strictObject({
  url: z.string().trim().min(1, 'the address of the MQTT broker').max(300),
  site: Slug,
  username: z.string().min(1).max(256).nullable(),
  password: z.string().min(1).max(1024).nullable(),
});

/** What a live test of a connection found, in a sentence, and the phones it can notify. */
export const ConnectionFound = z.strictObject({ message: z.string(), notifyServices: z.array(z.string()) });

/**
 * A preset as admin lists it. The practice's own (`own`, a file in its preset folder) can be
 * changed and deleted; Stillroom's own can only be hidden from the room screens and shown again.
 */
export const AdminPreset = z.strictObject({
  id: Slug,
  name: z.string(),
  description: z.string(),
  swatch: z.string(),
  transitionSeconds: z.number(),
  session: z.strictObject({ doorSign: z.boolean(), masking: z.boolean() }),
  own: z.boolean(),
  hidden: z.boolean(),
  /** The rooms whose sessions end with this preset (the office file's `sessionEnd`): it cannot be deleted while one does. */
  endsSessionsIn: z.array(z.string()),
});
export type AdminPreset = z.infer<typeof AdminPreset>;

export const AdminPresets = z.strictObject({
  presets: z.array(AdminPreset),
  /** Preset files that were skipped, each with its reason, as the room screens say them. */
  problems: z.array(z.string()),
  /** False for the bundled demo office: shown, never changed. */
  writable: z.boolean(),
});
export type AdminPresets = z.infer<typeof AdminPresets>;

/**
 * A change to one of the practice's own presets. Only bounded here: the hub reads the changed file
 * back with the preset schema itself (presetSchema.ts), so the refusal names the field as a hand
 * edit's would.
 */
export const SavePresetRequest = z.strictObject({
  presetId: Slug,
  name: z.string().max(200),
  description: z.string().max(1000),
  swatch: z.string().max(40),
  transitionSeconds: z.number(),
  session: z.strictObject({ doorSign: z.boolean(), masking: z.boolean() }),
});
export type SavePresetRequest = z.infer<typeof SavePresetRequest>;

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
  /** The desk's and room screens' language, read before the PIN page (nothing private in it). */
  staffSetup: { access: 'kiosk', input: Empty, output: StaffSetup },
  checkIn: { access: 'kiosk', input: CheckInRequest, output: CheckInReceipt },
  deskBoard: { access: 'desk', input: Empty, output: DeskBoard },
  setStatus: { access: 'desk', input: SetStatusRequest, output: Arrival },
  undo: { access: 'desk', input: Empty, output: UndoResult },
  /** Takes one arrival off the board for good (a mistaken or made-up check-in), with its notifications; the rest of the day stays. */
  removeArrival: { access: 'desk', input: z.strictObject({ arrivalId: ArrivalId }), output: z.strictObject({ removed: z.literal(true) }) },
  checkInAtDesk: { access: 'desk', input: CheckInRequest, output: Arrival },
  /** "Assign to…": the clinician is told as at a check-in; undo gives the client back. */
  assignClinician: { access: 'desk', input: AssignRequest, output: Arrival },
  /** Deletes every arrival of today (and its pending notifications) at once; nothing of them is counted. */
  wipeToday: { access: 'admin', input: Empty, output: z.strictObject({ wiped: z.number().int() }) },
  /** The clinician's "On my way" (`by`: who is going, when not the arrival's own): the desk sees it, and an in-session arrival no longer escalates. */
  acknowledge: { access: 'room', input: z.strictObject({ arrivalId: ArrivalId, by: Slug.optional() }), output: Arrival },
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
  /** Keeps the room's light and sound as they are now as a new preset of the practice's own. */
  saveRoomAsPreset: { access: 'room', input: RoomRequest.extend({ name: PresetName }), output: RoomView },
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
  /** Home Assistant's areas (area, device and entity registries) offered as rooms, through the saved connection. */
  homeAssistantAreas: { access: 'admin', input: Empty, output: z.strictObject({ areas: z.array(AreaRoom) }) },
  /** Adds a room to the office file with the devices' roles as the admin confirmed them. */
  addRoom: { access: 'admin', input: AddRoomRequest, output: AdminOffice },
  /** The kiosk's and desk's settings, written to the office file; open kiosks and desks follow. */
  saveSettings: { access: 'admin', input: OfficeSettings, output: AdminOffice },
  setPin: { access: 'admin', input: SetPinRequest, output: AdminOffice },
  /** The first run's PINs in one write (the setup code and its session end with it). */
  setPins: { access: 'admin', input: SetPinsRequest, output: AdminOffice },
  /** The practice's name in the office file; open kiosks and desks follow at once. */
  savePractice: { access: 'admin', input: PracticeRequest, output: AdminOffice },
  /** Takes a room out of the office file (refused while a clinician works in it); in force after a restart. */
  removeRoom: { access: 'admin', input: z.strictObject({ roomId: Slug }), output: AdminOffice },
  /** Connects once to this MQTT broker with these (or the saved) credentials and says how it went; saves nothing. */
  testMqtt: { access: 'admin', input: MqttConnection, output: z.strictObject({ message: z.string() }) },
  /** Tests, then saves the broker's address and site in the office file and the credentials in the secrets file. */
  saveMqtt: { access: 'admin', input: MqttConnection, output: AdminOffice },
  /** The presets as admin lists them: the practice's own and Stillroom's, hidden ones marked. */
  adminPresets: { access: 'admin', input: Empty, output: AdminPresets },
  /** Renames, describes, recolours one of the practice's own presets, or changes its fade and session extras, in its file; room screens follow. */
  savePreset: { access: 'admin', input: SavePresetRequest, output: AdminPresets },
  /** Deletes one of the practice's own presets (its file is kept beside as `.previous`); Stillroom's own are refused. */
  deletePreset: { access: 'admin', input: z.strictObject({ presetId: Slug }), output: AdminPresets },
  /** Hides one of Stillroom's own presets from the room screens, or shows it again (the office file's `presets.hidden`). */
  hidePreset: { access: 'admin', input: z.strictObject({ presetId: Slug, hidden: z.boolean() }), output: AdminPresets },
  /** Starts the hub's parts again on the saved office file (rooms, connections), in the same process and on the same address; open screens reconnect. */
  restartHub: { access: 'admin', input: Empty, output: z.strictObject({ restarting: z.literal(true) }) },
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
  /** `room`: a room screen's `arrivals` carry only the arrivals of that room's clinicians. */
  z.strictObject({ type: z.literal('subscribe'), topic: z.string().max(64), room: Slug.optional() }),
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
