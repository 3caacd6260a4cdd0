/**
 * The office configuration: one YAML file describing the practice, its clinicians and rooms, the
 * kiosk, the desk and privacy settings. Every object is strict so that a misspelt key is reported
 * instead of silently ignored.
 */
import { z } from 'zod';
import { ClinicianColour, ClinicianSymbol, ComfortWish, PracticeInfo, Slug, waitingActivities } from '../../contract/contract.ts';
import { BusId, BusPrefix } from '../devices/mqtt/officeBus.ts';
import { ClinicianRoutes } from '../notify/routes.ts';
import { RoomAmbienceConfig } from '../ambience/roomDevices.ts';
import { OpeningHours, weekdays } from './openingHours.ts';
import { isStaffLanguageCode, languageCodes, staffLanguageCodes } from '../../contract/languages.ts';


const Retention = z.union([
  z.literal('end-of-day'),
  z.string().regex(/^\d{1,3}h$/, 'expected "end-of-day" or a number of hours such as "12h"'),
]);

export const OfficeConfig = z.strictObject({
  practice: z.strictObject({
    name: z.string().min(1).max(80),
    /** The language of the staff screens (desk and room); the kiosk has its own list (kiosk.languages). */
    language: z
      .string()
      .transform((code, context) => {
        if (isStaffLanguageCode(code)) return code;
        context.addIssue({ code: 'custom', message: `the staff screens speak ${staffLanguageCodes.join(' or ')} so far: choose one of those (the kiosk's own languages are kiosk.languages)` });
        return z.NEVER;
      })
      .default('en'),
  }),
  rooms: z
    .array(
      z.strictObject({
        id: Slug,
        name: z.string().min(1).max(60),
        /** The room's devices in Home Assistant, its limits and how a session ends; absent: nothing to set. */
        ambience: RoomAmbienceConfig.optional(),
        /**
         * Gently prepares the room when a client who asked for a comfort wish checks in, if no
         * session is running there: the preset to apply for each wish (the first wish that has one wins).
         */
        prepareForWishes: z.partialRecord(ComfortWish, Slug).optional(),
      }),
    )
    .default([]),
  /**
   * Where the rooms' devices live. `simulated: true` runs a virtual Home Assistant inside the hub
   * (the demo office); otherwise the URL of a real one, with its long-lived access token in the
   * environment variable named by `tokenEnv` (never in this file, never sent to a screen).
   */
  homeAssistant: z
    .union([
      z.strictObject({ simulated: z.literal(true) }),
      z.strictObject({ url: z.string().min(1), tokenEnv: z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'expected an environment variable name').default('STILLROOM_HA_TOKEN') }),
    ])
    .optional(),
  /**
   * Where the hub listens. Loopback only unless staff screens elsewhere on the network need it;
   * then give the address, and preferably a certificate so PINs and cookies travel encrypted.
   */
  network: z
    .strictObject({
      listen: z.string().min(1).default('127.0.0.1'),
      port: z.int().min(0).max(65535).default(4280),
      /** Where the rooms' speakers reach the hub for its sounds (e.g. 192.168.1.20); found from the network interfaces when absent. */
      speakerAddress: z.string().regex(/^(https?:\/\/)?[^\s/]+(:\d+)?\/?$/, 'expected an address such as 192.168.1.20 or http://hub.local:4280').optional(),
      tls: z.strictObject({ certificate: z.string().min(1), key: z.string().min(1) }).optional(),
      /** Host names staff screens use for the hub (e.g. `stillroom.local`); requests for any other name are refused. */
      names: z.array(z.string().min(1).max(253).regex(/^[A-Za-z0-9.:[\]-]+$/)).max(16).default([]),
    })
    .prefault({}),
  /**
   * The office bus on an MQTT broker (arrival events, room state, commands from wall switches).
   * User name and password come from STILLROOM_MQTT_USERNAME and STILLROOM_MQTT_PASSWORD.
   */
  mqtt: z
    .strictObject({
      url: z.string().regex(/^(mqtts?|wss?):\/\/[^\s/@]+(:\d+)?\/?$/, 'expected a broker address such as mqtt://broker.local:1883, without a user name or password'),
      prefix: BusPrefix.default('stillroom'),
      site: BusId,
      hubId: BusId.default('hub'),
      tls: z.strictObject({ caFile: z.string().optional(), certFile: z.string().optional(), keyFile: z.string().optional() }).optional(),
    })
    .optional(),
  /**
   * Lights on zigbee2mqtt, reached over the office bus instead of Home Assistant. Each gets a
   * `light.*` id that the rooms' `ambience.lights` use like any other light.
   */
  zigbee2mqtt: z
    .strictObject({
      baseTopic: z.string().regex(/^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/, 'expected a topic such as zigbee2mqtt').default('zigbee2mqtt'),
      lights: z.record(
        z.string().regex(/^light\.[a-z0-9_]+$/, 'expected a light id such as light.cedar_reading_lamp'),
        z.strictObject({ friendlyName: z.string().min(1).max(120), minMireds: z.int().min(50).max(1000).optional(), maxMireds: z.int().min(50).max(1000).optional() }),
      ),
    })
    .optional(),
  /** How the front desk hears of a client who was not sure whom they are seeing. */
  frontDesk: z.strictObject({ notify: ClinicianRoutes.optional() }).prefault({}),
  presets: z
    .strictObject({
      /** The practice's own presets, beside the built-in ones; a relative path is relative to this file. */
      folder: z.string().optional(),
      /** Stillroom's own presets the practice does not want offered on the room screens (by id); admin writes it. */
      hidden: z.array(Slug).refine((ids) => new Set(ids).size === ids.length, 'each preset once').default([]),
    })
    .prefault({}),
  clinicians: z
    .array(
      z.strictObject({
        id: Slug,
        displayName: z.string().min(1).max(40),
        colour: ClinicianColour,
        symbol: ClinicianSymbol,
        room: Slug.optional(),
        /** Days the clinician sees clients; their tile shows on the kiosk only on these days. */
        days: z.array(z.enum(weekdays)).min(1).default([...weekdays]),
        /** How this clinician hears of an arrival; the office bus only, when absent. */
        notify: ClinicianRoutes.optional(),
      }),
    )
    .min(1, 'list at least one clinician'),
  kiosk: z
    .strictObject({
      askAppointmentTime: z.boolean().default(true),
      offerComfortWishes: z.boolean().default(true),
      /** No touch for this long on an unfinished visit: "Still there? Tap anywhere to keep going". */
      idleSeconds: z.number().min(5).max(600).default(15),
      /** How long "Still there?" stays before the visit is cleared; at least 20 s, so nobody is hurried. */
      stillThereSeconds: z.number().min(20).max(120).default(20),
      /** The thank-you stays this long (with a "Done"), short so the next in line does not read it. */
      confirmationSeconds: z.number().min(3).max(60).default(4),
      /** false: the thank-you says "We've let your clinician know" without the clinician's name. */
      confirmationNamesClinician: z.boolean().default(true),
      /** The practice's appointment slot length; the kiosk and desk offer times on it. */
      slotMinutes: z.union([z.literal(5), z.literal(10), z.literal(15), z.literal(20), z.literal(30), z.literal(60)]).default(30),
      /** How long a kiosk waits for the hub on any request before it offers "Try again" (issue 13). */
      requestDeadlineSeconds: z.number().min(1).max(30).default(6),
      /** The kiosk's screen is awake in these hours and dimmed outside them; absent: always awake. */
      openingHours: OpeningHours.optional(),
      /** The languages a client may choose on the welcome screen, in this order (issue 12); one: no choice shown. */
      languages: z.array(z.enum(languageCodes)).min(1, 'list at least one language').default([...languageCodes]),
      /** The language every visit starts in, and returns to on the way back to welcome. */
      defaultLanguage: z.enum(languageCodes).default('en'),
      /**
       * What the thank-you offers for the wait (issue 12), in this order: a slow breathing guide, a
       * grounding exercise, a quiet screen. The client may choose one; nothing starts by itself. [] offers none.
       */
      waitingActivities: z
        .array(z.enum(waitingActivities))
        .refine((list) => new Set(list).size === list.length, 'list each activity once')
        .default([...waitingActivities]),
      /** On a waiting screen, no touch for this long: "Still there?", then back to welcome with nothing left. */
      waitingIdleSeconds: z.number().min(60).max(3600).default(300),
      /** The practice's own words on the waiting screens: wifi { network, password }, water, restroom. Absent: not shown. */
      practiceInfo: PracticeInfo.optional(),
      /**
       * How many check-ins a minute the hub takes (arrivals/checkInPace.ts): from each kiosk (a family
       * checks in together, up to this many at once) and from all kiosks together. A busy clinic with
       * more arrivals than that through one screen raises them; past them a kiosk asks to wait a moment.
       */
      checkInsPerMinute: z
        .strictObject({
          eachKiosk: z.int().min(1).max(60).default(10),
          allKiosks: z.int().min(1).max(600).default(40),
        })
        .refine((pace) => pace.allKiosks >= pace.eachKiosk, { path: ['allKiosks'], message: 'must be at least eachKiosk' })
        .prefault({}),
    })
    .prefault({}),
  desk: z
    .strictObject({
      gentleWaitMinutes: z.number().positive().default(10),
      longWaitMinutes: z.number().positive().default(20),
      chime: z.boolean().default(true),
    })
    .prefault({}),
  privacy: z
    .strictObject({
      retention: Retention.default('end-of-day'),
    })
    .prefault({}),
  staff: z
    .strictObject({
      /** scrypt hash of the staff PIN (`stillroom hash-pin`); a `staff-pin` file in the data folder overrides it. */
      pinHash: z.string().regex(/^scrypt\$/, 'expected a hash made by `stillroom hash-pin`').optional(),
      /** Room screens' own PIN: it opens a room and its waiting list, not the desk; absent: room screens use the desk PIN. */
      roomPinHash: z.string().regex(/^scrypt\$/, 'expected a hash made by `stillroom hash-pin`').optional(),
      /** The PIN for "wipe today" and the kiosk's hidden exit; absent: the desk PIN does both. */
      adminPinHash: z.string().regex(/^scrypt\$/, 'expected a hash made by `stillroom hash-pin`').optional(),
    })
    .prefault({}),
});

