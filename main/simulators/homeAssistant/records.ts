/** What the simulator keeps for inspection: everything in tests, a bounded tail in a long-running demo. */

/** Appends `item`, dropping the oldest entries beyond `limit`. */
export function remember<T>(list: T[], item: T, limit: number): void {
  list.push(item);
  if (list.length > limit) list.splice(0, list.length - limit);
}
