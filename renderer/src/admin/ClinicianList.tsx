/**
 * The clinicians as admin lists them: each with their small kiosk tile, room, days and phone,
 * to edit or retire (with a question first); "Add a clinician" opens the form. Used by /admin's
 * section and by the guided first run alike.
 */
import { useState } from 'react';
import type { AdminClinician, AdminOffice } from '../../../main/contract/contract.ts';
import type { Bridge } from '../transport/bridge.ts';
import { ClinicianForm, newClinician } from './ClinicianForm.tsx';
import { ClinicianTilePreview } from './ClinicianTilePreview.tsx';
import { dayWords } from './adminWords.ts';
import { useStaffWords } from '../i18n/staff/StaffLanguage.tsx';

type Editing = { clinician: AdminClinician; isNew: boolean } | null;

/** `onSaved` gets the office after a change and the sentence to say; `onNotice` a refusal in words; `onClosed` when the form closes unsaved. */
export function ClinicianList({ bridge, office, onSaved, onNotice, onClosed, headingLevel = 2, title }: {
  bridge: Bridge;
  office: AdminOffice;
  onSaved: (office: AdminOffice, words: string) => void;
  onNotice: (words: string | null) => void;
  onClosed: () => void;
  headingLevel?: 2 | 3;
  title?: string;
}) {
  const { t } = useStaffWords();
  const [editing, setEditing] = useState<Editing>(null);
  const [retiring, setRetiring] = useState<string | null>(null);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  const retire = async (clinician: AdminClinician) => {
    const result = await bridge.call('retireClinician', { clinicianId: clinician.id });
    setRetiring(null);
    if (result.ok) onSaved(result.value, t('admin.clinicians.retired', { name: clinician.displayName }));
    else onNotice(result.error.message);
  };

  return (
    <>
      <div className="admin-section-head">
        <Heading id="clinicians-title">{title ?? t('admin.clinicians.title')}</Heading>
        {!editing && (
          <button type="button" className="button-primary" disabled={!office.writable} onClick={() => { onNotice(null); setEditing({ clinician: newClinician(office), isNew: true }); }}>
            {t('admin.clinicians.add')}
          </button>
        )}
      </div>
      {editing ? (
        <ClinicianForm
          bridge={bridge}
          office={office}
          initial={editing.clinician}
          isNew={editing.isNew}
          onSaved={(next, clinician) => {
            setEditing(null);
            onSaved(next, t(editing.isNew ? 'admin.clinicians.added' : 'admin.clinicians.saved', { name: clinician.displayName }));
          }}
          onCancel={() => { setEditing(null); onClosed(); }}
        />
      ) : (
        <ul className="admin-list">
          {office.clinicians.map((clinician) => (
            <li key={clinician.id} className="admin-item">
              <ClinicianTilePreview clinician={clinician} small />
              <div className="admin-item-words">
                <p className="admin-item-name">{clinician.displayName}</p>
                <p className="muted">
                  {office.rooms.find((room) => room.id === clinician.room)?.name ?? t('admin.clinicians.noRoom')} · {dayWords(t, clinician.days)}
                  {clinician.push ? ` · ${t('admin.clinicians.pushTo', { service: clinician.push })}` : ''}
                </p>
              </div>
              <div className="admin-item-actions">
                {retiring === clinician.id ? (
                  <div role="group" aria-label={t('admin.clinicians.retireQuestion', { name: clinician.displayName })} className="admin-confirm">
                    <span>{t('admin.clinicians.retireQuestion', { name: clinician.displayName })}</span>
                    <button type="button" className="button-secondary" onClick={() => void retire(clinician)}>{t('admin.clinicians.yesRetire')}</button>
                    <button type="button" className="button-quiet" onClick={() => setRetiring(null)}>{t('admin.clinicians.keep')}</button>
                  </div>
                ) : (
                  <>
                    <button type="button" className="button-secondary" disabled={!office.writable} onClick={() => { onNotice(null); setEditing({ clinician, isNew: false }); }} aria-label={t('admin.clinicians.editName', { name: clinician.displayName })}>{t('admin.clinicians.edit')}</button>
                    <button type="button" className="button-quiet" disabled={!office.writable || office.clinicians.length === 1} onClick={() => setRetiring(clinician.id)} aria-label={t('admin.clinicians.retireName', { name: clinician.displayName })}>{t('admin.clinicians.retire')}</button>
                  </>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
