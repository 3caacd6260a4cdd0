/**
 * Invalid payloads for fuzzing, from a seeded generator so a failure can be replayed: random JSON
 * of every type and depth, and near-misses of valid payloads (a field dropped, retyped, stretched
 * or poisoned, an extra field, a prototype key).
 */
// The hub's own seeded generator (it also seeds each masking zone), so a failure replays the same way.
export { seededRandom } from '../../../main/hub/sounds/noise.ts';

const strangeStrings = ['', ' ', 'null', '__proto__', 'constructor', '../../etc/passwd', '<script>alert(1)</script>', "'; DROP TABLE arrivals; --", '\u0000', '\uD800', '𝕊𝕥𝕚𝕝𝕝', 'Jane Doe 1984-03-12 +44 7700 900123', 'x'.repeat(5000)];
const strangeNumbers = [0, -1, 1e308, -1e308, 0.5, Number.MAX_SAFE_INTEGER + 2, 2 ** 31, -0];

export function junkValue(random: () => number, depth = 0): unknown {
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const kind = Math.floor(random() * (depth > 3 ? 5 : 7));
  switch (kind) {
    case 0: return null;
    case 1: return random() < 0.5;
    case 2: return pick(strangeNumbers);
    case 3: return pick(strangeStrings);
    case 4: return Math.floor(random() * 1000);
    case 5: return Array.from({ length: Math.floor(random() * 4) }, () => junkValue(random, depth + 1));
    default: return Object.fromEntries(Array.from({ length: Math.floor(random() * 4) }, () => [pick([...strangeStrings.slice(0, 6), 'roomId', 'status', 'pin', 'type', 'topic', 'slot']), junkValue(random, depth + 1)]));
  }
}

/** A near-miss of `valid`: usually still an object with the right keys, wrong in one way. */
export function mutate(valid: Record<string, unknown>, random: () => number): unknown {
  const keys = Object.keys(valid);
  const copy: Record<string, unknown> = structuredClone(valid);
  const key = keys[Math.floor(random() * keys.length)];
  switch (Math.floor(random() * 6)) {
    case 0:
      if (key) delete copy[key];
      return copy;
    case 1:
      if (key) copy[key] = junkValue(random);
      return copy;
    case 2:
      copy[['extra', 'name', 'initials', 'phone', '__proto__'][Math.floor(random() * 5)]!] = junkValue(random);
      return copy;
    case 3:
      return JSON.parse(`{"__proto__": {"polluted": true}, ${JSON.stringify(copy).slice(1)}`.replace(', }', '}'));
    case 4:
      if (key) copy[key] = 'x'.repeat(1 + Math.floor(random() * 20000));
      return copy;
    default:
      return junkValue(random);
  }
}
