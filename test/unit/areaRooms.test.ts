import { describe, expect, it } from 'vitest';
import { roomsFromAreas, type DeviceEntry, type EntityEntry } from '../../main/hub/setup/areaRooms.ts';

const areas = [
  { area_id: 'willow', name: 'Willow room' },
  { area_id: 'cedar', name: 'Cedar room' },
];
const device = (id: string, area: string | null, extra: Partial<DeviceEntry> = {}): DeviceEntry => ({ id, area_id: area, name: id, name_by_user: null, disabled_by: null, connections: [], ...extra });
const entity = (entityId: string, extra: Partial<EntityEntry> = {}): EntityEntry => ({ entity_id: entityId, area_id: null, device_id: null, disabled_by: null, hidden_by: null, entity_category: null, platform: 'hue', ...extra });

describe('rooms from Home Assistant areas', () => {
  it("puts an entity in its own area over its device's", () => {
    const [willow, cedar] = roomsFromAreas({
      areas,
      devices: [device('lamp-strip', 'willow')],
      entities: [entity('light.strip_left', { device_id: 'lamp-strip' }), entity('light.strip_right', { device_id: 'lamp-strip', area_id: 'cedar' })],
    });
    expect(willow!.lights).toEqual(['light.strip_left']);
    expect(cedar!.lights).toEqual(['light.strip_right']);
  });

  it('leaves out disabled and hidden entities, entities of a disabled device, and configuration entities', () => {
    const [willow] = roomsFromAreas({
      areas,
      devices: [device('old-bulb', 'willow', { disabled_by: 'user' }), device('plug', 'willow')],
      entities: [
        entity('light.ceiling', { area_id: 'willow' }),
        entity('light.disabled', { area_id: 'willow', disabled_by: 'user' }),
        entity('light.hidden', { area_id: 'willow', hidden_by: 'integration' }),
        entity('light.old_bulb', { device_id: 'old-bulb' }),
        entity('switch.plug_child_lock', { device_id: 'plug', entity_category: 'config' }),
        entity('switch.door_sign', { device_id: 'plug' }),
        entity('input_boolean.in_session', { area_id: 'willow' }),
      ],
    });
    expect(willow!.lights).toEqual(['light.ceiling']);
    expect(willow!.switches).toEqual(['switch.door_sign', 'input_boolean.in_session']);
  });

  it('groups one speaker exposed as several players, offers its own integration, and sets screens apart', () => {
    const [willow, cedar] = roomsFromAreas(
      {
        areas,
        devices: [
          device('sonos-one', 'willow', { connections: [['mac', '48:A6:B8:00:00:01']] }),
          device('sonos-one-dlna', 'willow', { connections: [['mac', '48:a6:b8:00:00:01']] }),
          device('cedar-speaker', 'cedar'),
          device('wall-tablet', 'cedar'),
        ],
        entities: [
          entity('media_player.willow_dlna', { device_id: 'sonos-one-dlna', platform: 'dlna_dmr' }),
          entity('media_player.willow_sonos', { device_id: 'sonos-one', platform: 'sonos' }),
          entity('media_player.willow_cast', { device_id: 'sonos-one', platform: 'cast' }),
          entity('media_player.cedar_speaker', { device_id: 'cedar-speaker', platform: 'cast' }),
          entity('media_player.cedar_tablet', { device_id: 'wall-tablet', platform: 'browser_mod' }),
          entity('media_player.cedar_tv', { area_id: 'cedar', platform: 'cast' }),
        ],
      },
      (entityId) => (entityId === 'media_player.cedar_tv' ? 'tv' : 'speaker'),
    );
    expect(willow!.speakers).toEqual([{ entityId: 'media_player.willow_sonos', sameSpeaker: ['media_player.willow_cast', 'media_player.willow_dlna'] }]);
    expect(cedar!.speakers).toEqual([{ entityId: 'media_player.cedar_speaker', sameSpeaker: [] }]);
    expect(cedar!.otherPlayers).toEqual(['media_player.cedar_tablet', 'media_player.cedar_tv']);
  });

  it('offers every area, even one with nothing in it yet, and ignores entities in no known area', () => {
    const rooms = roomsFromAreas({ areas, devices: [], entities: [entity('light.garden', { area_id: 'garden' })] });
    expect(rooms.map((room) => [room.name, room.lights.length])).toEqual([['Willow room', 0], ['Cedar room', 0]]);
  });
});
