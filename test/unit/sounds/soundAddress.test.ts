/** The address a speaker is given for the hub's sounds: one it can reach from the office network. */
import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { soundBaseUrl, soundReachProblem } from '../../../main/hub/sounds/soundAddress.ts';

const nic = (address: string, family: 'IPv4' | 'IPv6', internal = false) => ({ address, family, internal, netmask: '', mac: '', cidr: null }) as NetworkInterfaceInfo;
const interfaces = { lo: [nic('127.0.0.1', 'IPv4', true)], eth0: [nic('fe80::1', 'IPv6'), nic('192.168.1.20', 'IPv4')] };

describe("the hub's address for speakers", () => {
  it('is the configured speaker address, with the port the hub listens on', () => {
    expect(soundBaseUrl({ listen: '0.0.0.0', port: 4280, speakerAddress: 'hub.local' }, 4281, interfaces)).toBe('http://hub.local:4281');
    expect(soundBaseUrl({ listen: '0.0.0.0', port: 4280, speakerAddress: 'http://10.0.0.5:8080/' }, 4281, interfaces)).toBe('http://10.0.0.5:8080');
  });

  it("is this machine's own network address when the hub listens everywhere", () => {
    expect(soundBaseUrl({ listen: '0.0.0.0', port: 4280 }, 4280, interfaces)).toBe('http://192.168.1.20:4280');
  });

  it('is the address the hub listens on otherwise', () => {
    expect(soundBaseUrl({ listen: '192.168.1.7', port: 4280 }, 4280, interfaces)).toBe('http://192.168.1.7:4280');
    expect(soundBaseUrl({ listen: 'fd00::7', port: 4280 }, 4280, interfaces)).toBe('http://[fd00::7]:4280');
  });

  it('says in words that speakers cannot reach a hub on loopback only', () => {
    expect(soundReachProblem({ listen: '127.0.0.1', port: 4280 })).toMatch(/speakers elsewhere cannot fetch its sounds: set network.listen/);
    expect(soundReachProblem({ listen: '0.0.0.0', port: 4280 })).toBeNull();
    expect(soundReachProblem({ listen: '127.0.0.1', port: 4280, speakerAddress: '192.168.1.20' })).toBeNull();
  });
});
