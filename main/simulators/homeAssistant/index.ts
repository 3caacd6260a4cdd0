/** The Home Assistant simulator: start one, seed it with realistic entities, inject faults. */
export { startHomeAssistantSimulator, type HomeAssistantSimulator, type HomeAssistantSimulatorOptions, type ReceivedMessage } from './simulator.ts';
export { inputBoolean, light, mediaPlayer, switchEntity, type EntitySeed, type LightOptions, type MediaPlayerOptions } from './entities.ts';
export type { Faults } from './faults.ts';
export type { RecordedNotification } from './services.ts';
export type { StateObject } from './stateMachine.ts';
export type { AreaSeed, DeviceSeed, EntityRegistrySeed, RegistrySeeds } from './registries.ts';
