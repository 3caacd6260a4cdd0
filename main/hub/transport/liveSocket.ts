/**
 * Live updates over WebSocket at /api/live. A client sends `{type:'subscribe', topic}`; the hub
 * answers `subscribed` or `refused` and then pushes events. Access is decided from the session
 * cookie on the upgrade request, so a kiosk can never read arrivals this way either, and the
 * session is asked again before every event, at once after any logout or PIN change, and on every
 * ping: when it has ended (signed out, expired, its PIN changed) each subscription is refused with
 * "Your sign-in has ended" and the socket closed, so nothing more reaches that screen.
 *
 * Every socket holds a file descriptor and memory, so they are bounded (a flood of idle upgrades
 * once took the hub to its fd limit and then down; one socket that never read grew it by 1.4 GB):
 * a few per address, a small total for callers without a session (a kiosk only follows `office`),
 * a send buffer past which a socket that does not read is closed, a ping that closes the silent,
 * and a close after repeated messages the hub cannot understand.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { LiveClientMessage, type Access, type LiveServerMessage } from '../../contract/contract.ts';
import { describeIssues } from '../../contract/issues.ts';
import type { Hub } from '../hub.ts';
import { hostAllowed, originAllowed, type HostNames } from './allowedHosts.ts';

const maxMessageBytes = 4 * 1024;

export interface LiveSocketLimits {
  /** Sockets one address may hold open (a desk PC with a few tabs, a phone). */
  perAddress: number;
  /** Sockets without a staff session, in total: kiosks following the office, nothing more. */
  withoutSession: number;
  /** Sockets in total. */
  total: number;
  /** Bytes queued for a client that is not reading; past this it is closed. */
  sendBufferBytes: number;
  /** Messages the hub could not understand before it closes the socket. */
  invalidMessages: number;
  /** A socket that has not answered a ping within this is closed. */
  pingEveryMs: number;
}

export const defaultLiveSocketLimits: LiveSocketLimits = { perAddress: 16, withoutSession: 32, total: 512, sendBufferBytes: 1024 * 1024, invalidMessages: 5, pingEveryMs: 30_000 };

export interface LiveSocketCounts {
  open: number;
  refused: number;
  closedSlowReader: number;
  closedInvalid: number;
  closedIdle: number;
}

/**
 * The HTTP status line for a refused upgrade; the socket is then destroyed, not just ended: a
 * client that ignores the refusal (ws with an 'unexpected-response' listener) would otherwise hold
 * its half-closed socket, and enough of them fill `server.maxConnections` so nobody can check in.
 */
