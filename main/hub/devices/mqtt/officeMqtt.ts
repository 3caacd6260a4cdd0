/**
 * The office bus as the hub uses it: the link from the configuration (secrets from the
 * environment), each room's state published retained whenever it changes and again after every
 * connect, commands from wall switches and other systems handed to the rooms, and the kiosk's
 * health published for other systems and as a Home Assistant sensor (MQTT discovery).
 */
import type { RoomView, ScreenHealth } from '../../../contract/contract.ts';
import type { OfficeConfig } from '../../config/officeConfig.ts';
import { Listeners } from '../../listeners.ts';
import type { Log } from '../../log.ts';
import { connectMqtt, type MqttLink, type MqttStatus } from './mqttLink.ts';
import { publishRoomState, subscribeRoomCommands, type BusAddress, type DeviceSummary, type RoomCommand, type RoomState } from './officeBus.ts';

/** What the bus needs of the rooms: their names, their state, and a way to hand them a command. */
export interface BusRooms {
  ids: () => Iterable<string>;
  presets: () => Iterable<string>;
  views: () => RoomView[];
  command: (roomId: string, command: RoomCommand) => void;
}

export interface OfficeMqtt {
  link: MqttLink;
  bus: BusAddress;
  onStatus(listener: (status: MqttStatus) => void): () => void;
  /** Starts publishing the rooms' state (retained, again after every connect) and taking their commands. */
  serveRooms(rooms: BusRooms): void;
  roomChanged(room: RoomView): void;
  screenHealth(health: ScreenHealth): void;
  close(): Promise<void>;
}

/** A device's summary on the bus: what it does, never who is in the room. */
function summary(device: RoomView['devices'][number]): DeviceSummary {
  if (!device.available) return { state: 'unavailable' };
  if (device.kind === 'light') return device.on ? { state: 'on', ...(device.brightness === null ? {} : { brightnessPct: device.brightness }) } : { state: 'off' };
  if (device.kind === 'door-sign') return { state: device.on ? 'on' : 'off' };
  return { state: device.on ? 'playing' : 'idle', ...(device.volume === null ? {} : { volumePct: Math.round(device.volume * 100) }) };
}

export function roomState(room: RoomView): RoomState {
  return {
    preset: room.preset?.id ?? null,
    inSession: room.inSession,
    devices: Object.fromEntries(room.devices.map((device) => [device.entityId.slice(device.entityId.indexOf('.') + 1).replaceAll('_', '-'), summary(device)])),
  };
}

export function startOfficeMqtt(
  config: NonNullable<OfficeConfig['mqtt']>,
  { env, log }: { env: NodeJS.ProcessEnv; log: Log },
): { ok: true; mqtt: OfficeMqtt } | { ok: false; message: string } {
  const statusListeners = new Listeners<[MqttStatus]>();
  const bus: BusAddress = { prefix: config.prefix, site: config.site };
  const connected = connectMqtt({
    url: config.url,
    prefix: config.prefix,
    site: config.site,
    hubId: config.hubId,
    ...(env['STILLROOM_MQTT_USERNAME'] ? { username: env['STILLROOM_MQTT_USERNAME'] } : {}),
    ...(env['STILLROOM_MQTT_PASSWORD'] ? { password: env['STILLROOM_MQTT_PASSWORD'] } : {}),
    ...(config.tls ? { tls: config.tls } : {}),
    log,
    onStatus: (status) => statusListeners.emit(status),
  });
  if (!connected.ok) return connected;
  const { link } = connected;
  const healthTopic = `${config.prefix}/${config.site}/screens/kiosk/health`;
  // Home Assistant's discovery topic is <prefix>/<component>/[<node_id>/]<object_id>/config
  // (homeassistant/components/mqtt/discovery.py, TOPIC_MATCHER: node and object ids [a-zA-Z0-9_-]).
  // The node id carries the site and the hub id, so two hubs (or two practices) on one broker never
  // overwrite each other's sensor. Home Assistant names an entity "<device name> <entity name>"
  // (tests/components/mqtt/test_mixins.py, test_default_entity_and_device_name: "Hello world Hello
  // world"), so the entity is called "Kiosk" and shows as "Stillroom Kiosk", not "Stillroom Stillroom kiosk".
  const nodeId = `stillroom_${config.site.replaceAll('-', '_')}_${config.hubId.replaceAll('-', '_')}`;
  const sensorTopic = `homeassistant/sensor/${nodeId}/kiosk/config`;
  // Earlier versions announced the sensor at a topic without the hub id. An empty retained payload
  // there removes that entity (discovery.py: an empty payload is a removal) before the new one is made,
  // and keeps the broker from handing the old config to Home Assistant at every restart.
  const formerSensorTopic = `homeassistant/sensor/stillroom_${config.site.replaceAll('-', '_')}_kiosk/config`;
  const announceSensor = async () => {
    await link.publish(formerSensorTopic, '', { retain: true });
    await link.publish(
      sensorTopic,
      JSON.stringify({
        name: 'Kiosk',
        unique_id: `stillroom_${config.site}_${config.hubId}_kiosk`,
        state_topic: healthTopic,
        value_template: '{{ value_json.state }}',
        json_attributes_topic: healthTopic,
        icon: 'mdi:tablet',
        availability: [{ topic: `${config.prefix}/${config.site}/hubs/${config.hubId}/status`, value_template: '{{ value_json.state }}' }],
        device: { identifiers: [`stillroom_${config.site}_${config.hubId}`], name: 'Stillroom', manufacturer: 'Stillroom' },
      }),
      { retain: true },
    );
  };
  const publishRoom = (room: RoomView) => void publishRoomState(link, bus, room.id, roomState(room));
  const stops = [link.onConnected(() => void announceSensor())];
  return {
    ok: true,
    mqtt: {
      link,
      bus,
      onStatus: (listener) => statusListeners.add(listener),
      serveRooms(rooms) {
        stops.push(
          link.onConnected(() => {
            for (const room of rooms.views()) publishRoom(room);
          }),
          subscribeRoomCommands(link, { ...bus, knownRooms: rooms.ids, knownPresets: rooms.presets }, rooms.command, log),
        );
      },
      roomChanged: publishRoom,
      screenHealth(health) {
        const state = !health.up ? 'down' : health.showingFallback ? 'recovering' : 'up';
        void link.publish(healthTopic, JSON.stringify({ state, crashes_today: health.crashesToday, last_reload_at: health.lastReloadAt, gpu_disabled: health.gpuDisabled }), { retain: true });
      },
      async close() {
        for (const stop of stops) stop();
        await link.close();
      },
    },
  };
}
