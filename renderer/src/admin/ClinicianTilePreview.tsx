/** The clinician's kiosk tile as a client will see it: the same classes as the kiosk's own. */
import type { AdminClinician } from '../../../main/contract/contract.ts';
import { ClinicianSymbol } from '../common/ClinicianSymbol.tsx';
import { useStaffWords } from '../i18n/staff/StaffLanguage.tsx';

/** `small`: beside a name in a list (hidden from screen readers); `preview`: in the kiosk preview (not the form's live tile). */
export function ClinicianTilePreview({ clinician, small = false, preview = false }: { clinician: Pick<AdminClinician, 'displayName' | 'colour' | 'symbol'>; small?: boolean; preview?: boolean }) {
  const { t } = useStaffWords();
  return (
    <div className={`tile tile-${clinician.colour} admin-tile${small ? ' admin-tile-small' : ''}`} aria-hidden={small ? 'true' : undefined} data-testid={small || preview ? undefined : 'tile-preview'}>
      <ClinicianSymbol symbol={clinician.symbol} size={small ? 28 : 40} />
      <span>{clinician.displayName.trim() || t('admin.clinician.theirName')}</span>
    </div>
  );
}