const refuseUpgrade = (socket: Duplex, status: string, extra = '') => socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n${extra}\r\n`, () => socket.destroy());

/** Who a socket speaks for: the role its session opened, and whether that session still holds. */
export interface LiveSession {
  role: Access;
  stillOpen(): boolean;
}

const sessionEnded = { code: 'needs-pin', message: 'Your sign-in has ended. Please enter the PIN again.' } as const;

export function attachLiveSocket(server: Server, hub: Hub, sessionOf: (request: IncomingMessage) => LiveSession, allowed: HostNames, limits: LiveSocketLimits = defaultLiveSocketLimits) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes });
  const perAddress = new Map<string, number>();
  let withoutSession = 0;
  const counts: LiveSocketCounts = { open: 0, refused: 0, closedSlowReader: 0, closedInvalid: 0, closedIdle: 0 };
  const alive = new WeakMap<WebSocket, boolean>();
  // Each open socket's check that its session still holds, run on every event and when sessions change.
  const sessions = new Map<WebSocket, () => boolean>();
  const sweep = () => {
    for (const check of [...sessions.values()]) check();
  };
  const stopSweeping = hub.staff.onSessionsChanged(sweep);

  server.on('upgrade', (request, socket, head) => {
    const path = new URL(request.url ?? '/', 'http://hub').pathname;
    if (path !== '/api/live') {
      refuseUpgrade(socket, '404 Not Found');
      return;
    }
    if (!hostAllowed(request, allowed)) {
      refuseUpgrade(socket, '421 Misdirected Request');
      return;
    }
    // A page on another site may open a WebSocket here (browsers allow it); refuse it by its Origin.
    const origin = request.headers.origin;
    if (origin !== undefined && !originAllowed(origin, request, allowed)) {
      refuseUpgrade(socket, '403 Forbidden');
      return;
    }
    const session = sessionOf(request);
    const access = session.role;
    const address = request.socket.remoteAddress ?? 'unknown';
    const fromAddress = perAddress.get(address) ?? 0;
    if (counts.open >= limits.total || fromAddress >= limits.perAddress || (access === 'kiosk' && withoutSession >= limits.withoutSession)) {
      counts.refused += 1;
      refuseUpgrade(socket, '503 Service Unavailable', 'Retry-After: 10\r\n');
      return;
    }
    // Counted before the handshake completes, so a burst of upgrades cannot all slip under the cap.
    counts.open += 1;
    perAddress.set(address, fromAddress + 1);
    if (access === 'kiosk') withoutSession += 1;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      counts.open -= 1;
      const left = (perAddress.get(address) ?? 1) - 1;
      if (left <= 0) perAddress.delete(address);
      else perAddress.set(address, left);
      if (access === 'kiosk') withoutSession -= 1;
    };
    socket.once('close', release);
    wss.handleUpgrade(request, socket, head, (ws) => serve(ws, session));
  });

  const pinger = setInterval(() => {
    sweep();
    for (const ws of wss.clients) {
      if (alive.get(ws) === false) {
        counts.closedIdle += 1;
        ws.terminate();
        continue;
      }
      alive.set(ws, false);
      ws.ping();
    }
  }, limits.pingEveryMs);
  pinger.unref();

  function serve(ws: WebSocket, session: LiveSession): void {
    const access = session.role;
    const subscriptions = new Map<string, () => void>();
    let invalid = 0;
    alive.set(ws, true);
    ws.on('pong', () => alive.set(ws, true));
    const write = (message: LiveServerMessage) => {
      if (ws.readyState !== ws.OPEN) return;
      // A client that does not read would otherwise make the hub hold every event for it.
      if (ws.bufferedAmount > limits.sendBufferBytes) {
        counts.closedSlowReader += 1;
        ws.terminate();
        return;
      }
      ws.send(JSON.stringify(message));
    };
    /** False once the session has ended: the screen is told per subscription, and the socket closes. */
    const stillOpen = () => {
      if (session.stillOpen()) return true;
      if (sessions.delete(ws)) {
        for (const [topic, unsubscribe] of subscriptions) {
          unsubscribe();
          write({ type: 'refused', topic, error: sessionEnded });
        }
        subscriptions.clear();
        ws.close(1008, 'Your sign-in has ended.');
      }
      return false;
    };
    if (access !== 'kiosk') sessions.set(ws, stillOpen);
    const send = (message: LiveServerMessage) => {
      if (message.type === 'event' && !stillOpen()) return;
      write(message);
    };

    ws.on('message', (data, isBinary) => {
      alive.set(ws, true);
      let parsed: unknown;
      try {
        parsed = isBinary ? undefined : JSON.parse(data.toString());
      } catch {
        parsed = undefined;
      }
      const message = LiveClientMessage.safeParse(parsed, { reportInput: true });
      if (!message.success) {
        invalid += 1;
        if (invalid >= limits.invalidMessages) {
          counts.closedInvalid += 1;
          ws.close(1008, 'Too many messages that were not understood.');
          return;
        }
        send({ type: 'invalid', error: { code: 'invalid-input', message: parsed === undefined ? 'Messages must be JSON text.' : `The message was not understood: ${describeIssues(message.error.issues)}.` } });
        return;
      }
      const { topic } = message.data;
      if (message.data.type === 'unsubscribe') {
        subscriptions.get(topic)?.();
        subscriptions.delete(topic);
        return;
      }
      if (!stillOpen()) return;
      if (subscriptions.has(topic)) return send({ type: 'subscribed', topic: topic as never });
      const result = hub.api.subscribe(access, topic, (event) => send({ type: 'event', topic: result.ok ? result.topic : (topic as never), event }), message.data.room ? { room: message.data.room } : {});
      if (!result.ok) return send({ type: 'refused', topic, error: result.error });
      subscriptions.set(topic, result.unsubscribe);
      send({ type: 'subscribed', topic: result.topic });
    });
    ws.on('error', () => ws.terminate());
    ws.on('close', () => {
      sessions.delete(ws);
      for (const unsubscribe of subscriptions.values()) unsubscribe();
      subscriptions.clear();
    });
  }

  return {
    counts: (): LiveSocketCounts => ({ ...counts }),
    close() {
      clearInterval(pinger);
      stopSweeping();
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
  };
}