export type OfficeConfig = z.infer<typeof OfficeConfig>;
export type ClinicianConfig = OfficeConfig['clinicians'][number];

/** Rules a schema cannot express: unique ids, rooms that exist, thresholds in order. */
export function crossCheck(config: OfficeConfig): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  const roomIds = new Set<string>();
  config.rooms.forEach((room, index) => {
    if (roomIds.has(room.id)) problems.push({ path: ['rooms', index, 'id'], message: `"${room.id}" is used by another room` });
    roomIds.add(room.id);
  });
  const clinicianIds = new Set<string>();
  config.clinicians.forEach((clinician, index) => {
    if (clinicianIds.has(clinician.id)) problems.push({ path: ['clinicians', index, 'id'], message: `"${clinician.id}" is used by another clinician` });
    clinicianIds.add(clinician.id);
    if (clinician.room && !roomIds.has(clinician.room)) {
      problems.push({ path: ['clinicians', index, 'room'], message: `no room has the id "${clinician.room}"` });
    }
  });
  if (config.zigbee2mqtt && !config.mqtt) {
    problems.push({ path: ['zigbee2mqtt'], message: 'zigbee2mqtt lights are reached over MQTT: add the mqtt settings too' });
  }
  if (config.desk.longWaitMinutes <= config.desk.gentleWaitMinutes) {
    problems.push({ path: ['desk', 'longWaitMinutes'], message: 'must be longer than gentleWaitMinutes' });
  }
  if (!config.kiosk.languages.includes(config.kiosk.defaultLanguage)) {
    problems.push({ path: ['kiosk', 'defaultLanguage'], message: `"${config.kiosk.defaultLanguage}" is not among kiosk.languages (${config.kiosk.languages.join(', ')}): add it there or choose one of those` });
  }
  return problems;
}
