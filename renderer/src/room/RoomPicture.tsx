/**
 * A small picture of the room as it is now, drawn from the devices' live state: each light a soft
 * glow in its own colour and brightness (off: a dim outline), the speaker with its volume, the
 * door sign and the hall's masking. Every drawing has its words beside it, so a screen reader
 * hears what a sighted therapist sees.
 */
import type { CSSProperties, ReactNode } from 'react';
import type { DeviceView } from '../../../main/contract/contract.ts';
import { deviceName, deviceStateWords } from './roomWords.ts';
import { useStaffWords } from '../i18n/staff/StaffLanguage.tsx';

export function RoomPicture({ roomName, devices }: { roomName: string; devices: DeviceView[] }) {
  const { t } = useStaffWords();
  const lights = devices.filter((device) => device.kind === 'light');
  const others = devices.filter((device) => device.kind !== 'light');
  return (
    <section className="room-scene" aria-labelledby="room-scene-title">
      <h2 id="room-scene-title">{t('room.scene.title')}</h2>
      {lights.length > 0 && (
        <ul className="scene-lights" aria-label={t('room.scene.lights', { room: roomName })}>
          {lights.map((light) => (
            <DeviceItem key={light.entityId} device={light}>
              <span className="light-glow" style={glowStyle(light)} aria-hidden="true" />
            </DeviceItem>
          ))}
        </ul>
      )}
      {others.length > 0 && (
        <ul className="scene-others" aria-label={t('room.scene.others', { room: roomName })}>
          {others.map((device) => (
            <DeviceItem key={device.entityId} device={device}>
              <DeviceIcon device={device} />
            </DeviceItem>
          ))}
        </ul>
      )}
    </section>
  );
}

function DeviceItem({ device, children }: { device: DeviceView; children: ReactNode }) {
  const { t } = useStaffWords();
  const state = !device.available ? 'unavailable' : device.on ? 'on' : 'off';
  return (
    <li className={`scene-device scene-${device.kind}`} data-state={state} data-entity={device.entityId}>
      {children}
      <span className="scene-name">{deviceName(device)}</span>
      <span className="scene-state">{deviceStateWords(device, t)}</span>
    </li>
  );
}

/** Brighter lights glow fuller and wider; the colour is the light's own. */
function glowStyle(light: DeviceView): CSSProperties | undefined {
  if (!light.available || !light.on) return undefined;
  const level = (light.brightness ?? 100) / 100;
  const colour = light.colour ?? '#fff4e0';
  return {
    '--glow': colour,
    '--glow-alpha': (0.35 + 0.65 * level).toFixed(2),
    '--glow-size': `${Math.round(6 + 34 * level)}px`,
  } as CSSProperties;
}

function DeviceIcon({ device }: { device: DeviceView }) {
  const { t } = useStaffWords();
  if (device.kind === 'door-sign') {
    return (
      <span className="door-plate" aria-hidden="true">
        {device.on ? t('common.inSession') : ''}
      </span>
    );
  }
  const level = device.available && device.on && device.volume !== null ? device.volume : 0;
  return (
    <span className="sound-icon" aria-hidden="true">
      <svg viewBox="0 0 40 32" width="40" height="32">
        {device.kind === 'speaker' ? (
          <path d="M4 12h7l9-7v22l-9-7H4z" fill="currentColor" />
        ) : (
          <path d="M2 16c4-8 8-8 12 0s8 8 12 0 8-8 12 0" fill="none" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
        )}
        {device.kind === 'speaker' && device.on && <path d="M25 10c3 3 3 9 0 12M30 6c5 5 5 15 0 20" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" />}
      </svg>
      <span className="volume-meter">
        <span style={{ width: `${Math.round(level * 100)}%` }} />
      </span>
    </span>
  );
}
