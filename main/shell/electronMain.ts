/**
 * The Electron entry (bundled to `dist/main/electron.cjs`): hardens the app, starts the hub in its
 * own utility process (or finds the hub named by `--hub <url>`) and opens one window per requested
 * role on the hub's own pages over HTTP, the way every browser in the office reaches them. Every
 * decision it applies is a function in this folder tested in Node; what is left here is the
 * order Electron needs things done in.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, Menu, app, dialog, ipcMain, net, powerSaveBlocker, protocol, session, utilityProcess } from 'electron';
import { cliInvocation } from './appCli.ts';
import { appOrigin, appScheme, appUrl } from './appProtocol.ts';
import { loadOfficeConfig } from '../hub/config/loadConfig.ts';
import { gpuDisabledAtStart } from './crashRecovery.ts';
import type { OpeningHours } from './displaySchedule.ts';
import { scheduleDisplayPower } from './displayPower.ts';
import { denyPermissions, hardenWebContents, lockKioskContents } from './hardening.ts';
import { remoteLink, supervisedLink, type HubLink, type ShellLog } from './hubLink.ts';
import { utilityHubSpawner } from './hubProcess.ts';
import { superviseHub, type HubSupervisor } from './hubSupervisor.ts';
import { parseLaunchOptions, type LaunchOptions } from './launchOptions.ts';
import { windowPlanFor, type WindowRole } from './roles.ts';
import { superviseKiosk } from './selfHealing.ts';
import { serveRenderer } from './serveRenderer.ts';
import { fallbackPath } from './shellPages.ts';
import { markStaffExit, staffExitStatus } from './staffExit.ts';
import { watchStaffExit } from './staffExitWindow.ts';
import { keepDeviceSession, loadSurface, refuseClose, type SurfaceLoader } from './windowLoading.ts';
import { partitionFor, staffExitWindowOptions, windowOptionsFor } from './windowOptions.ts';

/** One JSON line per event on standard output (journald under systemd). Never client data. */
const log: ShellLog = (message, fields = {}) => console.log(JSON.stringify({ at: new Date().toISOString(), from: 'shell', message, ...fields }));

/** Shown to a person (dialog and stderr), then the app quits: no stack trace for a known problem. */
function failStartup(message: string): never {
  console.error(`Stillroom could not start: ${message}`);
  dialog.showErrorBox('Stillroom could not start', message);
  app.exit(1);
  process.exit(1);
}

const cli = cliInvocation(process.argv.slice(1), { packaged: app.isPackaged });
if (cli) void runCliInApp(cli.command, cli.args);
else startApp();

/**
 * `stillroom hash-pin`, `stillroom serve` from the installed app: the hub's own CLI module
 * (dist/main/cli.js, ESM, loaded by `import()`) run in this main process, no window opened.
 */
async function runCliInApp(command: string, args: string[]): Promise<void> {
  const presetsDir = app.isPackaged ? path.join(process.resourcesPath, 'presets') : path.join(app.getAppPath(), 'presets');
  const cliModule = (await import(pathToFileURL(path.join(__dirname, 'cli.js')).href)) as typeof import('../hub/cli.ts');
  const result = await cliModule.runCli([command, ...args], { presetsDir });
  if (result !== 'serving') app.exit(result);
}

