/**
 * The office's health in words for the front desk: nothing when a part is fine (or not used by
 * this practice), a title and a kind detail when it is not. An empty list means all is calm.
 */
import type { LinkHealth, OfficeHealth, ScreenHealth } from '../../../main/contract/contract.ts';
import { minutesWords } from '../common/clientWords.ts';

export interface HealthNote {
  /** Which part of the office: stable, for React keys and tests. */
  part: 'home-assistant' | 'mqtt' | 'notifications' | 'hub' | `screen-${ScreenHealth['screen']}`;
  title: string;
  detail: string | null;
}

export function healthNotes(health: OfficeHealth, now: number): HealthNote[] {
  return [
    linkNote('home-assistant', health.homeAssistant, homeAssistantWords),
    linkNote('mqtt', health.mqtt, mqttWords),
    notificationsNote(health.notifications),
    ...health.screens.map((screen) => screenNote(screen, now)),
    health.hub.problem === null ? null : { part: 'hub' as const, title: health.hub.problem, detail: null },
  ].filter((note): note is HealthNote => note !== null);
}

type LinkWords = Record<'connecting' | 'unreachable' | 'refused', { title: string; detail: string | null }>;

// The hub's own messages name addresses and retry countdowns: right for the log, not for the desk.
// Only a refusal passes its message on, because it says what to fix.
const homeAssistantWords: LinkWords = {
  connecting: { title: 'Reaching Home Assistant…', detail: 'The rooms’ light and sound connect in a moment.' },
  unreachable: { title: 'Home Assistant can’t be reached right now.', detail: 'Stillroom keeps trying by itself. The rooms keep their last settings.' },
  refused: { title: 'Home Assistant did not accept Stillroom’s access token.', detail: null },
};
const mqttWords: LinkWords = {
  connecting: { title: 'Reaching the office message bus (MQTT)…', detail: 'Arrivals still reach this board in the meantime.' },
  unreachable: { title: 'The office message bus (MQTT) can’t be reached right now.', detail: 'Stillroom keeps trying by itself; arrivals still reach this board.' },
  refused: { title: 'The MQTT broker did not accept Stillroom’s sign-in.', detail: null },
};

function linkNote(part: 'home-assistant' | 'mqtt', link: LinkHealth, words: LinkWords): HealthNote | null {
  if (link.state === 'connected' && link.limited) return { part, title: 'Home Assistant is connected, but not everything works.', detail: link.limited };
  if (link.state === 'connected' || link.state === 'not-configured') return null;
  const { title, detail } = words[link.state];
  return { part, title, detail: detail ?? link.message };
}

// A notification waiting a few seconds for its delivery is normal; only a delivery problem is news.
function notificationsNote({ pending, problem }: OfficeHealth['notifications']): HealthNote | null {
  if (problem === null) return null;
  const title = pending === 0 ? 'A notification could not be delivered.' : pending === 1 ? '1 notification is waiting to be delivered.' : `${pending} notifications are waiting to be delivered.`;
  return { part: 'notifications', title, detail: pending === 0 ? problem : `${problem} Stillroom keeps retrying; nothing is lost.` };
}

const screenNames: Record<ScreenHealth['screen'], string> = { kiosk: 'The kiosk screen' };

function screenNote(screen: ScreenHealth, now: number): HealthNote | null {
  const name = screenNames[screen.screen];
  const part = `screen-${screen.screen}` as const;
  const crashes = screen.crashesToday === 0 ? null : screen.crashesToday === 1 ? 'It restarted once today.' : `It restarted ${screen.crashesToday} times today.`;
  if (!screen.up) {
    const silence = Math.max(0, Math.floor((now - screen.reportedAt) / 60_000));
    return { part, title: `${name} is not responding.`, detail: [silence > 0 ? `Last heard from ${minutesWords(silence)} ago.` : null, crashes].filter(Boolean).join(' ') || null };
  }
  if (screen.showingFallback) return { part, title: `${name} is showing its fallback page.`, detail: [crashes, 'Clients may not be able to check in there; please greet them at the desk.'].filter(Boolean).join(' ') };
  if (crashes) return { part, title: `${name} is up again.`, detail: crashes };
  return null;
}
