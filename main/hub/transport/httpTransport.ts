/**
 * The HTTP + WebSocket transport: the same contract as Electron IPC, for browsers on the office
 * network and for the end-to-end tests.
 *
 *   POST /api/call/<procedure>   JSON in, `{ok, value}` or `{ok:false, error}` out
 *   POST /api/staff/login        `{pin}`; sets an HttpOnly, SameSite=Strict session cookie
 *   POST /api/staff/logout
 *   GET  /api/staff/session      `{staff: boolean}`
 *   GET  /api/live (WebSocket)   subscribe to live topics
 *   GET  /sounds/<name>.mp3      Stillroom's own sounds for the speakers (sounds/soundStreams.ts)
 *   GET  anything else           the built renderer
 *
 * A caller without a staff session is treated as a kiosk: it may check in and nothing more.
 */
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { StaffLogin, isProcedureName, procedures, type ApiError, type ApiErrorCode } from '../../contract/contract.ts';
import { describeIssues } from '../../contract/issues.ts';
import { errorName } from '../log.ts';
import type { Hub } from '../hub.ts';
import { readJsonBody } from './requestBody.ts';
import { paceMessage } from '../arrivals/checkInPace.ts';
import { contentSecurityPolicy, serveRendererFile } from './staticFiles.ts';
import { allowedHosts, hostAllowed, isLoopback, originAllowed, type HostNames } from './allowedHosts.ts';
import { attachLiveSocket, type LiveSocketCounts } from './liveSocket.ts';
import { soundPathPrefix } from '../sounds/soundStreams.ts';

export const sessionCookie = 'stillroom_staff';

/**
 * Every API request that changes or reads anything carries this header. A page on another site
 * cannot add a custom header without a CORS preflight, which the hub never grants, so together
 * with SameSite=Strict cookies this stops cross-site request forgery.
 */
export const requestHeader = 'x-stillroom';

function fromOwnScreen(request: IncomingMessage, allowed: HostNames): boolean {
  if (request.headers[requestHeader] !== '1') return false;
  const origin = request.headers.origin;
  return origin === undefined || originAllowed(origin, request, allowed);
}

/**
 * Open connections of any kind (each is a file descriptor). Past this Node drops new ones at
 * once, so a flood costs the attacker their sockets and never leaves the hub without the
 * descriptors it needs to log and write its database (kept below the common soft limit of 1,024).
 */
export const maxConnections = 768;

const statusFor: Record<ApiErrorCode, number> = {
  'invalid-input': 400,
  'needs-pin': 401,
  'not-allowed': 403,
  'not-found': 404,
  conflict: 409,
  'too-many-tries': 429,
  unavailable: 503,
};


export function cookieValue(request: IncomingMessage, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

/** An API path for the log: ours as it is, anything else only as its length. */
const knownPath = (path: string) => (['/api/staff/login', '/api/staff/logout', '/api/staff/session'].includes(path) || (path.startsWith('/api/call/') && isProcedureName(path.slice(10))) ? path : `(another path, ${path.length} characters)`);

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text), ...headers });
  response.end(text);
}

function sendError(response: ServerResponse, error: ApiError, status = statusFor[error.code]): void {
  const headers: Record<string, string> = error.retryAfterSeconds ? { 'retry-after': String(error.retryAfterSeconds) } : {};
  sendJson(response, status, { ok: false, error }, headers);
}

export interface HttpTransport {
  server: Server;
  url: string;
  /** How the live sockets are doing: open, refused, and closed for each reason. */
  liveCounts(): LiveSocketCounts;
  close(): Promise<void>;
}

export interface HttpTransportOptions {
  port: number;
  host?: string;
  /** PEM certificate and key: serve HTTPS, and mark the session cookie Secure. */
  tls?: { cert: Buffer; key: Buffer };
}

