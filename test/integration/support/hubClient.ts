/**
 * A small client that speaks the hub's language over real HTTP and WebSocket, so integration tests
 * read like what the kiosk and the desk do: `kiosk.checkIn(...)`, `desk.login('2468')`,
 * `desk.subscribe()` and `await feed.next()`.
 */
import { join } from 'node:path';
import WebSocket from 'ws';
import type { ApiError, Arrival, ArrivalStatus, CheckInRequest, LiveEvent, LiveServerMessage, Output } from '../../../main/contract/contract.ts';
import { createHub, type Hub, type HubOptions } from '../../../main/hub/hub.ts';
import { silentLog } from '../../../main/hub/log.ts';
import { startHttpTransport } from '../../../main/hub/transport/httpTransport.ts';
import { tempDir } from '../../support/tempDir.ts';

export const repoRoot = join(import.meta.dirname, '../../..');
export const demoConfig = join(repoRoot, 'config/demo-office.yaml');
export const demoPin = '2468';

export const newDataDir = () => tempDir('data');

/** What the hub answered: the HTTP status, headers and the parsed JSON body. */
export interface Answer<T = unknown> {
  status: number;
  headers: Headers;
  body: { ok: true; value: T } | { ok: false; error: ApiError };
}

export interface RunningHub {
  hub: Hub;
  url: string;
  dataDir: string;
  close(): Promise<void>;
}

/** Starts a real hub in this process on a free port, with its own data folder unless given one. */
export async function startHub(options: { dataDir?: string; now?: () => number; checkInPace?: HubOptions['checkInPace'] } = {}): Promise<RunningHub> {
  const dataDir = options.dataDir ?? newDataDir();
  const hub = await createHub({ configPath: demoConfig, dataDir, rendererDir: join(dataDir, 'no-renderer'), log: silentLog, ...(options.now ? { now: options.now } : {}), ...(options.checkInPace ? { checkInPace: options.checkInPace } : {}) });
  const http = await startHttpTransport(hub, { port: 0 });
  return {
    hub,
    url: http.url,
    dataDir,
    async close() {
      await http.close();
      await hub.close();
    },
  };
}

/** A raw POST, for the tests that send what no screen would. */
export async function post(url: string, path: string, body: unknown, init: { cookie?: string; contentType?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': init.contentType ?? 'application/json', 'x-stillroom': '1', ...(init.cookie ? { cookie: init.cookie } : {}), ...init.headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Answer['body'] };
}

/** The waiting-room kiosk: no session, so it may check in and nothing more. */
export function kioskAt(url: string) {
  return {
    setup: () => post(url, '/api/call/kioskSetup', {}),
    checkIn: (request: CheckInRequest) => post(url, '/api/call/checkIn', request),
    call: (procedure: string, input: unknown) => post(url, `/api/call/${procedure}`, input),
    openLive: () => LiveSocket.open(url),
  };
}

/** The arrivals on the desk's board, read as the desk does: signed in with the demo PIN. */
export async function boardAt(url: string, pin = demoPin): Promise<Arrival[]> {
  const desk = deskAt(url);
  await desk.login(pin);
  const board = await desk.board();
  if (!board.body.ok) throw new Error(board.body.error.message);
  return board.body.value.arrivals;
}

/** The front desk: signs in with the staff PIN and then holds the session cookie. */
export function deskAt(url: string) {
  let cookie: string | undefined;
  const call = <T = unknown>(procedure: string, input: unknown) => post(url, `/api/call/${procedure}`, input, cookie ? { cookie } : {}) as Promise<Answer<T>>;
  return {
    async login(pin: string): Promise<Answer> {
      const answer = await post(url, '/api/staff/login', { pin });
      const session = answer.headers.getSetCookie().find((c) => c.startsWith('stillroom_staff='));
      if (session) cookie = session.split(';')[0];
      return answer;
    },
    /** The session cookie, for tests that talk to the hub without this client. */
    cookie: () => cookie,
    logout: () => post(url, '/api/staff/logout', {}, cookie ? { cookie } : {}),
    call,
    board: () => call<Output<'deskBoard'>>('deskBoard', {}),
    setStatus: (arrivalId: string, status: ArrivalStatus) => call('setStatus', { arrivalId, status }),
    undo: () => call('undo', {}),
    checkIn: (request: CheckInRequest) => call('checkInAtDesk', request),
    /** Subscribes to `arrivals` and resolves once the hub confirms; `next()` waits for each event. */
    async subscribe(): Promise<LiveFeedClient> {
      const socket = await LiveSocket.open(url, cookie);
      socket.send({ type: 'subscribe', topic: 'arrivals' });
      const reply = await socket.next();
      if (reply.type !== 'subscribed') throw new Error(`expected the subscription to be accepted, got ${JSON.stringify(reply)}`);
      const next = async () => {
        const message = await socket.next();
        if (message.type !== 'event') throw new Error(`expected a live event, got ${JSON.stringify(message)}`);
        return message.event;
      };
      return {
        next,
        async nextArrival() {
          const event = await next();
          if (event.type !== 'arrival') throw new Error(`expected an arrival event, got ${JSON.stringify(event)}`);
          return event.arrival;
        },
        nextRaw: () => socket.nextRaw(),
        close: () => socket.close(),
      };
    },
  };
}

export interface LiveFeedClient {
  next(): Promise<LiveEvent>;
  /** The arrival carried by the next event, which must be an arrival event. */
  nextArrival(): Promise<Arrival>;
  /** The next message exactly as it came over the wire. */
  nextRaw(): Promise<string>;
  close(): void;
}

/** A WebSocket to /api/live whose messages queue up until a test asks for the next one. */
export class LiveSocket {
  readonly #queue: string[] = [];
  readonly #waiting: ((text: string) => void)[] = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const text = String(data);
      const waiter = this.#waiting.shift();
      if (waiter) waiter(text);
      else this.#queue.push(text);
    });
  }

  static open(url: string, cookie?: string): Promise<LiveSocket> {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/api/live`, cookie ? { headers: { cookie } } : {});
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new LiveSocket(ws)));
      ws.once('error', reject);
    });
  }

  send(message: unknown): void {
    this.ws.send(typeof message === 'string' || Buffer.isBuffer(message) ? message : JSON.stringify(message));
  }

  /** Waits for the next message; fails the test, naming what it waited for, after `timeoutMs`. */
  nextRaw(timeoutMs = 5000): Promise<string> {
    const queued = this.#queue.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiting.splice(this.#waiting.indexOf(deliver), 1);
        reject(new Error(`no live message arrived within ${timeoutMs} ms`));
      }, timeoutMs);
      const deliver = (text: string) => {
        clearTimeout(timer);
        resolve(text);
      };
      this.#waiting.push(deliver);
    });
  }

  async next(timeoutMs?: number): Promise<LiveServerMessage> {
    return JSON.parse(await this.nextRaw(timeoutMs)) as LiveServerMessage;
  }

  close(): void {
    this.ws.terminate();
  }
}
