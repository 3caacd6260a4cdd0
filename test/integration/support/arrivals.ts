/** An arrival as the hub would store one, for tests and benchmarks that write the outbox directly. */
import { randomBytes } from 'node:crypto';
import type { Arrival } from '../../../main/contract/contract.ts';

export const anArrival = (overrides: Partial<Arrival> = {}): Arrival => ({
  id: randomBytes(16).toString('base64url'),
  clinicianId: 'sam',
  slot: { kind: 'at', time: '14:00' },
  wishes: [],
  status: 'waiting',
  source: 'kiosk',
  arrivedAt: Date.now(),
  seenAt: null,
  endedAt: null,
  acknowledgedAt: null,
  acknowledgedBy: null,
  ...overrides,
});
