/**
 * Rooms found in Home Assistant: each area is offered as a room with its lights, speakers and
 * switches already sorted; the admin confirms each light's role, the speaker and the door sign,
 * and adds it. Nothing is typed that Home Assistant already knows.
 */
import { useId, useState } from 'react';
import type { AdminOffice, AreaRoom } from '../../../main/contract/contract.ts';
import type { Bridge } from '../transport/bridge.ts';
import { idFromName } from './adminWords.ts';
import { useStaffWords } from '../i18n/staff/StaffLanguage.tsx';

type Role = 'ceiling' | 'lamp' | 'accent' | 'none';
const lightRoles: readonly Role[] = ['ceiling', 'lamp', 'accent', 'none'];

function AreaCard({ bridge, office, area, onAdded }: { bridge: Bridge; office: AdminOffice; area: AreaRoom; onAdded: (office: AdminOffice, words: string) => void }) {
  const { t } = useStaffWords();
  const id = useId();
  const [name, setName] = useState(area.name);
  const [roles, setRoles] = useState<Record<string, Role>>(() => Object.fromEntries(area.lights.map((light, index) => [light, index === 0 ? 'ceiling' : 'lamp'])));
  const [speaker, setSpeaker] = useState(area.speakers[0]?.entityId ?? '');
  const [doorSign, setDoorSign] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const add = async () => {
    if (name.trim() === '') return setRefusal(t('admin.areas.noName'));
    setBusy(true);
    const lightsIn = (role: Role) => area.lights.filter((light) => roles[light] === role);
    const result = await bridge.call('addRoom', {
      roomId: idFromName(name, office.rooms.map((room) => room.id)),
      name: name.trim(),
      ceiling: lightsIn('ceiling'),
      lamp: lightsIn('lamp'),
      accent: lightsIn('accent'),
      speaker: speaker || null,
      doorSign: doorSign || null,
    });
    setBusy(false);
    if (result.ok) onAdded(result.value, t('admin.areas.added', { name: name.trim() }));
    else setRefusal(result.error.message);
  };

  return (
    <li className="admin-item admin-area" aria-labelledby={`${id}-name`}>
      <div className="admin-area-fields">
        <h3 id={`${id}-name`}>{area.name}</h3>
        {area.roomId ? (
          <p className="muted">{t('admin.areas.already')}</p>
        ) : (
          <>
            <label htmlFor={`${id}-room-name`}>{t('admin.areas.roomName')}</label>
            <input id={`${id}-room-name`} value={name} onChange={(event) => setName(event.target.value)} maxLength={60} />
            {area.lights.length === 0 && <p className="muted">{t('admin.areas.noLights')}</p>}
            {area.lights.map((light) => (
              <div key={light} className="admin-area-light">
                <label htmlFor={`${id}-${light}`}>{light}</label>
                <select id={`${id}-${light}`} value={roles[light]} onChange={(event) => setRoles({ ...roles, [light]: event.target.value as Role })}>
                  {lightRoles.map((role) => (
                    <option key={role} value={role}>{t(`admin.areas.role.${role}`)}</option>
                  ))}
                </select>
              </div>
            ))}
            <label htmlFor={`${id}-speaker`}>{t('admin.areas.speaker')}</label>
            <select id={`${id}-speaker`} value={speaker} onChange={(event) => setSpeaker(event.target.value)}>
              <option value="">{t('admin.areas.noSpeaker')}</option>
              {area.speakers.map((each) => (
                <option key={each.entityId} value={each.entityId}>
                  {each.entityId}
                  {each.sameSpeaker.length > 0 ? ` ${t('admin.areas.alsoSeenAs', { names: each.sameSpeaker.join(', ') })}` : ''}
                </option>
              ))}
            </select>
            {area.otherPlayers.length > 0 && <p className="muted">{t('admin.areas.notSpeakers', { players: area.otherPlayers.join(', ') })}</p>}
            <label htmlFor={`${id}-door`}>{t('admin.areas.doorSign')}</label>
            <select id={`${id}-door`} value={doorSign} onChange={(event) => setDoorSign(event.target.value)}>
              <option value="">{t('admin.areas.noDoorSign')}</option>
              {area.switches.map((each) => (
                <option key={each} value={each}>{each}</option>
              ))}
            </select>
            {refusal && <p className="admin-refusal" role="alert">{refusal}</p>}
            <div className="admin-form-actions">
              <button type="button" className="button-primary" disabled={busy || !office.writable} aria-busy={busy} onClick={() => void add()}>
                {t('admin.areas.add', { name: name.trim() || t('admin.areas.thisRoom') })}
              </button>
            </div>
          </>
        )}
      </div>
    </li>
  );
}

/**
 * The office's rooms (a room no clinician works in may be removed, such as the first run's
 * "First room"), and the areas of Home Assistant offered as rooms.
 */
export function AreaRooms({ bridge, office, onAdded, onNotice }: { bridge: Bridge; office: AdminOffice; onAdded: (office: AdminOffice, words: string) => void; onNotice: (words: string) => void }) {
  const { t } = useStaffWords();
  const [areas, setAreas] = useState<AreaRoom[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const find = async () => {
    setBusy(true);
    const result = await bridge.call('homeAssistantAreas', {});
    setBusy(false);
    if (result.ok) {
      setAreas(result.value.areas);
      setProblem(result.value.areas.length === 0 ? t('admin.areas.none') : null);
    } else setProblem(result.error.message);
  };
  const remove = async (room: AdminOffice['rooms'][number]) => {
    const result = await bridge.call('removeRoom', { roomId: room.id });
    if (result.ok) onAdded(result.value, t('admin.rooms.removed', { name: room.name }));
    else onNotice(result.error.message);
  };
  return (
    <div>
      <ul className="admin-list" aria-label={t('admin.rooms.list')}>
        {office.rooms.map((room) => (
          <li key={room.id} className="admin-item">
            <div className="admin-item-words">
              <p className="admin-item-name">{room.name}</p>
              <p className="muted">{room.lights.length === 0 ? t('admin.rooms.noLights') : t('admin.rooms.lights', { count: room.lights.length })}</p>
            </div>
            {office.rooms.length > 1 && !office.clinicians.some((clinician) => clinician.room === room.id) && (
              <button type="button" className="button-quiet" disabled={!office.writable} onClick={() => void remove(room)} aria-label={t('admin.rooms.removeName', { name: room.name })}>{t('admin.rooms.remove')}</button>
            )}
          </li>
        ))}
      </ul>
      <button type="button" className="button-secondary" disabled={busy} aria-busy={busy} onClick={() => void find()}>
        {t('admin.rooms.find')}
      </button>
      {problem && <p className="admin-refusal" role="alert">{problem}</p>}
      {areas && areas.length > 0 && (
        <ul className="admin-list" aria-label={t('admin.rooms.areas')}>
          {areas.map((area) => (
            <AreaCard key={area.areaId} bridge={bridge} office={office} area={area} onAdded={(next, words) => { onAdded(next, words); void find(); }} />
          ))}
        </ul>
      )}
    </div>
  );
}
