/**
 * A bare WebSocket client for the simulator's wire-level conformance tests: it sends exactly
 * what a test writes and lets the test wait for the frames that come back.
 */
import { WebSocket } from 'ws';

type Message = Record<string, unknown>;

export class RawHomeAssistantClient {
  /** Every text frame as parsed JSON, arrays kept as arrays. */
  readonly frames: unknown[] = [];
  /** Every message, coalesced arrays flattened, in arrival order. */
  readonly messages: Message[] = [];
  readonly closed: Promise<{ code: number }>;
  private readonly taken = new Set<number>();
  private readonly waiters = new Set<() => void>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const frame: unknown = JSON.parse(data.toString());
      this.frames.push(frame);
      for (const message of Array.isArray(frame) ? frame : [frame]) this.messages.push(message as Message);
      for (const wake of [...this.waiters]) wake();
    });
    this.closed = new Promise((resolve) => socket.on('close', (code) => {
      resolve({ code });
      for (const wake of [...this.waiters]) wake();
    }));
  }

  /** Opens a socket; `firstFrame` is sent the moment it opens, before anything is read, as the real library does with `auth`. */
  static open(httpUrl: string, firstFrame?: string | Message): Promise<RawHomeAssistantClient> {
    const socket = new WebSocket(`ws${httpUrl.slice(4)}/api/websocket`);
    const client = new RawHomeAssistantClient(socket);
    return new Promise((resolve, reject) => {
      socket.once('open', () => {
        if (firstFrame !== undefined) client.send(firstFrame);
        resolve(client);
      });
      socket.once('error', reject);
    });
  }

  /** Opens a socket and completes the auth phase. */
  static async authenticated(httpUrl: string, token: string): Promise<RawHomeAssistantClient> {
    const client = await RawHomeAssistantClient.open(httpUrl, { type: 'auth', access_token: token });
    await client.next((message) => message.type === 'auth_required');
    await client.next((message) => message.type === 'auth_ok');
    return client;
  }

  send(frame: string | Message | unknown[]): void {
    this.socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** Resolves with the first message not yet taken that matches, waiting for it if needed. */
  next(matches: (message: Message) => boolean = () => true, timeoutMs = 3000): Promise<Message> {
    return new Promise((resolve, reject) => {
      const look = () => {
        const index = this.messages.findIndex((message, at) => !this.taken.has(at) && matches(message));
        if (index === -1) return false;
        this.taken.add(index);
        finish();
        resolve(this.messages[index]!);
        return true;
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`No matching message within ${timeoutMs} ms; received ${JSON.stringify(this.messages)}`));
      }, timeoutMs);
      const finish = () => {
        clearTimeout(timer);
        this.waiters.delete(wake);
      };
      const wake = () => void look();
      if (!look()) this.waiters.add(wake);
    });
  }

  /** The next message answering command `id` (result, event or pong). */
  reply(id: unknown, timeoutMs?: number): Promise<Message> {
    return this.next((message) => message.id === id, timeoutMs);
  }

  /** Sends a command and resolves with its reply. */
  async command(message: Message): Promise<Message> {
    this.send(message);
    return this.reply(message.id);
  }

  close(): void {
    this.socket.close();
  }
}
