/**
 * The simulator's area, device and entity registries, answering `config/area_registry/list`,
 * `config/device_registry/list` and `config/entity_registry/list` with the fields real Home
 * Assistant returns:
 * - areas: `AreaEntry.json_fragment` in homeassistant/helpers/area_registry.py
 * - devices: `DeviceEntry.dict_repr` in homeassistant/helpers/device_registry.py
 * - entities: `RegistryEntry.as_partial_dict` in homeassistant/helpers/entity_registry.py
 * (the commands themselves: homeassistant/components/config/{area,device,entity}_registry.py).
 * Timestamps are seconds since the epoch, as `created_at.timestamp()` gives them.
 */

/** An area as a test or the demo office describes it. */
export interface AreaSeed {
  areaId: string;
  name: string;
}

/** A device, in an area or not; `mac` becomes its `connections` entry, as network devices have. */
export interface DeviceSeed {
  id: string;
  name: string;
  areaId?: string | null;
  manufacturer?: string | null;
  model?: string | null;
  mac?: string;
  disabledBy?: 'user' | 'integration' | 'config_entry' | null;
}

/** An entity's registry entry; the state itself is seeded separately (entities.ts). */
export interface EntityRegistrySeed {
  entityId: string;
  platform: string;
  deviceId?: string | null;
  areaId?: string | null;
  disabledBy?: 'user' | 'device' | 'integration' | 'config_entry' | null;
  hiddenBy?: 'user' | 'integration' | null;
  entityCategory?: 'config' | 'diagnostic' | null;
  name?: string | null;
  originalName?: string | null;
}

export interface RegistrySeeds {
  areas?: readonly AreaSeed[];
  devices?: readonly DeviceSeed[];
  entities?: readonly EntityRegistrySeed[];
}

const createdAt = Date.UTC(2026, 0, 5, 9, 0, 0) / 1000;

export function areaEntries(seeds: RegistrySeeds): Record<string, unknown>[] {
  return (seeds.areas ?? []).map((area) => ({
    aliases: [],
    area_id: area.areaId,
    floor_id: null,
    humidity_entity_id: null,
    icon: null,
    labels: [],
    motion_entity_id: null,
    name: area.name,
    picture: null,
    temperature_entity_id: null,
    created_at: createdAt,
    modified_at: createdAt,
  }));
}

export function deviceEntries(seeds: RegistrySeeds): Record<string, unknown>[] {
  return (seeds.devices ?? []).map((device) => ({
    area_id: device.areaId ?? null,
    configuration_url: null,
    config_entries: [`entry_${device.id}`],
    config_entries_subentries: { [`entry_${device.id}`]: [null] },
    connections: device.mac ? [['mac', device.mac.toLowerCase()]] : [],
    created_at: createdAt,
    disabled_by: device.disabledBy ?? null,
    entry_type: null,
    hw_version: null,
    id: device.id,
    identifiers: [['stillroom_simulator', device.id]],
    labels: [],
    manufacturer: device.manufacturer ?? null,
    model: device.model ?? null,
    model_id: null,
    modified_at: createdAt,
    name_by_user: null,
    name: device.name,
    primary_config_entry: `entry_${device.id}`,
    serial_number: null,
    sw_version: null,
    via_device_id: null,
  }));
}

export function entityEntries(seeds: RegistrySeeds): Record<string, unknown>[] {
  return (seeds.entities ?? []).map((entity) => ({
    area_id: entity.areaId ?? null,
    categories: {},
    config_entry_id: entity.deviceId ? `entry_${entity.deviceId}` : null,
    device_id: entity.deviceId ?? null,
    disabled_by: entity.disabledBy ?? null,
    entity_category: entity.entityCategory ?? null,
    entity_id: entity.entityId,
    has_entity_name: true,
    hidden_by: entity.hiddenBy ?? null,
    icon: null,
    id: `reg_${entity.entityId.replace('.', '_')}`,
    labels: [],
    name: entity.name ?? null,
    options: {},
    original_name: entity.originalName ?? null,
    platform: entity.platform,
    translation_key: null,
    unique_id: `${entity.platform}_${entity.entityId}`,
  }));
}
