/** The admin surface's words for days (in the practice's language), and the id made from a name. */
import { adminWeekdays, type AdminClinician } from '../../../main/contract/contract.ts';
import type { StaffT } from '../i18n/staff/StaffLanguage.tsx';

export const dayName = (t: StaffT, day: (typeof adminWeekdays)[number]) => t(`admin.day.${day}`);

/** Monday first, as a practice's week reads. */
export const weekOrder = [...adminWeekdays.slice(1), adminWeekdays[0]];

export function dayWords(t: StaffT, days: AdminClinician['days']): string {
  if (days.length === 7) return t('admin.days.every');
  const weekdays = weekOrder.slice(0, 5);
  if (days.length === 5 && weekdays.every((day) => days.includes(day))) return t('admin.days.weekdays');
  return weekOrder.filter((day) => days.includes(day)).map((day) => dayName(t, day).slice(0, 3)).join(', ');
}

/** `Dr. Ana Lima` → `dr-ana-lima`, made unique among `taken`; the file needs a short id, the admin should not have to invent one. */
export function idFromName(name: string, taken: readonly string[]): string {
  const base = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').replace(/^[^a-z]+/, '').slice(0, 32) || 'clinician';
  let id = base;
  for (let n = 2; taken.includes(id); n++) id = `${base}-${n}`;
  return id;
}
