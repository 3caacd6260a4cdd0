/**
 * The office's health as the desk's strip shows it: Home Assistant, the broker, the notification
 * outbox and the unattended screens, pushed on the `health` live topic whenever any of it changes
 * (and only then).
 */
import type { DeviceLinkStatus, LinkHealth, OfficeHealth, ScreenHealth } from '../../contract/contract.ts';
import type { MqttStatus } from '../devices/mqtt/mqttLink.ts';

export interface HealthSources {
  homeAssistant: () => DeviceLinkStatus;
  /** null: the office has no broker. */
  mqtt: () => MqttStatus | null;
  notifications: () => OfficeHealth['notifications'];
  hub: () => OfficeHealth['hub'];
}

export interface OfficeHealthBoard {
  current(): OfficeHealth;
  /** Something may have changed: publishes the health if it did. */
  changed(): void;
  /** An unattended screen's own report (from its Electron shell). */
  reportScreen(screen: ScreenHealth): void;
  stop(): void;
}

const mqttHealth = (status: MqttStatus | null): LinkHealth =>
  status === null
    ? { state: 'not-configured', message: 'No MQTT broker is set up.' }
    : { state: status.state === 'credentials-refused' ? 'refused' : status.state, message: status.message };

export function createOfficeHealth(sources: HealthSources, publish: (health: OfficeHealth) => void): OfficeHealthBoard {
  const screens = new Map<ScreenHealth['screen'], ScreenHealth>();
  let lastPublished = '';
  let stopped = false;

  const current = (): OfficeHealth => {
    const link = sources.homeAssistant();
    return {
      homeAssistant: { state: link.state === 'token-rejected' ? 'refused' : link.state, message: link.message, ...(link.limited ? { limited: link.limited } : {}) },
      mqtt: mqttHealth(sources.mqtt()),
      notifications: sources.notifications(),
      screens: [...screens.values()],
      hub: sources.hub(),
    };
  };
  const changed = () => {
    if (stopped) return;
    const health = current();
    const text = JSON.stringify(health);
    if (text === lastPublished) return;
    lastPublished = text;
    publish(health);
  };

  return {
    current,
    changed,
    reportScreen(screen) {
      screens.set(screen.screen, screen);
      changed();
    },
    stop() {
      stopped = true;
    },
  };
}
