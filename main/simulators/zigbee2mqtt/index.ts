/** A simulated zigbee2mqtt bridge and lights on a real MQTT broker, for tests and the demo office. */
export { startZigbee2mqttSimulator, type SimulatedLightSeed, type SimulatedLightState, type Zigbee2mqttSimulator } from './zigbee2mqttSimulator.ts';
