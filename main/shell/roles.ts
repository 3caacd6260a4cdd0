/**
 * The windows Stillroom can open and what each one is: which surface it shows, with which access
 * its IPC calls run, and whether it is locked down as a kiosk. The shell opens staff windows
 * directly, without the PIN a browser on the network needs: whoever has the desk computer's
 * session is staff, and the kiosk window can never become one.
 */
import type { Access } from '../contract/contract.ts';
import { Slug } from '../contract/contract.ts';

export type WindowRole = 'kiosk' | 'desk' | 'room';

export type WindowSpec = { role: 'kiosk' } | { role: 'desk' } | { role: 'room'; roomId: string };

export interface WindowPlan {
  role: WindowRole;
  /** Path of the renderer surface, e.g. `/kiosk` or `/room/blue`. */
  surfacePath: string;
  access: Access;
  /** Kiosk lock: fullscreen, shortcuts swallowed, no pinch zoom. */
  locked: boolean;
}

export function windowPlanFor(spec: WindowSpec): WindowPlan {
  switch (spec.role) {
    case 'kiosk':
      return { role: 'kiosk', surfacePath: '/kiosk', access: 'kiosk', locked: true };
    case 'desk':
      return { role: 'desk', surfacePath: '/desk', access: 'desk', locked: false };
    case 'room':
      return { role: 'room', surfacePath: `/room/${spec.roomId}`, access: 'room', locked: false };
  }
}

export type WindowListResult = { ok: true; windows: WindowSpec[] } | { ok: false; message: string };

/**
 * Parses `--windows=kiosk,desk,room:blue`. Each window appears at most once (two kiosk windows
 * would be two check-in screens); a room window names its room.
 */
export function parseWindowList(value: string): WindowListResult {
  const entries = value.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
  if (entries.length === 0) return { ok: false, message: '--windows needs at least one of kiosk, desk, room:<id>' };
  const windows: WindowSpec[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    if (seen.has(entry)) return { ok: false, message: `--windows lists "${entry}" twice` };
    seen.add(entry);
    if (entry === 'kiosk' || entry === 'desk') {
      windows.push({ role: entry });
      continue;
    }
    const room = /^room:(.*)$/.exec(entry);
    if (room) {
      const roomId = room[1] ?? '';
      if (!Slug.safeParse(roomId).success) return { ok: false, message: `--windows: "${roomId}" is not a room id (lowercase letters, digits and dashes)` };
      windows.push({ role: 'room', roomId });
      continue;
    }
    return { ok: false, message: `--windows: "${entry}" is not a window; use kiosk, desk or room:<id>` };
  }
  return { ok: true, windows };
}
