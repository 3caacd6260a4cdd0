/**
 * How each window reaches its page on the hub, and stays calm when it cannot:
 * - a failed load (`did-fail-load` in the main frame, or a page the hub answers with an error
 *   status) shows the shell's calm page instead of Chromium's error page, and the hub's page is
 *   tried again, sooner at first and then every half minute;
 * - a hub that refused to start (a config error) gets the calm page with its message and no
 *   retry: the same file would refuse again;
 * - a staff window of the hub's own machine carries a device session cookie (hubLink.ts), renewed
 *   while the window is open, so the desk opens as it always has without a PIN;
 * - the kiosk refuses `close` (Alt+F4, a window manager) except when the app is quitting.
 * Electron objects come in as the few methods used (checked against Electron 45's electron.d.ts),
 * so this is tested in Node.
 */
import type { CookiesGetFilter, CookiesSetDetails } from 'electron';
import type { HubLink, ShellLog } from './hubLink.ts';

/** Chromium's net::ERR_ABORTED: a load replaced by another (our own fallback or retry), not a failure. */
export const abortedLoad = -3;
/** Waits before trying the hub's page again after a failed load; the last repeats. */
export const retryDelaysMs = [2_000, 5_000, 10_000, 30_000] as const;
/** The device session cookie is looked at this often and renewed when it has less than an hour left. */
export const deviceSessionCheckMs = 15 * 60_000;
/** The hub's session cookie (main/hub/transport/httpTransport.ts `sessionCookie`). */
export const sessionCookieName = 'stillroom_staff';

export interface LoadingContents {
  loadURL(url: string): Promise<void>;
  isDestroyed(): boolean;
  on(event: 'did-fail-load', listener: (event: unknown, errorCode: number, errorDescription: string, validatedURL: string, isMainFrame: boolean) => void): unknown;
  on(event: 'did-navigate', listener: (event: unknown, url: string, httpResponseCode: number, httpStatusText: string) => void): unknown;
  on(event: 'did-finish-load', listener: () => void): unknown;
}

export interface SurfaceLoader {
  /** Loads the hub's page (again), e.g. once the hub is back. */
  load(): void;
  /** Shows the calm page with `message` and stops retrying (a hub that refused to start). */
  showRefusal(message: string): void;
  dispose(): void;
}

export interface SurfaceLoaderOptions {
  contents: LoadingContents;
  /** The hub page this window shows, e.g. http://127.0.0.1:8460/desk. */
  pageUrl: string;
  /** The calm page's URL, with a message for staff when there is one. */
  fallbackUrl(message?: string): string;
  log: ShellLog;
  delaysMs?: readonly number[];
}

export function loadSurface({ contents, pageUrl, fallbackUrl, log, delaysMs = retryDelaysMs }: SurfaceLoaderOptions): SurfaceLoader {
  const pageOrigin = new URL(pageUrl).origin;
  let failures = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let refused = false;
  let disposed = false;
  const alive = () => !disposed && !contents.isDestroyed();
  const onHub = (url: string) => {
    try {
      return new URL(url).origin === pageOrigin;
    } catch {
      return false;
    }
  };

  const go = (url: string) => {
    // A rejection is also a `did-fail-load`, handled there; only the log is left to do here.
    contents.loadURL(url).catch((error: unknown) => log('a window did not load', { url, error: error instanceof Error ? error.message : String(error) }));
  };

  function failed(url: string, why: string): void {
    if (!alive() || refused) return;
    const inMs = delaysMs[Math.min(failures, delaysMs.length - 1)] ?? 30_000;
    failures += 1;
    log('a window could not reach the hub; showing the calm page', { url, why, retryInMs: inMs });
    go(fallbackUrl());
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => alive() && !refused && go(pageUrl), inMs);
  }

  contents.on('did-fail-load', (_event, errorCode, errorDescription, validatedURL, isMainFrame) => {
    if (!isMainFrame || errorCode === abortedLoad || !onHub(validatedURL)) return;
    failed(validatedURL, errorDescription || `error ${errorCode}`);
  });
  // The hub answered, but with an error (a missing renderer build answers 404): not a page to leave up.
  contents.on('did-navigate', (_event, url, httpResponseCode) => {
    if (onHub(url) && httpResponseCode >= 400) failed(url, `HTTP ${httpResponseCode}`);
    else if (onHub(url) && httpResponseCode >= 200) failures = 0;
  });

  return {
    load() {
      if (!alive()) return;
      refused = false;
      clearTimeout(retryTimer);
      go(pageUrl);
    },
    showRefusal(message) {
      refused = true;
      clearTimeout(retryTimer);
      if (alive()) go(fallbackUrl(message));
    },
    dispose() {
      disposed = true;
      clearTimeout(retryTimer);
    },
  };
}

export interface CookieJar {
  get(filter: CookiesGetFilter): Promise<{ value: string }[]>;
  set(details: CookiesSetDetails): Promise<void>;
}

/**
 * Puts a device session for `role` in the window's cookie jar (its own partition, so the kiosk's
 * never holds one) before its page loads, and keeps it fresh. Resolves once the first try is done;
 * without a session (a hub elsewhere) the page asks for the PIN as in any browser.
 */
export async function keepDeviceSession({ cookies, hubUrl, role, link, log, now = Date.now }: { cookies: CookieJar; hubUrl: string; role: 'desk' | 'room'; link: Pick<HubLink, 'deviceSession'>; log: ShellLog; now?: () => number }): Promise<{ renew(): Promise<void>; dispose(): void }> {
  const renew = async () => {
    try {
      const held = (await cookies.get({ url: hubUrl, name: sessionCookieName }))[0]?.value;
      const session = await link.deviceSession(role, held);
      if (!session) return;
      if (session.token === held) return;
      await cookies.set({
        url: hubUrl,
        name: sessionCookieName,
        value: session.token,
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: hubUrl.startsWith('https:'),
        expirationDate: Math.floor(now() / 1000) + session.maxAgeSeconds,
      });
    } catch (error) {
      log('the window could not get its session from the hub', { role, error: error instanceof Error ? error.message : String(error) });
    }
  };
  await renew();
  const timer = setInterval(() => void renew(), deviceSessionCheckMs);
  timer.unref?.();
  return { renew, dispose: () => clearInterval(timer) };
}

/**
 * The kiosk stays open: a `close` (Alt+F4 on Windows, a window manager's close) is refused unless
 * `mayClose()` says the app is quitting (the staff exit, systemd stopping the unit).
 */
export function refuseClose(window: { on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown }, mayClose: () => boolean, log: ShellLog): void {
  window.on('close', (event) => {
    if (mayClose()) return;
    event.preventDefault();
    log('the kiosk refused to close; use the staff exit');
  });
}
