/**
 * Starts the hub in its own process, watches it and starts it again when it dies, so a crash of
 * the hub costs the kiosk a few seconds rather than the morning. The process is whatever `spawn`
 * makes: Electron's `utilityProcess.fork` in the app (hubProcess.ts), `child_process.fork` in the
 * integration test; both run dist/main/hub-process.js (main/hub/supervised/child.ts).
 *
 * - A hub that says `refused` (a config error) is not restarted: the same file would refuse
 *   again every few seconds. The state says why, for the calm page.
 * - Restarts back off (quick at first, then every few seconds) and the count resets once a hub
 *   has stayed up for `stableAfterMs`.
 * - A restarted hub is asked for the port the first one had, so open windows and the desk keep
 *   their address.
 * - `close()` asks the hub to close (its database and broker connection) and waits for it to
 *   exit, killing it only if it does not within `closeTimeoutMs`.
 */
import { isHubReport, type HubAnswer, type HubCommand, type HubQuestion } from '../hub/supervised/protocol.ts';

/** One running hub process, as the supervisor needs it. */
export interface HubChild {
  send(command: HubCommand): void;
  kill(): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (code: number | null) => void): void;
}

export interface SpawnRequest {
  /** The port to ask for: the one the previous hub listened on, or null for the config's. */
  port: number | null;
  /** 0 for the first start, then 1, 2, … for each restart. */
  restart: number;
}

export type HubState =
  | { kind: 'starting'; restart: number }
  | { kind: 'running'; url: string }
  | { kind: 'waiting'; restart: number; inMs: number; exitCode: number | null }
  | { kind: 'refused'; message: string }
  | { kind: 'stopped' };

export interface HubSupervisorOptions {
  spawn: (request: SpawnRequest) => HubChild;
  log: (message: string, fields?: Record<string, string | number | boolean | null>) => void;
  /** Waits before each restart; the last one repeats. */
  restartDelaysMs?: readonly number[];
  /** A hub up this long has its restart count reset. */
  stableAfterMs?: number;
  /** How long `close()` waits for the hub to exit before killing it. */
  closeTimeoutMs?: number;
  /** How long a starting hub may take to say it is listening before it is killed and restarted. */
  startTimeoutMs?: number;
  now?: () => number;
}

export interface HubSupervisor {
  state(): HubState;
  /** Called on every change of state, now with the current one. Returns an unsubscribe. */
  onState(listener: (state: HubState) => void): () => void;
  /** Resolves with the hub's address once it is listening, or with the reason it refused. */
  ready(): Promise<{ ok: true; url: string } | { ok: false; message: string }>;
  /**
   * Asks the running hub (a device session, the admin PIN) and resolves with its answer, or with
   * null when no hub is running, it stops before answering, or it takes longer than `timeoutMs`.
   */
  ask<Q extends HubQuestion>(question: Q, timeoutMs?: number): Promise<Extract<HubAnswer, { kind: Q['kind'] }> | null>;
  /** Tells the running hub something that needs no answer (the kiosk's health); dropped while none runs. */
  tell(command: Extract<HubCommand, { kind: 'screen-health' }>): void;
  close(): Promise<void>;
}

export const defaultRestartDelaysMs = [250, 1000, 2000, 5000] as const;

