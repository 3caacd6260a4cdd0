import { describe, expect, it } from 'vitest';
import { hashPin, verifyPin } from '../../main/hub/staff/pin.ts';
import { loadOfficeConfig } from '../../main/hub/config/loadConfig.ts';
import { join } from 'node:path';

const demoHash = loadOfficeConfig(join(import.meta.dirname, '../../config/demo-office.yaml')).staff.pinHash!;

describe('staff PIN hash', () => {
  it('accepts the demo PIN 2468 against the demo hash', async () => {
    expect(await verifyPin('2468', demoHash)).toBe(true);
  });

  it('refuses a wrong PIN', async () => {
    expect(await verifyPin('2469', demoHash)).toBe(false);
  });

  it('verifies a freshly made hash, which never holds the PIN itself', async () => {
    const hash = await hashPin('48213');
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(hash).not.toContain('48213');
    expect(await verifyPin('48213', hash)).toBe(true);
  });

  it('salts every hash, so the same PIN hashes differently', async () => {
    expect(await hashPin('2468')).not.toBe(await hashPin('2468'));
  });

  it.each([
    ['empty', ''],
    ['not a hash', 'hunter2'],
    ['another algorithm', demoHash.replace(/^scrypt/, 'bcrypt')],
    ['missing a part', demoHash.split('$').slice(0, 5).join('$')],
    ['parameters that are not numbers', demoHash.replace('$16384$', '$many$')],
    ['an N that is not a power of two', demoHash.replace('$16384$', '$3$')],
    ['a negative N', demoHash.replace('$16384$', '$-1$')],
    ['an N that needs gigabytes', demoHash.replace('$16384$', '$1073741824$')],
    ['no stored key', `${demoHash.split('$').slice(0, 5).join('$')}$`],
  ])('answers false, without throwing, for a corrupt hash (%s)', async (_, stored) => {
    await expect(verifyPin('2468', stored)).resolves.toBe(false);
  });
});