export async function startHttpTransport(hub: Hub, { port, host = '127.0.0.1', tls }: HttpTransportOptions): Promise<HttpTransport> {
  const secureCookie = tls ? '; Secure' : '';
  const allowed = allowedHosts({ listen: host, names: hub.config.network.names });
  if (!tls && !isLoopback(host)) {
    hub.log.warn('serving beyond this computer without TLS: staff PINs and session cookies cross the network unencrypted; set network.tls in the office file', { listen: host });
  }
  const accessOf = (request: IncomingMessage) => hub.staff.access(cookieValue(request, sessionCookie));

  async function handleApi(request: IncomingMessage, response: ServerResponse, path: string): Promise<void> {
    if (path === '/api/staff/session' && request.method === 'GET') {
      const access = accessOf(request);
      sendJson(response, 200, { staff: access !== 'kiosk', access });
      return;
    }
    if (request.method !== 'POST') {
      sendJson(response, 405, { ok: false, error: { code: 'invalid-input', message: 'Use POST for this request.' } }, { allow: 'POST' });
      return;
    }
    if (!fromOwnScreen(request, allowed)) {
      request.resume();
      sendError(response, { code: 'not-allowed', message: 'This request must come from a Stillroom screen.' });
      return;
    }
    const body = await readJsonBody(request);
    if (!body.ok) {
      response.setHeader('connection', 'close');
      sendError(response, body.error, body.status);
      return;
    }
    if (path === '/api/staff/login') {
      const login = StaffLogin.safeParse(body.value, { reportInput: true });
      if (!login.success) return sendError(response, { code: 'invalid-input', message: `The PIN was not understood: ${describeIssues(login.error.issues)}.` });
      const result = await hub.staff.login(login.data.pin, request.socket.remoteAddress ?? 'unknown');
      if (!result.ok) return sendError(response, result.error);
      sendJson(response, 200, { ok: true }, { 'set-cookie': `${sessionCookie}=${result.token}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${result.maxAgeSeconds}${secureCookie}` });
      return;
    }
    if (path === '/api/staff/logout') {
      const token = cookieValue(request, sessionCookie);
      if (token) hub.staff.logout(token);
      sendJson(response, 200, { ok: true }, { 'set-cookie': `${sessionCookie}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0` });
      return;
    }
    const name = path.slice('/api/call/'.length);
    if (!path.startsWith('/api/call/') || !isProcedureName(name)) {
      sendError(response, { code: 'not-found', message: 'There is no such request.' });
      return;
    }
    const access = accessOf(request);
    // Not signed in at all: ask for a PIN. Signed in too low: the API says which PIN is needed.
    if (access === 'kiosk' && procedures[name].access !== 'kiosk') {
      sendError(response, { code: 'needs-pin', message: 'Please enter the staff PIN to see this.' });
      return;
    }
    if (name === 'checkIn' && procedures.checkIn.input.safeParse(body.value).success) {
      // Per kiosk address, and a ceiling for the whole hub (arrivals/checkInPace.ts). Only a
      // check-in that would be taken counts: a malformed one is refused in words and costs nothing.
      const pace = hub.checkInPace.take(request.socket.remoteAddress ?? 'unknown');
      if (!pace.ok) return sendError(response, { code: 'too-many-tries', message: paceMessage, retryAfterSeconds: pace.retryAfterSeconds });
    }
    const result = await hub.api.call(access, name, body.value);
    if (result.ok) sendJson(response, 200, result);
    else sendError(response, result.error);
  }

  const handle: RequestListener = (request, response) => {
    if (!hostAllowed(request, allowed)) {
      request.resume();
      response.writeHead(421, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' }).end('This Stillroom hub does not answer to that name. If the name is yours, add it under network.names in the office file.\n');
      return;
    }
    if (tls) response.setHeader('strict-transport-security', 'max-age=31536000');
    response.setHeader('x-content-type-options', 'nosniff');
    response.setHeader('referrer-policy', 'no-referrer');
    response.setHeader('content-security-policy', contentSecurityPolicy);
    const path = new URL(request.url ?? '/', 'http://hub').pathname;
    if (path.startsWith('/api/')) {
      handleApi(request, response, path).catch((error: unknown) => {
        // Nothing in here may throw again: an exception from this handler would end the process.
        try {
          // The path only when it is one of ours: anything else in it is the caller's text.
          hub.log.error('http request failed', { path: knownPath(path), error: errorName(error) });
        } catch {
          // The log itself failed (it counts its own losses); answering the screen matters more.
        }
        try {
          if (!response.headersSent) sendError(response, { code: 'unavailable', message: 'Something went wrong on the hub. Please try again in a moment.' });
          else response.destroy();
        } catch {
          response.destroy();
        }
      });
      return;
    }
    if (path.startsWith(soundPathPrefix)) return hub.sounds.serve(request, response, path);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET' }).end();
      return;
    }
    serveRendererFile(hub.rendererDir, path, response);
  };
  const server: Server = tls ? createTlsServer({ cert: tls.cert, key: tls.key }, handle) : createServer(handle);
  server.requestTimeout = 10_000;
  server.headersTimeout = 5_000;
  server.maxConnections = maxConnections;
  const live = attachLiveSocket(server, hub, (request) => hub.staff.watch(cookieValue(request, sessionCookie)), allowed);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  hub.sounds.listeningOn(address.port);
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    server,
    liveCounts: live.counts,
    url: `${tls ? 'https' : 'http'}://${shownHost}:${address.port}`,
    async close() {
      live.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
