/** The only IPC channels between the preload and the main process; nothing else is handled or sent. */
export const ipcChannels = {
  /** invoke(name, input) → CallResult */
  call: 'stillroom:call',
  /** invoke(topic, subscriptionId) → { ok: true } | { ok: false, error } */
  subscribe: 'stillroom:subscribe',
  /** invoke(subscriptionId) */
  unsubscribe: 'stillroom:unsubscribe',
  /** main → renderer: (subscriptionId, LiveEvent) */
  event: 'stillroom:event',
} as const;

/** A subscription id the preload chooses, so its listener exists before the first event can arrive. */
export function isSubscriptionId(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}
