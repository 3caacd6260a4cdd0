/**
 * The shell's one way to its hub, whichever hub that is:
 * - `supervisedLink`: the hub this app runs in its own utility process (hubSupervisor.ts). The
 *   shell's desk and room windows get a device session over the supervisor's channel, the staff
 *   exit's PIN is checked there, and the kiosk's health is told there.
 * - `remoteLink`: a hub elsewhere (`--hub <url>`, e.g. `stillroom serve` on the office's Home
 *   Assistant machine). Nothing but HTTP reaches it, so staff windows sign in with their PIN as
 *   any browser does, and the staff exit checks the admin PIN with a sign-in it ends at once.
 * Windows always load the hub's pages over HTTP, the path the Chromium end-to-end tests drive.
 */
import type { ScreenHealth } from '../contract/contract.ts';
import type { HubSupervisor } from './hubSupervisor.ts';

export type ShellLog = (message: string, fields?: Record<string, string | number | boolean | null>) => void;

export interface HubLink {
  /** Resolves once the hub serves (its address) or cannot start (why, in words, for the calm page). */
  ready(): Promise<{ ok: true; url: string } | { ok: false; message: string }>;
  /** A session cookie value for a staff window of this role, or null: that window signs in with a PIN. */
  deviceSession(role: 'desk' | 'room', current?: string): Promise<{ token: string; maxAgeSeconds: number } | null>;
  checkAdminPin(pin: string): Promise<boolean>;
  reportKioskHealth(health: Omit<ScreenHealth, 'reportedAt' | 'screen'>): void;
  close(): Promise<void>;
}

/**
 * The address windows load: a hub listening on every interface (`0.0.0.0`, `::`) is reached on
 * loopback, which Chromium treats as a secure context and which needs no network at all.
 */
export function windowBaseUrl(hubUrl: string): string {
  const url = new URL(hubUrl);
  if (url.hostname === '0.0.0.0') url.hostname = '127.0.0.1';
  if (url.hostname === '[::]') url.hostname = '[::1]';
  return url.origin;
}

export function supervisedLink(supervisor: HubSupervisor): HubLink {
  return {
    async ready() {
      const ready = await supervisor.ready();
      return ready.ok ? { ok: true, url: windowBaseUrl(ready.url) } : ready;
    },
    async deviceSession(role, current) {
      const answer = await supervisor.ask({ kind: 'device-session', role, ...(current === undefined ? {} : { current }) });
      return answer?.ok ? { token: answer.token, maxAgeSeconds: answer.maxAgeSeconds } : null;
    },
    async checkAdminPin(pin) {
      return (await supervisor.ask({ kind: 'admin-pin', pin }))?.ok === true;
    },
    reportKioskHealth(health) {
      supervisor.tell({ kind: 'screen-health', health: { screen: 'kiosk', ...health } });
    },
    close: () => supervisor.close(),
  };
}

export type FetchLike = (url: string, init?: { method?: string; headers?: Record<string, string>; body?: string; signal?: AbortSignal }) => Promise<{ ok: boolean; status: number; headers: { getSetCookie(): string[] }; json(): Promise<unknown> }>;

/** `--hub <url>`: a hub this app does not run. */
export function remoteLink(hubUrl: string, { fetch, log }: { fetch: FetchLike; log: ShellLog }): HubLink {
  const base = windowBaseUrl(hubUrl);
  const post = (path: string, body: unknown, cookie?: string) =>
    fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-stillroom': '1', ...(cookie ? { cookie } : {}) }, body: JSON.stringify(body), signal: AbortSignal.timeout(10_000) });
  let healthLogged = false;
  return {
    async ready() {
      return { ok: true, url: base };
    },
    async deviceSession() {
      return null;
    },
    async checkAdminPin(pin) {
      try {
        const login = await post('/api/staff/login', { pin });
        if (!login.ok) return false;
        const cookie = login.headers.getSetCookie().find((line) => line.startsWith('stillroom_staff='))?.split(';')[0];
        if (!cookie) return false;
        const session = await fetch(`${base}/api/staff/session`, { headers: { cookie }, signal: AbortSignal.timeout(10_000) });
        const access = ((await session.json()) as { access?: unknown }).access;
        await post('/api/staff/logout', {}, cookie).catch(() => undefined);
        return access === 'admin';
      } catch (error) {
        log('the hub could not check the staff exit PIN', { hub: base, error: error instanceof Error ? error.message : String(error) });
        return false;
      }
    },
    reportKioskHealth() {
      // The HTTP API takes no screen health (only the hub's own shell reports it); said once.
      if (!healthLogged) log('the kiosk health stays on this machine: a hub elsewhere does not take it', { hub: base });
      healthLogged = true;
    },
    async close() {},
  };
}
