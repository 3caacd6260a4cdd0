/**
 * The only IPC channels between the preload and the main process; nothing else is handled or
 * sent. The hub's contract is not among them: every window reaches the hub over HTTP.
 */
export const ipcChannels = {
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
