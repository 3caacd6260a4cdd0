/**
 * Rooms found from Home Assistant's areas: each area is offered as a room with its lights,
 * speakers, switches and input_booleans already sorted, so the admin only confirms roles.
 *
 * Which entity is in which area follows Home Assistant's own rule: an entity's own area wins over
 * its device's (homeassistant/helpers/entity_registry.py keeps `area_id` per entry; the frontend
 * and `area_entities` in homeassistant/helpers/template.py fall back to the device's area only when
 * the entity has none). Entities that are disabled or hidden (`disabled_by`, `hidden_by` in
 * `config/entity_registry/list`, whose entries are `RegistryEntry.as_partial_dict`), on a disabled
 * device, or in a configuration or diagnostic category are left out: a person would not pick them.
 *
 * One speaker often shows up as several media players (a Sonos through the Sonos, Cast and DLNA
 * integrations; a Cast group member): players on the same device, or on devices sharing a
 * network connection (`connections` in `config/device_registry/list`: `["mac", "…"]`), are grouped
 * and one is offered. Players that are not speakers (a TV, a browser kiosk) are set apart.
 */

/** `config/area_registry/list` entries: the fields this needs. */
export interface AreaEntry {
  area_id: string;
  name: string;
}

/** `config/device_registry/list` entries: the fields this needs. */
export interface DeviceEntry {
  id: string;
  area_id: string | null;
  name: string | null;
  name_by_user: string | null;
  disabled_by: string | null;
  connections: [string, string][];
}

/** `config/entity_registry/list` entries (`as_partial_dict`): the fields this needs. */
export interface EntityEntry {
  entity_id: string;
  area_id: string | null;
  device_id: string | null;
  disabled_by: string | null;
  hidden_by: string | null;
  entity_category: string | null;
  platform: string;
}

/** One physical speaker: the player to use, and the others that are the same speaker. */
export interface SpeakerGroup {
  entityId: string;
  sameSpeaker: string[];
}

export interface AreaRoom {
  areaId: string;
  name: string;
  lights: string[];
  speakers: SpeakerGroup[];
  /** switch and input_boolean entities: door-sign candidates. */
  switches: string[];
  /** Media players that are not speakers (TVs, browser kiosks), offered last and apart. */
  otherPlayers: string[];
}

/** Integrations whose media players are screens, not speakers. */
const screenPlatforms = new Set(['browser_mod', 'fully_kiosk', 'androidtv', 'androidtv_remote', 'webostv', 'samsungtv', 'braviatv', 'roku', 'apple_tv', 'kodi', 'plex']);
/** Which of a speaker's several players to use: its own integration first, DLNA last. */
const platformPreference = ['sonos', 'heos', 'linkplay', 'bluesound', 'squeezebox', 'music_assistant', 'cast', 'yamaha_musiccast', 'denonavr', 'dlna_dmr'];
const preference = (platform: string) => {
  const index = platformPreference.indexOf(platform);
  return index < 0 ? platformPreference.length - 1 : index;
};

/**
 * Rooms from the registries, in the areas' order. `deviceClass` (from the entities' states)
 * tells a TV (`tv`) or receiver from a speaker where the registry cannot.
 */
export function roomsFromAreas(registries: { areas: readonly AreaEntry[]; devices: readonly DeviceEntry[]; entities: readonly EntityEntry[] }, deviceClass: (entityId: string) => string | undefined = () => undefined): AreaRoom[] {
  const devices = new Map(registries.devices.map((device) => [device.id, device]));
  const rooms = new Map<string, AreaRoom>(registries.areas.map((area) => [area.area_id, { areaId: area.area_id, name: area.name, lights: [], speakers: [], switches: [], otherPlayers: [] }]));
  const players = new Map<string, EntityEntry[]>();

  for (const entity of registries.entities) {
    const device = entity.device_id ? devices.get(entity.device_id) : undefined;
    if (entity.disabled_by !== null || entity.hidden_by !== null || entity.entity_category !== null || device?.disabled_by) continue;
    const areaId = entity.area_id ?? device?.area_id ?? null;
    const room = areaId ? rooms.get(areaId) : undefined;
    if (!room) continue;
    const domain = entity.entity_id.split('.')[0];
    if (domain === 'light') room.lights.push(entity.entity_id);
    else if (domain === 'switch' || domain === 'input_boolean') room.switches.push(entity.entity_id);
    else if (domain === 'media_player') {
      const deviceClassOf = deviceClass(entity.entity_id);
      if (screenPlatforms.has(entity.platform) || deviceClassOf === 'tv' || deviceClassOf === 'receiver') room.otherPlayers.push(entity.entity_id);
      else players.set(room.areaId, [...(players.get(room.areaId) ?? []), entity]);
    }
  }

  for (const [areaId, found] of players) {
    // The same speaker: the same device, or devices that share a connection (its MAC address).
    const keyOf = (entity: EntityEntry): string[] => {
      const device = entity.device_id ? devices.get(entity.device_id) : undefined;
      if (!device) return [`entity:${entity.entity_id}`];
      return [`device:${device.id}`, ...device.connections.map(([kind, value]) => `${kind}:${value.toLowerCase()}`)];
    };
    const groups: EntityEntry[][] = [];
    const groupOf = new Map<string, EntityEntry[]>();
    for (const entity of found) {
      const keys = keyOf(entity);
      const group = keys.map((key) => groupOf.get(key)).find((each) => each !== undefined);
      if (group) group.push(entity);
      else groups.push([entity]);
      for (const key of keys) groupOf.set(key, group ?? groups.at(-1)!);
    }
    rooms.get(areaId)!.speakers = groups.map((group) => {
      const [chosen, ...others] = [...group].sort((a, b) => preference(a.platform) - preference(b.platform));
      return { entityId: chosen!.entity_id, sameSpeaker: others.map((other) => other.entity_id) };
    });
  }
  return [...rooms.values()];
}
