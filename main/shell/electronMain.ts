/**
 * The Electron entry (bundled to `dist/main/electron.cjs`): hardens the app, starts the hub and
 * opens one window per requested role. Every decision it applies is a pure function in this
 * folder; what is left here is the order Electron needs things done in.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BrowserWindow, Menu, app, dialog, ipcMain, powerSaveBlocker, protocol, session } from 'electron';
import type { Access } from '../contract/contract.ts';
import { ConfigError } from '../hub/config/loadConfig.ts';
import { createHub, type Hub } from '../hub/hub.ts';
import { appOrigin, appScheme, appUrl } from './appProtocol.ts';
import { gpuDisabledAtStart } from './crashRecovery.ts';
import { scheduleDisplayPower } from './displayPower.ts';
import { denyPermissions, hardenWebContents, lockKioskContents } from './hardening.ts';
import { registerIpc, type IpcHandle } from './ipc.ts';
import { parseLaunchOptions, type LaunchOptions } from './launchOptions.ts';
import { windowPlanFor } from './roles.ts';
import { superviseKiosk } from './selfHealing.ts';
import { serveRenderer } from './serveRenderer.ts';
import { shellPaths } from './shellPages.ts';
import { staffExitStatus } from './staffExit.ts';
import { watchStaffExit } from './staffExitWindow.ts';
import { staffExitWindowOptions, windowOptionsFor } from './windowOptions.ts';

/** Shown to a person (dialog and stderr), then the app quits: no stack trace for a known problem. */
function failStartup(message: string): never {
  console.error(`Stillroom could not start: ${message}`);
  dialog.showErrorBox('Stillroom could not start', message);
  app.exit(1);
  process.exit(1);
}

