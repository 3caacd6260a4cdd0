/**
 * The address a speaker uses to fetch Stillroom's sounds from the hub. A speaker is another
 * device on the office network, so loopback will not do for it: the office file can name the
 * address (`network.speakerAddress`), else the address the hub listens on, and for a hub listening
 * on every interface (0.0.0.0 or ::) the first IPv4 address of this machine's network interfaces.
 */
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';

export interface SoundNetwork {
  listen: string;
  port: number;
  speakerAddress?: string | undefined;
  tls?: unknown;
}

const everywhere = new Set(['0.0.0.0', '::', '']);
const isLoopback = (host: string) => host === 'localhost' || host.startsWith('127.') || host === '::1';

/** The first address another machine can reach this one at, or null on a machine with no network. */
export function lanAddress(interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces()): string | null {
  const candidates = Object.values(interfaces).flatMap((list) => list ?? []).filter((entry) => !entry.internal && entry.family === 'IPv4');
  return candidates[0]?.address ?? null;
}

/** `http://192.168.1.20:4280`: where the hub's `/sounds/…` are for a speaker; `port` is the one it listens on. */
export function soundBaseUrl(network: SoundNetwork, port: number, interfaces?: NodeJS.Dict<NetworkInterfaceInfo[]>): string {
  const scheme = network.tls ? 'https' : 'http';
  const given = network.speakerAddress?.trim();
  if (given && /^https?:\/\//.test(given)) return given.replace(/\/+$/, '');
  const host = given || (everywhere.has(network.listen) ? (lanAddress(interfaces) ?? '127.0.0.1') : network.listen);
  return `${scheme}://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** Why the speakers may not reach the sounds, in words for the log and the README; null when they can. */
export function soundReachProblem(network: SoundNetwork): string | null {
  if (network.speakerAddress) return null;
  if (isLoopback(network.listen)) {
    return 'The hub listens on this machine only (network.listen is loopback), so speakers elsewhere cannot fetch its sounds: set network.listen to the hub\'s address (or 0.0.0.0).';
  }
  return null;
}
