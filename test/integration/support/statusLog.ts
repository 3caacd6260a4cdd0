/**
 * The statuses a connection reports (Home Assistant, MQTT), in order, and a way to wait for the
 * next one in a given state: each wait takes a later status than the one before it.
 */
export interface StatusLog<S extends { state: string }> {
  statuses: S[];
  record(status: S): void;
  until<T extends S['state']>(state: T, timeoutMs?: number): Promise<Extract<S, { state: T }>>;
}

export function statusLog<S extends { state: string }>(): StatusLog<S> {
  const statuses: S[] = [];
  const waiters = new Set<() => void>();
  let seen = 0;
  return {
    statuses,
    record(status) {
      statuses.push(status);
      for (const wake of waiters) wake();
    },
    until: (state, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const look = () => {
          const index = statuses.findIndex((status, i) => i >= seen && status.state === state);
          if (index < 0) return;
          seen = index + 1;
          waiters.delete(look);
          clearTimeout(timer);
          resolve(statuses[index] as never);
        };
        const timer = setTimeout(() => {
          waiters.delete(look);
          reject(new Error(`no "${state}" status; saw ${statuses.map((s) => s.state).join(', ') || 'none'}`));
        }, timeoutMs);
        waiters.add(look);
        look();
      }),
  };
}
