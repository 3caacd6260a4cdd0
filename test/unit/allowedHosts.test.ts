import { describe, expect, it } from 'vitest';
import type { networkInterfaces } from 'node:os';
import { allowedHosts, hostOf } from '../../main/hub/transport/allowedHosts.ts';

type Interfaces = ReturnType<typeof networkInterfaces>;
const lan = (address: string): Interfaces => ({
  eth0: [{ address, netmask: '255.255.255.0', family: 'IPv4', mac: '00:00:00:00:00:00', internal: false, cidr: `${address}/24` }],
});

describe('the names the hub answers to', () => {
  it('are loopback, the listen address and the office names, whatever case or port a Host carries', () => {
    const names = allowedHosts({ listen: '192.168.1.20', names: ['Stillroom.local'] });
    for (const host of ['localhost:8080', '127.0.0.1', '[::1]:443', '192.168.1.20:8080', 'STILLROOM.LOCAL.']) expect(names.has(hostOf(host)), host).toBe(true);
    for (const host of ['evil.example', '192.168.1.21', 'stillroom.local.evil.example']) expect(names.has(hostOf(host)), host).toBe(false);
  });

  it('follow a new address of this machine when the hub listens on every address (a renewed DHCP lease)', () => {
    let clock = 0;
    let current = lan('192.168.1.20');
    const names = allowedHosts({ listen: '0.0.0.0' }, { interfaces: () => current, now: () => clock });
    expect(names.has('192.168.1.20')).toBe(true);
    current = lan('192.168.1.57');
    clock += 5_000;
    expect(names.has('192.168.1.57')).toBe(true);
    expect(names.has('192.168.1.20')).toBe(false);
  });

  it('do not read the addresses again for every foreign name in a flood', () => {
    let reads = 0;
    const names = allowedHosts({ listen: '0.0.0.0' }, { interfaces: () => (reads++, lan('10.0.0.2')), now: () => 1_000 });
    for (let i = 0; i < 1_000; i++) expect(names.has(`rebind-${i}.example`)).toBe(false);
    expect(reads).toBe(1);
  });
});
