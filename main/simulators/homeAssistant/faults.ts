/**
 * The ways a test (or the demo office) can make Home Assistant misbehave: drop every socket,
 * start refusing the token, answer slowly, or lose contact with one device.
 */
import { newContext } from './context.ts';
import type { SimulatedHome } from './home.ts';
import type { Attributes } from './stateMachine.ts';

export interface Faults {
  /** Closes every client socket abruptly, as when HA restarts or the network blips. */
  dropConnections(): void;
  /** While on, even the right token gets `auth_invalid` (a token revoked in HA's profile page). */
  refuseToken(on: boolean): void;
  /** Handles every command this many milliseconds late; 0 restores prompt replies. */
  delayReplies(ms: number): void;
  /** Makes a device unreachable (state `unavailable`) or brings it back as it was. */
  setUnavailable(entityId: string, on: boolean): void;
  /** The Administrator switch of the token's user (Settings > People); applies at once, to open connections too. */
  setAdmin(on: boolean): void;
}

/** Attributes an entity keeps while unavailable: HA still writes capability attributes then. */
const keptWhileUnavailable = new Set([
  'min_color_temp_kelvin', 'max_color_temp_kelvin', 'min_mireds', 'max_mireds', 'effect_list', 'supported_color_modes',
  'source_list', 'editable', 'icon', 'friendly_name', 'supported_features',
]);

export interface FaultState {
  faults: Faults;
  tokenRefused(): boolean;
  replyDelayMs(): number;
  isAdmin(): boolean;
}

export function createFaults(home: () => SimulatedHome, dropConnections: () => void, { admin = true }: { admin?: boolean } = {}): FaultState {
  let tokenRefused = false;
  let replyDelayMs = 0;
  let isAdmin = admin;
  const beforeUnavailable = new Map<string, { state: string; attributes: Attributes }>();
  return {
    tokenRefused: () => tokenRefused,
    replyDelayMs: () => replyDelayMs,
    isAdmin: () => isAdmin,
    faults: {
      setAdmin: (on) => {
        isAdmin = on;
      },
      dropConnections,
      refuseToken: (on) => {
        tokenRefused = on;
      },
      delayReplies: (ms) => {
        replyDelayMs = ms;
      },
      setUnavailable: (entityId, on) => {
        const { states } = home();
        const entity = states.get(entityId);
        if (!entity) throw new Error(`No entity ${entityId} in the simulator`);
        if (on && entity.state !== 'unavailable') {
          beforeUnavailable.set(entityId, { state: entity.state, attributes: entity.attributes });
          const kept = Object.fromEntries(Object.entries(entity.attributes).filter(([key]) => keptWhileUnavailable.has(key)));
          states.set(entityId, 'unavailable', kept, newContext());
        } else if (!on) {
          const before = beforeUnavailable.get(entityId);
          beforeUnavailable.delete(entityId);
          if (before) states.set(entityId, before.state, before.attributes, newContext());
        }
      },
    },
  };
}