export function superviseHub(options: HubSupervisorOptions): HubSupervisor {
  const delays = options.restartDelaysMs ?? defaultRestartDelaysMs;
  const stableAfterMs = options.stableAfterMs ?? 60_000;
  const closeTimeoutMs = options.closeTimeoutMs ?? 10_000;
  const startTimeoutMs = options.startTimeoutMs ?? 60_000;
  const now = options.now ?? Date.now;
  const listeners = new Set<(state: HubState) => void>();

  let current: HubState = { kind: 'starting', restart: 0 };
  let child: HubChild | null = null;
  let port: number | null = null;
  let restarts = 0;
  let runningSince: number | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let closing: Promise<void> | null = null;
  let nextQuestionId = 0;
  const pending = new Map<number, (answer: HubAnswer | null) => void>();
  const dropPending = () => {
    for (const resolve of pending.values()) resolve(null);
    pending.clear();
  };

  const setState = (state: HubState) => {
    current = state;
    for (const listener of listeners) listener(state);
  };
  const clearTimer = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };

  function start(): void {
    setState({ kind: 'starting', restart: restarts });
    const started = options.spawn({ port, restart: restarts });
    child = started;
    let exited = false;
    timer = setTimeout(() => {
      options.log('The hub did not start in time; starting it again', { timeoutMs: startTimeoutMs });
      started.kill();
    }, startTimeoutMs);
    started.onMessage((message) => {
      if (exited || child !== started || !isHubReport(message)) return;
      if (message.kind === 'answer') {
        pending.get(message.id)?.(message.answer);
        pending.delete(message.id);
      } else if (message.kind === 'listening') {
        clearTimer();
        runningSince = now();
        const listened = Number(new URL(message.url).port);
        if (Number.isInteger(listened) && listened > 0) port = listened;
        options.log('The hub is serving', { url: message.url, restart: restarts });
        setState({ kind: 'running', url: message.url });
      } else {
        clearTimer();
        options.log('The hub refused to start; not starting it again', { message: message.message });
        setState({ kind: 'refused', message: message.message });
      }
    });
    started.onExit((code) => {
      exited = true;
      if (child !== started) return;
      child = null;
      dropPending();
      clearTimer();
      if (closing || current.kind === 'refused' || current.kind === 'stopped') return;
      if (runningSince !== null && now() - runningSince >= stableAfterMs) restarts = 0;
      runningSince = null;
      const inMs = delays[Math.min(restarts, delays.length - 1)] ?? 1000;
      restarts += 1;
      options.log('The hub stopped unexpectedly; starting it again', { exitCode: code, inMs, restart: restarts });
      setState({ kind: 'waiting', restart: restarts, inMs, exitCode: code });
      timer = setTimeout(() => {
        timer = null;
        if (!closing) start();
      }, inMs);
    });
  }

  start();

  const supervisor: HubSupervisor = {
    state: () => current,
    onState(listener) {
      listeners.add(listener);
      listener(current);
      return () => listeners.delete(listener);
    },
    ready() {
      return new Promise((resolve) => {
        const unsubscribe = supervisor.onState((state) => {
          if (state.kind === 'running') resolve({ ok: true, url: state.url });
          else if (state.kind === 'refused') resolve({ ok: false, message: state.message });
          else if (state.kind === 'stopped') resolve({ ok: false, message: 'The hub was stopped.' });
          else return;
          queueMicrotask(() => unsubscribe());
        });
      });
    },
    ask(question, timeoutMs = 5_000) {
      const running = child;
      if (!running || current.kind !== 'running' || closing) return Promise.resolve(null);
      const id = nextQuestionId++;
      type Answer = Extract<HubAnswer, { kind: (typeof question)['kind'] }>;
      return new Promise<Answer | null>((resolve) => {
        const timeout = setTimeout(() => {
          pending.delete(id);
          resolve(null);
        }, timeoutMs);
        pending.set(id, (answer) => {
          clearTimeout(timeout);
          // The hub answers the kind it was asked; anything else counts as no answer.
          resolve(answer?.kind === question.kind ? (answer as Answer) : null);
        });
        running.send({ kind: 'ask', id, question });
      });
    },
    tell(command) {
      if (child && current.kind === 'running' && !closing) child.send(command);
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        clearTimer();
        const running = child;
        if (!running) {
          setState({ kind: 'stopped' });
          resolve();
          return;
        }
        const killTimer = setTimeout(() => {
          options.log('The hub did not close in time; stopping it', { timeoutMs: closeTimeoutMs });
          running.kill();
        }, closeTimeoutMs);
        running.onExit(() => {
          clearTimeout(killTimer);
          child = null;
          setState({ kind: 'stopped' });
          resolve();
        });
        running.send({ kind: 'close' });
      });
      return closing;
    },
  };
  return supervisor;
}
