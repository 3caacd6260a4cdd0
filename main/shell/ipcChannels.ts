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
  /** kiosk preload → main, fire-and-forget: a trusted pointer event, for the hidden staff exit (`staffExit.ts`). */
  kioskPointer: 'stillroom:kiosk-pointer',
  /** staff-exit PIN window: invoke(StaffExitRequest) → StaffExitReply */
  staffExit: 'stillroom:staff-exit',
} as const;

/** Renderer switches (`webPreferences.additionalArguments`) that tell the shared preload which window it is in. */
export const preloadSwitches = {
  kiosk: '--stillroom-kiosk',
  staffExit: '--stillroom-staff-exit',
} as const;

/** A subscription id the preload chooses, so its listener exists before the first event can arrive. */
export function isSubscriptionId(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}