function startApp(): void {
  // Must happen before `ready`. `standard` gives the scheme real origins (for CSP and the sender
  // check), `secure` makes it a secure context; no `bypassCSP`. The scheme now serves only the
  // shell's own pages (the calm page, the staff-exit PIN pad): they must work with no hub at all.
  protocol.registerSchemesAsPrivileged([{ scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
  app.enableSandbox();

  const launch = parseLaunchOptions(process.argv.slice(1), {
    configPath: path.join(app.getAppPath(), 'config', 'demo-office.yaml'),
    cwd: process.cwd(),
  });
  if (!launch.ok) failStartup(launch.message);
  const options: LaunchOptions = launch.options;

  // `--data` holds the hub's database and Chromium's profile alike, so each data folder is its own
  // single instance (and each test gets a fresh profile). The hub's own lock on its data folder
  // refuses a second hub (`stillroom serve`) there as well.
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
    start(options, gpuDisabled, gpuMarkPath);
  }
}

function start(options: LaunchOptions, gpuDisabled: boolean, gpuMarkPath: string): void {
  let link: HubLink | undefined;
  let supervisor: HubSupervisor | undefined;
  const loaders = new Set<SurfaceLoader>();
  /** Set once the app is on its way out (staff exit, systemd, the last window): only then may the kiosk close. */
  let quitting = false;
  /** 0, or `staffExitStatus` after the staff exit, so the OS supervisor leaves the kiosk stopped. */
  let exitCode = 0;

  app.on('second-instance', () => {
    const first = BrowserWindow.getAllWindows()[0];
    if (!first) return;
    if (first.isMinimized()) first.restore();
    first.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => {
    quitting = true;
  });
  // systemd stops the unit with SIGTERM: quit as after any other request, closing the hub first.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      quitting = true;
      app.quit();
    });
  }

  let closed = false;
  app.on('will-quit', (event) => {
    if (closed || !link) return;
    event.preventDefault();
    closed = true;
    quitting = true;
    for (const loader of loaders) loader.dispose();
    link.close().then(
      () => app.exit(exitCode),
      (error: unknown) => {
        log('the hub did not close cleanly', { error: error instanceof Error ? error.message : String(error) });
        app.exit(1);
      },
    );
  });

  void app.whenReady().then(async () => {
    // Without this, packaged apps keep the default menu's reload, devtools and fullscreen keys.
    Menu.setApplicationMenu(null);
    const rendererDir = path.join(app.getAppPath(), 'dist', 'renderer');
    // Packaged, the built-in presets are an extra resource beside the asar; unpackaged, the repository's.
    const presetsDir = app.isPackaged ? path.join(process.resourcesPath, 'presets') : path.join(app.getAppPath(), 'presets');

    if (options.hubUrl !== null) {
      link = remoteLink(options.hubUrl, { fetch: (url, init) => net.fetch(url, init), log });
    } else {
      supervisor = superviseHub({
        spawn: utilityHubSpawner((modulePath, args, forkOptions) => utilityProcess.fork(modulePath, args, forkOptions), {
          entry: path.join(__dirname, 'hub-process.js'),
          configPath: options.configPath,
          dataDir: options.dataDir ?? app.getPath('userData'),
          rendererDir,
          presetsDir,
          ...(options.port === null ? {} : { port: options.port }),
        }),
        log,
      });
      link = supervisedLink(supervisor);
    }
    const hub = link;
    const ready = await hub.ready();
    // Windows may go to the hub's pages only; the shell's own calm page and PIN pad are loaded
    // by the shell itself, never navigated to by a page.
    const pageOrigin = ready.ok ? ready.url : appOrigin;
    app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, pageOrigin));
    const sessions = new Set<WindowRole>();
    const sessionFor = (role: WindowRole) => {
      const windowSession = session.fromPartition(partitionFor(role));
      if (!sessions.has(role)) {
        sessions.add(role);
        denyPermissions(windowSession, pageOrigin);
        // Each partition has its own protocol handlers (Session.protocol, electron.d.ts).
        serveRenderer(windowSession.protocol, rendererDir);
      }
      return windowSession;
    };

    const preloadPath = path.join(__dirname, 'preload.cjs');
    for (const spec of options.windows) {
      const plan = windowPlanFor(spec);
      const windowSession = sessionFor(plan.role);
      const window = new BrowserWindow(windowOptionsFor(plan.role, { packaged: app.isPackaged, preloadPath }));
      const contents = window.webContents;
      if (plan.locked) lockKioskContents(contents);
      const loader = loadSurface({ contents, pageUrl: `${pageOrigin}${plan.surfacePath}`, fallbackUrl: (problem) => appUrl(fallbackPath(problem)), log });
      loaders.add(loader);
      window.once('ready-to-show', () => window.show());
      let disposeSession = () => {};
      if (plan.role === 'kiosk') {
        refuseClose(window, () => quitting, log);
        superviseKioskWindow(window, `${pageOrigin}${plan.surfacePath}`, pageOrigin, hub);
      } else if (ready.ok) {
        // The desk and room windows of the hub's own machine open signed in, as they always
        // have; at a hub elsewhere they ask for the PIN like any browser.
        const role = plan.role;
        const keeper = await keepDeviceSession({ cookies: windowSession.cookies, hubUrl: ready.url, role, link: hub, log });
        disposeSession = keeper.dispose;
        supervisor?.onState((state) => state.kind === 'running' && void keeper.renew());
      }
      window.once('closed', () => {
        loader.dispose();
        loaders.delete(loader);
        disposeSession();
      });
      if (ready.ok) loader.load();
      else loader.showRefusal(ready.message);
    }
    // A hub restarted after a hand edit broke the office file refuses: every window says why, calmly.
    supervisor?.onState((state) => {
      if (state.kind === 'refused') for (const loader of loaders) loader.showRefusal(state.message);
    });
  }).catch((error: unknown) => {
    log('Stillroom could not start', { error: error instanceof Error ? error.message : String(error) });
    app.exit(1);
  });

  /**
   * The kiosk's own care: crash recovery (its health goes to the hub, which shows it on the desk
   * and publishes it), the display awake in opening hours and dimmed outside them, and the hidden
   * staff exit behind the admin PIN.
   */
  /**
   * The kiosk's opening hours, read from the office file the hub of this app runs (it has
   * already checked it). A hub elsewhere: none here, so the display stays awake.
   */
  function openingHours(): OpeningHours | null {
    if (options.hubUrl !== null) return null;
    try {
      return loadOfficeConfig(options.configPath).kiosk.openingHours ?? null;
    } catch {
      return null;
    }
  }

  function superviseKioskWindow(window: BrowserWindow, kioskUrl: string, kioskOrigin: string, hub: HubLink): void {
    const healing = superviseKiosk({
      window,
      app,
      // A GPU relaunch closes the hub first (its database and broker connection), then exits.
      exitForRelaunch: (code) => {
        quitting = true;
        closed = true;
        void hub.close().finally(() => app.exit(code));
      },
      kioskUrl,
      fallbackUrl: appUrl(fallbackPath()),
      gpuDisabled,
      markGpuDisabled: () => writeFileSync(gpuMarkPath, new Date().toISOString()),
      argv: process.argv.slice(1),
      log,
    });
    healing.onHealth((health) => hub.reportKioskHealth(health));
    const display = scheduleDisplayPower({ hours: openingHours(), contents: window.webContents, powerSaveBlocker, log });
    const staffExit = watchStaffExit({
      kiosk: window,
      ipcMain,
      appOrigin,
      kioskOrigin,
      createWindow: (windowOptions) => new BrowserWindow(windowOptions),
      windowOptions: staffExitWindowOptions({ packaged: app.isPackaged, preloadPath: path.join(__dirname, 'preload.cjs') }),
      verifyPin: (pin) => hub.checkAdminPin(pin),
      quit: () => {
        exitCode = staffExitStatus;
        quitting = true;
        markStaffExit(process.env, log);
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
