/** Checking in a client who does not use the kiosk: the same choices, tapped by staff. */
import { useState } from 'react';
import type { CheckInRequest, ClinicianTile, ComfortWish, Slot } from '../../../main/contract/contract.ts';
import { slotChoices } from '../../../main/contract/slots.ts';
import { wishWords } from '../common/words.ts';
import { useStaffWords } from '../i18n/staff/StaffLanguage.tsx';

export function DeskCheckIn({ clinicians, onCheckIn, onCancel }: { clinicians: ClinicianTile[]; onCheckIn: (request: CheckInRequest) => Promise<void>; onCancel: () => void }) {
  const { t, slot: slotLabel, wish: wishLabel } = useStaffWords();
  const [clinicianId, setClinicianId] = useState<string | null>(null);
  const [slot, setSlot] = useState<Slot>({ kind: 'unsure' });
  const [wishes, setWishes] = useState<ComfortWish[]>([]);
  const slots: Slot[] = [...slotChoices(new Date()), { kind: 'unsure' }];
  const key = (s: Slot) => (s.kind === 'at' ? s.time : s.kind);

  return (
    <section className="desk-checkin" aria-labelledby="desk-checkin-title">
      <h2 id="desk-checkin-title">{t('desk.checkSomeoneIn')}</h2>
      <fieldset>
        <legend>{t('checkIn.who')}</legend>
        {[...clinicians, null].map((c) => (
          <button key={c?.id ?? 'desk'} type="button" className="choice choice-small" aria-pressed={clinicianId === (c?.id ?? null)} onClick={() => setClinicianId(c?.id ?? null)}>
            {c?.displayName ?? t('common.notSure')}
          </button>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('checkIn.appointment')}</legend>
        {slots.map((s) => (
          <button key={key(s)} type="button" className="choice choice-small" aria-pressed={key(slot) === key(s)} onClick={() => setSlot(s)}>
            {slotLabel(s)}
          </button>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('checkIn.wishes')}</legend>
        {(Object.keys(wishWords) as ComfortWish[]).map((wish) => (
          <button key={wish} type="button" className="choice choice-small" aria-pressed={wishes.includes(wish)} onClick={() => setWishes(wishes.includes(wish) ? wishes.filter((w) => w !== wish) : [...wishes, wish])}>
            {wishLabel(wish)}
          </button>
        ))}
      </fieldset>
      <div className="desk-checkin-actions">
        <button type="button" className="button-primary" onClick={() => void onCheckIn({ clinicianId, slot, wishes })}>
          {t('checkIn.checkIn')}
        </button>
        <button type="button" className="button-quiet" onClick={onCancel}>
          {t('common.close')}
        </button>
      </div>
    </section>
  );
}
