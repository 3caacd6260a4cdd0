/**
 * Keeps the kiosk page alive: applies `crashRecovery.ts`'s decisions to the kiosk window and
 * reports the kiosk's health to whoever listens (the hub, for the desk, MQTT and Home Assistant).
 * systemd (`Restart=always`) is the last layer: it restarts the whole app if this one gives up.
 */
import type { App, BrowserWindow } from 'electron';
import { decideRecovery, keepHistory, kioskHealth, relaunchArguments, unresponsiveGraceMs, type Incident, type KioskHealth, type ProcessGoneReason } from './crashRecovery.ts';

export interface SelfHealingWiring {
  window: Pick<BrowserWindow, 'on' | 'isDestroyed'> & { webContents: Pick<BrowserWindow['webContents'], 'on' | 'reload' | 'loadURL' | 'isDestroyed' | 'forcefullyCrashRenderer'> };
  app: Pick<App, 'on' | 'off' | 'relaunch' | 'exit'>;
  /** How the app leaves for a relaunch without the GPU: the shell closes its hub first. Default `app.exit`. */
  exitForRelaunch?: (code: number) => void;
  kioskUrl: string;
  fallbackUrl: string;
  gpuDisabled: boolean;
  /** Remembers in the data folder that the GPU is off, for a restart that does not come through `app.relaunch`. */
  markGpuDisabled(): void;
  /** `process.argv.slice(1)`: what the app was started with. */
  argv: readonly string[];
  log(message: string, fields?: Record<string, string | number | boolean | null>): void;
  now?: () => number;
}

export interface SelfHealing {
  health(): KioskHealth;
  /** Called with the new health after every change; returns a function that stops the calls. */
  onHealth(listener: (health: KioskHealth) => void): () => void;
  dispose(): void;
}

export function superviseKiosk({ window, app, exitForRelaunch = (code) => app.exit(code), kioskUrl, fallbackUrl, gpuDisabled, markGpuDisabled, argv, log, now = Date.now }: SelfHealingWiring): SelfHealing {
  const contents = window.webContents;
  const listeners = new Set<(health: KioskHealth) => void>();
  let history: Incident[] = [];
  let up = false;
  let showingFallback = false;
  let lastReloadAt: number | null = null;
  let unresponsiveTimer: ReturnType<typeof setTimeout> | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;
  /** Set while the shell itself ends a hung renderer, so that ending is not counted as a second incident. */
  let endingHungRenderer = false;

  const health = () => kioskHealth({ history, now: now(), up, showingFallback, lastReloadAt, gpuDisabled });
  const report = () => {
    const current = health();
    for (const listener of listeners) listener(current);
  };
  const alive = () => !disposed && !window.isDestroyed() && !contents.isDestroyed();

  function load(url: string, fallback: boolean): void {
    showingFallback = fallback;
    lastReloadAt = now();
    void contents.loadURL(url).catch((error: unknown) => log('the kiosk page did not load', { url, error: error instanceof Error ? error.message : String(error) }));
  }

  function handle(incident: Incident): void {
    history = keepHistory([...history, incident], incident.at);
    const decision = decideRecovery(history, incident.at, { gpuDisabled });
    log('kiosk incident', { kind: incident.kind, reason: 'reason' in incident ? incident.reason : null, action: decision.action });
    // A hung page would keep its renderer busy through a reload or a new URL; end it first, as
    // Electron's docs for `forcefullyCrashRenderer` suggest.
    if (incident.kind === 'unresponsive' && decision.action !== 'relaunch-without-gpu' && alive()) {
      endingHungRenderer = true;
      contents.forcefullyCrashRenderer();
    }
    switch (decision.action) {
      case 'reload':
        if (alive()) {
          // A crashed page cannot reload itself in place when it was the fallback; load the kiosk again.
          if (showingFallback) load(kioskUrl, false);
          else {
            lastReloadAt = now();
            contents.reload();
          }
        }
        break;
      case 'show-fallback':
        clearTimeout(retryTimer);
        if (alive()) load(fallbackUrl, true);
        retryTimer = setTimeout(() => {
          if (alive()) load(kioskUrl, false);
          report();
        }, decision.retryAt - incident.at);
        break;
      case 'relaunch-without-gpu':
        markGpuDisabled();
        app.relaunch({ args: relaunchArguments(argv) });
        exitForRelaunch(0);
        break;
      case 'ignore':
        break;
    }
    report();
  }

  contents.on('render-process-gone', (_event, details) => {
    up = false;
    if (endingHungRenderer) {
      endingHungRenderer = false;
      return;
    }
    handle({ kind: 'renderer-gone', at: now(), reason: details.reason });
  });
  contents.on('did-finish-load', () => {
    up = true;
    report();
  });
  window.on('unresponsive', () => {
    clearTimeout(unresponsiveTimer);
    unresponsiveTimer = setTimeout(() => {
      up = false;
      handle({ kind: 'unresponsive', at: now() });
    }, unresponsiveGraceMs);
  });
  window.on('responsive', () => clearTimeout(unresponsiveTimer));

  const onChildGone = (_event: unknown, details: { type: string; reason: ProcessGoneReason }) => {
    if (details.type === 'GPU') handle({ kind: 'gpu-gone', at: now(), reason: details.reason });
  };
  app.on('child-process-gone', onChildGone);

  return {
    health,
    onHealth(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      disposed = true;
      clearTimeout(unresponsiveTimer);
      clearTimeout(retryTimer);
      app.off('child-process-gone', onChildGone);
      listeners.clear();
    },
  };
}