// Must happen before `ready`. `standard` gives the scheme real origins (for CSP and the sender
// check), `secure` makes it a secure context; no `bypassCSP`.
protocol.registerSchemesAsPrivileged([{ scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
app.enableSandbox();

const launch = parseLaunchOptions(process.argv.slice(1), {
  configPath: path.join(app.getAppPath(), 'config', 'demo-office.yaml'),
  cwd: process.cwd(),
});
if (!launch.ok) failStartup(launch.message);
const options: LaunchOptions = launch.options;

// `--data` holds the hub's database and Chromium's profile alike, so each data folder is its own
// single instance (and each test gets a fresh profile).
if (options.dataDir !== null) app.setPath('userData', options.dataDir);

// Written when the GPU process kept crashing (selfHealing.ts); read before `ready`, the only
// time hardware acceleration can still be switched off.
const gpuMarkPath = path.join(app.getPath('userData'), 'gpu-disabled-at');
function readGpuMark(): number | null {
  try {
    const at = Date.parse(readFileSync(gpuMarkPath, 'utf8').trim());
    return Number.isNaN(at) ? null : at;
  } catch {
    return null;
  }
}
const gpuDisabled = gpuDisabledAtStart(process.argv.slice(1), readGpuMark(), Date.now());
if (gpuDisabled) app.disableHardwareAcceleration();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  start();
}

function start(): void {
  const accessByContents = new Map<number, Access>();
  let hub: Hub | undefined;
  let ipc: IpcHandle | undefined;

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, appOrigin));

  app.on('second-instance', () => {
    const first = BrowserWindow.getAllWindows()[0];
    if (!first) return;
    if (first.isMinimized()) first.restore();
    first.focus();
  });

  app.on('window-all-closed', () => app.quit());

  let closing = false;
  /** 0, or `staffExitStatus` after the staff exit, so the OS supervisor leaves the kiosk stopped. */
  let exitCode = 0;
  app.on('will-quit', (event) => {
    if (closing || !hub) return;
    event.preventDefault();
    closing = true;
    ipc?.dispose();
    hub.close().then(
      () => app.exit(exitCode),
      (error: unknown) => {
        console.error('Stillroom: the hub did not close cleanly', error);
        app.exit(1);
      },
    );
  });

  void app.whenReady().then(async () => {
    // Without this, packaged apps keep the default menu's reload, devtools and fullscreen keys.
    Menu.setApplicationMenu(null);
    denyPermissions(session.defaultSession, appOrigin);
    const rendererDir = path.join(app.getAppPath(), 'dist', 'renderer');
    serveRenderer(protocol, rendererDir);

    try {
      // Packaged, the built-in presets are an extra resource beside the asar; unpackaged, the repository's.
      const presetsDir = app.isPackaged ? path.join(process.resourcesPath, 'presets') : path.join(app.getAppPath(), 'presets');
      hub = await createHub({ configPath: options.configPath, dataDir: options.dataDir ?? app.getPath('userData'), rendererDir, presetsDir });
    } catch (error) {
      if (error instanceof ConfigError) failStartup(error.message);
      throw error;
    }
    ipc = registerIpc({ ipcMain, api: hub.api, appOrigin, log: hub.log, accessFor: (id) => accessByContents.get(id) });

    const preloadPath = path.join(__dirname, 'preload.cjs');
    for (const spec of options.windows) {
      const plan = windowPlanFor(spec);
      const window = new BrowserWindow(windowOptionsFor(plan.role, { packaged: app.isPackaged, preloadPath }));
      const contents = window.webContents;
      const id = contents.id;
      accessByContents.set(id, plan.access);
      if (plan.locked) lockKioskContents(contents);
      if (plan.role === 'kiosk') superviseKioskWindow(window, plan.surfacePath, hub);
      // A reload or crash ends the page's subscriptions; the new page makes its own.
      contents.on('did-start-navigation', (details) => {
        if (details.isMainFrame && !details.isSameDocument) ipc?.forget(id);
      });
      contents.on('render-process-gone', () => ipc?.forget(id));
      contents.once('destroyed', () => {
        ipc?.forget(id);
        accessByContents.delete(id);
      });
      window.once('ready-to-show', () => window.show());
      void window.loadURL(appUrl(plan.surfacePath));
    }
  }).catch((error: unknown) => {
    console.error('Stillroom could not start', error);
    app.exit(1);
  });

  /**
   * The kiosk's own care: crash recovery (its health goes to the hub, which shows it on the desk
   * and publishes it), the display awake in opening hours and dimmed outside them, and the hidden
   * staff exit behind the admin PIN.
   */
  function superviseKioskWindow(window: BrowserWindow, surfacePath: string, hub: Hub): void {
    const log = (message: string, fields?: Record<string, string | number | boolean | null>) => hub.log.info(message, fields);
    const healing = superviseKiosk({
      window,
      app,
      kioskUrl: appUrl(surfacePath),
      fallbackUrl: appUrl(shellPaths.fallback),
      gpuDisabled,
      markGpuDisabled: () => writeFileSync(gpuMarkPath, new Date().toISOString()),
      argv: process.argv.slice(1),
      log,
    });
    healing.onHealth((health) => hub.reportScreenHealth({ screen: 'kiosk', ...health }));
    const display = scheduleDisplayPower({ hours: hub.config.kiosk.openingHours ?? null, contents: window.webContents, powerSaveBlocker, log });
    const staffExit = watchStaffExit({
      kiosk: window,
      ipcMain,
      appOrigin,
      createWindow: (windowOptions) => new BrowserWindow(windowOptions),
      windowOptions: staffExitWindowOptions({ packaged: app.isPackaged, preloadPath: path.join(__dirname, 'preload.cjs') }),
      verifyPin: (pin) => hub.staff.checkAdminPin(pin, 'kiosk staff exit'),
      quit: () => {
        exitCode = staffExitStatus;
        app.quit();
      },
      log,
    });
    window.once('closed', () => {
      healing.dispose();
      display.dispose();
      staffExit.dispose();
    });
  }
}
