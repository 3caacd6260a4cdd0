/**
 * A typed set of listeners: how one part of the hub tells the parts built after it, so the hub
 * can be assembled in dependency order (a part never calls one that does not exist yet).
 */
export class Listeners<Args extends unknown[]> {
  readonly #listeners = new Set<(...args: Args) => void>();

  /** Adds a listener; returns the function that removes it. */
  add(listener: (...args: Args) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  emit(...args: Args): void {
    for (const listener of [...this.#listeners]) listener(...args);
  }
}
