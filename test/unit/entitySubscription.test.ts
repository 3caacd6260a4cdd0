/**
 * Home Assistant's compressed entity states (homeassistant/components/websocket_api/messages.py) as
 * the hub decodes them for its filtered subscription: whole entities added, changes with `+` and
 * `-`, removals, and untouched entities keeping their objects (the rooms compare them by identity).
 */
import { describe, expect, it } from 'vitest';
import { applyEntitiesEvent } from '../../main/hub/devices/homeAssistant/entitySubscription.ts';

describe('decoding subscribe_entities events', () => {
  const start = applyEntitiesEvent({}, {
    a: {
      'light.lamp': { s: 'on', a: { brightness: 120, friendly_name: 'Lamp' }, c: '01JCONTEXT', lc: 1764800000 },
      'switch.sign': { s: 'off', a: {}, c: { id: '01JOTHER', user_id: 'u1', parent_id: null }, lc: 1764800000, lu: 1764800005 },
    },
  });

  it('reads a whole entity: state, attributes, context (a bare id has no user), times', () => {
    expect(start['light.lamp']).toEqual({
      entity_id: 'light.lamp',
      state: 'on',
      attributes: { brightness: 120, friendly_name: 'Lamp' },
      context: { id: '01JCONTEXT', parent_id: null, user_id: null },
      last_changed: '2025-12-03T22:13:20.000Z',
      last_updated: '2025-12-03T22:13:20.000Z',
    });
    expect(start['switch.sign']?.context.user_id).toBe('u1');
    expect(start['switch.sign']?.last_updated).toBe('2025-12-03T22:13:25.000Z');
  });

  it('applies a change (+ state, attributes, context, lc; - attributes) and leaves the other entities as they were', () => {
    const next = applyEntitiesEvent(start, { c: { 'light.lamp': { '+': { s: 'off', a: { transition: 2 }, c: { id: '01JNEW', user_id: 'stillroom' }, lc: 1764800060 }, '-': { a: ['brightness'] } } } });
    expect(next['light.lamp']).toMatchObject({ state: 'off', attributes: { friendly_name: 'Lamp', transition: 2 }, context: { id: '01JNEW', user_id: 'stillroom', parent_id: null }, last_changed: '2025-12-03T22:14:20.000Z' });
    expect(next['light.lamp']?.attributes).not.toHaveProperty('brightness');
    expect(next['switch.sign']).toBe(start['switch.sign']);
    expect(start['light.lamp']?.state).toBe('on');
  });

  it('removes an entity, and ignores a change for one it has never seen', () => {
    const next = applyEntitiesEvent(start, { r: ['switch.sign'], c: { 'light.unknown': { '+': { s: 'on' } } } });
    expect(Object.keys(next)).toEqual(['light.lamp']);
  });
});
