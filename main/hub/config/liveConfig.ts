/**
 * Which parts of the office file the running hub takes up at once, and which wait for a restart.
 *
 * Every part of the hub holds the same configuration object and reads it when it acts, so a
 * change to the clinicians, the kiosk, the desk, the front desk's route or the PINs is in force as
 * soon as the object is updated. The rest describe connections and rooms that are opened once at
 * start-up (Home Assistant, MQTT, the listening address, each room's devices, retention's timer):
 * those are written to the file and named to the admin as waiting for a restart.
 */
import type { OfficeConfig } from './officeConfig.ts';

const live = ['practice', 'clinicians', 'kiosk', 'desk', 'staff', 'frontDesk'] as const satisfies readonly (keyof OfficeConfig)[];
const atRestart = ['rooms', 'homeAssistant', 'network', 'mqtt', 'zigbee2mqtt', 'presets', 'privacy'] as const satisfies readonly (keyof OfficeConfig)[];

/** What a running hub replaces in its configuration when the file changes. */
export function liveSections(next: OfficeConfig): Pick<OfficeConfig, (typeof live)[number]> {
  return Object.fromEntries(live.map((key) => [key, next[key]])) as Pick<OfficeConfig, (typeof live)[number]>;
}

/** The sections of `next` that differ from what the hub started with: they take effect after a restart. */
export function restartSections(startedWith: OfficeConfig, next: OfficeConfig): string[] {
  return atRestart.filter((key) => JSON.stringify(startedWith[key] ?? null) !== JSON.stringify(next[key] ?? null));
}
