/**
 * The names the hub answers to. A request whose Host is anything else is refused with 421
 * (Misdirected Request), and a page's Origin must be one of these names too: otherwise a page
 * served as `evil.example`, with that name pointed at the hub (DNS rebinding), is same-origin
 * with the hub in the browser's eyes and can check in, sign in and read the board.
 *
 * The names: loopback (`localhost`, 127.0.0.1, ::1), the address the hub listens on, when it
 * listens on every address then this machine's own addresses and host name, and the names the
 * office file lists under `network.names` (e.g. `stillroom.local`).
 */
import type { IncomingMessage } from 'node:http';
import { hostname, networkInterfaces } from 'node:os';

const loopback = ['localhost', '127.0.0.1', '::1'];
const everywhere = new Set(['0.0.0.0', '::', '']);

/** The host part of a Host header or URL authority, lower case, without port or IPv6 brackets. */
export function hostOf(authority: string): string {
  const text = authority.trim().toLowerCase();
  if (text.startsWith('[')) return text.slice(1, text.indexOf(']') === -1 ? undefined : text.indexOf(']'));
  const colon = text.lastIndexOf(':');
  return (colon === -1 ? text : text.slice(0, colon)).replace(/\.$/, '');
}

/** Whether a listen address keeps the hub on this computer. */
export function isLoopback(address: string): boolean {
  return address === 'localhost' || address === '::1' || address.startsWith('127.');
}

export function allowedHosts({ listen, names = [] }: { listen: string; names?: readonly string[] }): Set<string> {
  const allowed = new Set([...loopback, ...names.map((name) => hostOf(name))]);
  if (!everywhere.has(listen)) allowed.add(hostOf(listen.includes(':') ? `[${listen}]` : listen));
  else {
    for (const addresses of Object.values(networkInterfaces())) for (const { address } of addresses ?? []) allowed.add(address.toLowerCase());
    const own = hostname().toLowerCase();
    allowed.add(own);
    allowed.add(`${own}.local`);
  }
  return allowed;
}

/** Whether the request names one of our hosts. */
export function hostAllowed(request: IncomingMessage, allowed: ReadonlySet<string>): boolean {
  const host = request.headers.host;
  return host !== undefined && allowed.has(hostOf(host));
}

/** Whether `origin` is this very page: our scheme and the request's own Host, which is one of ours. */
export function originAllowed(origin: string, request: IncomingMessage, allowed: ReadonlySet<string>): boolean {
  const host = request.headers.host;
  if (host === undefined || !allowed.has(hostOf(host))) return false;
  return origin === `http://${host}` || origin === `https://${host}`;
}
