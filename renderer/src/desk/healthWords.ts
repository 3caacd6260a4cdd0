/**
 * The office's health in words for the front desk: nothing when a part is fine (or not used by
 * this practice), a title and a kind detail when it is not. An empty list means all is calm.
 * The titles are the desk's own words in the practice's language; a detail the hub wrote (a
 * refusal's reason, a delivery problem, the hub's own trouble) stays in English for now (issue 12).
 */
import type { LinkHealth, OfficeHealth, ScreenHealth } from '../../../main/contract/contract.ts';
import type { StaffMessageId } from '../i18n/staff/catalogues.ts';
import type { StaffWords } from '../i18n/staff/StaffLanguage.tsx';

export interface HealthNote {
  /** Which part of the office: stable, for React keys and tests. */
  part: 'home-assistant' | 'mqtt' | 'notifications' | 'hub' | `screen-${ScreenHealth['screen']}`;
  title: string;
  detail: string | null;
}

export function healthNotes(health: OfficeHealth, now: number, words: StaffWords): HealthNote[] {
  return [
    linkNote('home-assistant', health.homeAssistant, homeAssistantWords, words),
    linkNote('mqtt', health.mqtt, mqttWords, words),
    notificationsNote(health.notifications, words),
    ...health.screens.map((screen) => screenNote(screen, now, words)),
    health.hub.problem === null ? null : { part: 'hub' as const, title: health.hub.problem, detail: null },
  ].filter((note): note is HealthNote => note !== null);
}

type LinkWords = Record<'connecting' | 'unreachable' | 'refused', { title: StaffMessageId; detail: StaffMessageId | null }>;

// The hub's own messages name addresses and retry countdowns: right for the log, not for the desk.
// Only a refusal passes its message on, because it says what to fix.
const homeAssistantWords: LinkWords = {
  connecting: { title: 'health.ha.connecting', detail: 'health.ha.connectingDetail' },
  unreachable: { title: 'health.ha.unreachable', detail: 'health.ha.unreachableDetail' },
  refused: { title: 'health.ha.refused', detail: null },
};
const mqttWords: LinkWords = {
  connecting: { title: 'health.mqtt.connecting', detail: 'health.mqtt.connectingDetail' },
  unreachable: { title: 'health.mqtt.unreachable', detail: 'health.mqtt.unreachableDetail' },
  refused: { title: 'health.mqtt.refused', detail: null },
};

function linkNote(part: 'home-assistant' | 'mqtt', link: LinkHealth, ids: LinkWords, { t }: StaffWords): HealthNote | null {
  if (link.state === 'connected' && link.limited) return { part, title: t('health.ha.limited'), detail: link.limited };
  if (link.state === 'connected' || link.state === 'not-configured') return null;
  const { title, detail } = ids[link.state];
  return { part, title: t(title), detail: detail ? t(detail) : link.message };
}

// A notification waiting a few seconds for its delivery is normal; only a delivery problem is news.
function notificationsNote({ pending, problem }: OfficeHealth['notifications'], { t }: StaffWords): HealthNote | null {
  if (problem === null) return null;
  const title = pending === 0 ? t('health.notifications.failed') : t('health.notifications.pending', { count: pending });
  return { part: 'notifications', title, detail: pending === 0 ? problem : t('health.notifications.retrying', { problem }) };
}

const screenNames: Record<ScreenHealth['screen'], StaffMessageId> = { kiosk: 'health.screen.kiosk' };

function screenNote(screen: ScreenHealth, now: number, { t, minutes }: StaffWords): HealthNote | null {
  const name = t(screenNames[screen.screen]);
  const part = `screen-${screen.screen}` as const;
  const crashes = screen.crashesToday === 0 ? null : t('health.screen.restarted', { count: screen.crashesToday });
  if (!screen.up) {
    const silence = Math.max(0, Math.floor((now - screen.reportedAt) / 60_000));
    return { part, title: t('health.screen.notResponding', { screen: name }), detail: [silence > 0 ? t('health.screen.lastHeard', { minutes: minutes(silence) }) : null, crashes].filter(Boolean).join(' ') || null };
  }
  if (screen.showingFallback) return { part, title: t('health.screen.fallback', { screen: name }), detail: [crashes, t('health.screen.greet')].filter(Boolean).join(' ') };
  if (crashes) return { part, title: t('health.screen.upAgain', { screen: name }), detail: crashes };
  return null;
}
