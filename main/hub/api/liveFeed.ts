/** Pushes live events to whoever subscribed to a topic. Synchronous and in-process. */
import type { LiveEvent, LiveTopic } from '../../contract/contract.ts';

export class LiveFeed {
  readonly #listeners = new Map<LiveTopic, Set<(event: LiveEvent) => void>>();

  publish(topic: LiveTopic, event: LiveEvent): void {
    for (const listener of this.#listeners.get(topic) ?? []) listener(event);
  }

  subscribe(topic: LiveTopic, listener: (event: LiveEvent) => void): () => void {
    const listeners = this.#listeners.get(topic) ?? new Set();
    listeners.add(listener);
    this.#listeners.set(topic, listeners);
    return () => listeners.delete(listener);
  }
}
