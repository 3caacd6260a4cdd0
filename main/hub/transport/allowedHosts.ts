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

/** The names the hub answers to; `has` takes a host as {@link hostOf} gives it. */
export interface HostNames {
  has(host: string): boolean;
}

interface HostSources {
  /** This machine's addresses (os.networkInterfaces); a seam for tests. */
  interfaces?: () => ReturnType<typeof networkInterfaces>;
  now?: () => number;
}

/** How often, at most, an unknown name makes the hub look at its own addresses again. */
const rereadMs = 2_000;

export function allowedHosts({ listen, names = [] }: { listen: string; names?: readonly string[] }, sources: HostSources = {}): HostNames {
  const { interfaces = networkInterfaces, now = Date.now } = sources;
  const fixed = new Set([...loopback, ...names.map((name) => hostOf(name))]);
  // The listen address itself, 0.0.0.0 included: `serve` prints its address as http://0.0.0.0:port
  // then, and a browser on this computer opens that. No other site can be that name (a rebinding page
  // keeps its own name in Host), so it is as safe as 127.0.0.1.
  if (listen !== '') fixed.add(hostOf(listen.includes(':') ? `[${listen}]` : listen));
  if (!everywhere.has(listen)) return fixed;
  const own = hostname().toLowerCase();
  fixed.add(own);
  fixed.add(`${own}.local`);
  // Listening on every address, the hub's own addresses are names too, and they change: a DHCP lease
  // renewed with a new address, a second network plugged in. A name we do not know makes us read the
  // addresses again (at most every 2 s, so a flood of foreign names costs nothing), so the tablets
  // that follow the new address are not turned away until a restart.
  let addresses = new Set<string>();
  let readAt = Number.NEGATIVE_INFINITY;
  const read = () => {
    readAt = now();
    addresses = new Set(Object.values(interfaces()).flatMap((list) => (list ?? []).map(({ address }) => address.toLowerCase())));
  };
  read();
  return {
    has(host) {
      if (fixed.has(host) || addresses.has(host)) return true;
      if (now() - readAt < rereadMs) return false;
      read();
      return addresses.has(host);
    },
  };
}

/** Whether the request names one of our hosts. */
export function hostAllowed(request: IncomingMessage, allowed: HostNames): boolean {
  const host = request.headers.host;
  return host !== undefined && allowed.has(hostOf(host));
}

/** Whether `origin` is this very page: our scheme and the request's own Host, which is one of ours. */
export function originAllowed(origin: string, request: IncomingMessage, allowed: HostNames): boolean {
  const host = request.headers.host;
  if (host === undefined || !allowed.has(hostOf(host))) return false;
  return origin === `http://${host}` || origin === `https://${host}`;
}
