/**
 * Which parts of the office file the running hub takes up at once, and which wait for a restart.
 *
 * Every part of the hub holds the same configuration object and reads it when it acts, so a
 * change to the clinicians, the kiosk, the desk, the front desk's route or the PINs is in force as
 * soon as the object is updated. The rest describe connections and rooms that are opened once at
 * start-up (Home Assistant, MQTT, the listening address, each room's devices, retention's timer):
 * those are written to the file and named to the admin as waiting for a restart. Of `presets`,
 * the hidden list is live (room screens read it when they are drawn); the folder waits.
 */
import type { OfficeConfig } from './officeConfig.ts';

const live = ['practice', 'clinicians', 'kiosk', 'desk', 'staff', 'frontDesk'] as const satisfies readonly (keyof OfficeConfig)[];
const atRestart = ['rooms', 'homeAssistant', 'network', 'mqtt', 'zigbee2mqtt', 'presets', 'privacy'] as const satisfies readonly (keyof OfficeConfig)[];

/** What a running hub replaces in its configuration (`running`) when the file changes to `next`. */
export function liveSections(running: OfficeConfig, next: OfficeConfig): Pick<OfficeConfig, (typeof live)[number] | 'presets'> {
  const sections = Object.fromEntries(live.map((key) => [key, next[key]])) as Pick<OfficeConfig, (typeof live)[number]>;
  return { ...sections, presets: { ...running.presets, hidden: next.presets.hidden } };
}

/** A section as it matters for a restart: the presets' hidden list is live, so only the folder counts. */
const atRestartPart = (config: OfficeConfig, key: (typeof atRestart)[number]) => (key === 'presets' ? (config.presets.folder ?? null) : (config[key] ?? null));

/** The sections of `next` that differ from what the hub started with: they take effect after a restart. */
export function restartSections(startedWith: OfficeConfig, next: OfficeConfig): string[] {
  return atRestart.filter((key) => JSON.stringify(atRestartPart(startedWith, key)) !== JSON.stringify(atRestartPart(next, key)));
}
