/**
 * Live updates over WebSocket at /api/live. A client sends `{type:'subscribe', topic}`; the hub
 * answers `subscribed` or `refused` and then pushes events. Access is decided once, from the
 * session cookie on the upgrade request, so a kiosk can never read arrivals this way either.
 */
import type { IncomingMessage, Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { LiveClientMessage, type Access, type LiveServerMessage } from '../../contract/contract.ts';
import { describeIssues } from '../../contract/issues.ts';
import type { Hub } from '../hub.ts';

const maxMessageBytes = 4 * 1024;

export function attachLiveSocket(server: Server, hub: Hub, accessOf: (request: IncomingMessage) => Access) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes });

  server.on('upgrade', (request, socket, head) => {
    const path = new URL(request.url ?? '/', 'http://hub').pathname;
    if (path !== '/api/live') {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    // A page on another site may open a WebSocket here (browsers allow it); refuse it by its Origin.
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== `http://${request.headers.host}` && origin !== `https://${request.headers.host}`) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => serve(ws, accessOf(request)));
  });

  function serve(ws: WebSocket, access: Access): void {
    const subscriptions = new Map<string, () => void>();
    const send = (message: LiveServerMessage) => ws.send(JSON.stringify(message));

    ws.on('message', (data, isBinary) => {
      let parsed: unknown;
      try {
        parsed = isBinary ? undefined : JSON.parse(data.toString());
      } catch {
        parsed = undefined;
      }
      const message = LiveClientMessage.safeParse(parsed, { reportInput: true });
      if (!message.success) {
        send({ type: 'invalid', error: { code: 'invalid-input', message: parsed === undefined ? 'Messages must be JSON text.' : `The message was not understood: ${describeIssues(message.error.issues)}.` } });
        return;
      }
      const { topic } = message.data;
      if (message.data.type === 'unsubscribe') {
        subscriptions.get(topic)?.();
        subscriptions.delete(topic);
        return;
      }
      if (subscriptions.has(topic)) return send({ type: 'subscribed', topic: topic as never });
      const result = hub.api.subscribe(access, topic, (event) => send({ type: 'event', topic: result.ok ? result.topic : (topic as never), event }));
      if (!result.ok) return send({ type: 'refused', topic, error: result.error });
      subscriptions.set(topic, result.unsubscribe);
      send({ type: 'subscribed', topic: result.topic });
    });
    ws.on('error', () => ws.terminate());
    ws.on('close', () => {
      for (const unsubscribe of subscriptions.values()) unsubscribe();
      subscriptions.clear();
    });
  }

  return {
    close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
  };
}
