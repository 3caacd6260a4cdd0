/**
 * The contract over HTTP + WebSocket, for browsers on the office network. Implements the same
 * `StillroomBridge` the Electron preload exposes, plus the PIN sign-in only this transport needs.
 */
import type { ApiError, CallResult, LiveEvent, LiveServerMessage, LiveStatus, LiveTopic, ProcedureName, Input, Output, StillroomBridge } from '../../../main/contract/contract.ts';

// Nothing retries a failed call by itself, so the words must not say so (issue 14): the person does.
const offline: ApiError = { code: 'unavailable', message: "The hub can't be reached right now, so this wasn't done. Please try again in a moment." };

async function postJson<T>(path: string, body: unknown): Promise<CallResult<T>> {
  try {
    const response = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json', 'x-stillroom': '1' }, body: JSON.stringify(body), credentials: 'same-origin' });
    const result = (await response.json()) as CallResult<T> | { ok: true };
    return result as CallResult<T>;
  } catch {
    return { ok: false, error: offline };
  }
}

export interface HttpBridge extends StillroomBridge {
  signIn(pin: string): Promise<CallResult<unknown>>;
  /** Ends this browser's staff session (the hub forgets it and clears the cookie). */
  signOut(): Promise<CallResult<unknown>>;
}

export function createHttpBridge(): HttpBridge {
  return {
    call<P extends ProcedureName>(name: P, input: Input<P>) {
      return postJson<Output<P>>(`/api/call/${name}`, input);
    },
    signIn(pin) {
      return postJson('/api/staff/login', { pin });
    },
    signOut() {
      return postJson('/api/staff/logout', {});
    },
    subscribe(topic: LiveTopic, onEvent: (event: LiveEvent) => void, onStatus?: (status: LiveStatus) => void) {
      let socket: WebSocket | undefined;
      let stopped = false;
      let retryDelay = 500;
      let retryTimer: ReturnType<typeof setTimeout> | undefined;

      const connect = () => {
        const url = new URL('/api/live', location.href);
        url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
        socket = new WebSocket(url);
        socket.addEventListener('open', () => socket?.send(JSON.stringify({ type: 'subscribe', topic })));
        socket.addEventListener('message', (message) => {
          const data = JSON.parse(String(message.data)) as LiveServerMessage;
          if (data.type === 'subscribed') {
            retryDelay = 500;
            onStatus?.({ state: 'live' });
          } else if (data.type === 'event') onEvent(data.event);
          else if (data.type === 'refused') {
            stopped = true;
            onStatus?.({ state: 'refused', error: data.error });
            socket?.close();
          }
        });
        socket.addEventListener('close', () => {
          if (stopped) return;
          onStatus?.({ state: 'reconnecting' });
          retryTimer = setTimeout(connect, retryDelay);
          retryDelay = Math.min(retryDelay * 2, 10_000);
        });
      };
      connect();
      return () => {
        stopped = true;
        clearTimeout(retryTimer);
        socket?.close();
      };
    },
  };
}
