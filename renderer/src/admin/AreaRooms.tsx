/**
 * Rooms found in Home Assistant: each area is offered as a room with its lights, speakers and
 * switches already sorted; the admin confirms each light's role, the speaker and the door sign,
 * and adds it. Nothing is typed that Home Assistant already knows.
 */
import { useId, useState } from 'react';
import type { AdminOffice, AreaRoom } from '../../../main/contract/contract.ts';
import type { Bridge } from '../transport/bridge.ts';
import { idFromName } from './adminWords.ts';

type Role = 'ceiling' | 'lamp' | 'accent' | 'none';
const roleWords: Record<Role, string> = { ceiling: 'Ceiling light', lamp: 'Lamp', accent: 'Accent', none: 'Not used' };

function AreaCard({ bridge, office, area, onAdded }: { bridge: Bridge; office: AdminOffice; area: AreaRoom; onAdded: (office: AdminOffice, words: string) => void }) {
  const id = useId();
  const [name, setName] = useState(area.name);
  const [roles, setRoles] = useState<Record<string, Role>>(() => Object.fromEntries(area.lights.map((light, index) => [light, index === 0 ? 'ceiling' : 'lamp'])));
  const [speaker, setSpeaker] = useState(area.speakers[0]?.entityId ?? '');
  const [doorSign, setDoorSign] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const add = async () => {
    if (name.trim() === '') return setRefusal('Please give the room a name, such as Oak room.');
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
    if (result.ok) onAdded(result.value, `${name.trim()} is added to the office file. Its lights and sound are in use after the hub restarts.`);
    else setRefusal(result.error.message);
  };

  return (
    <li className="admin-item admin-area" aria-labelledby={`${id}-name`}>
      <div className="admin-area-fields">
        <h3 id={`${id}-name`}>{area.name}</h3>
        {area.roomId ? (
          <p className="muted">Already a room in the office file.</p>
        ) : (
          <>
            <label htmlFor={`${id}-room-name`}>Room name</label>
            <input id={`${id}-room-name`} value={name} onChange={(event) => setName(event.target.value)} maxLength={60} />
            {area.lights.length === 0 && <p className="muted">No lights in this area.</p>}
            {area.lights.map((light) => (
              <div key={light} className="admin-area-light">
                <label htmlFor={`${id}-${light}`}>{light}</label>
                <select id={`${id}-${light}`} value={roles[light]} onChange={(event) => setRoles({ ...roles, [light]: event.target.value as Role })}>
                  {(Object.keys(roleWords) as Role[]).map((role) => (
                    <option key={role} value={role}>{roleWords[role]}</option>
                  ))}
                </select>
              </div>
            ))}
            <label htmlFor={`${id}-speaker`}>Speaker</label>
            <select id={`${id}-speaker`} value={speaker} onChange={(event) => setSpeaker(event.target.value)}>
              <option value="">No speaker</option>
              {area.speakers.map((each) => (
                <option key={each.entityId} value={each.entityId}>
                  {each.entityId}
                  {each.sameSpeaker.length > 0 ? ` (also seen as ${each.sameSpeaker.join(', ')})` : ''}
                </option>
              ))}
            </select>
            {area.otherPlayers.length > 0 && <p className="muted">Not offered as speakers (screens): {area.otherPlayers.join(', ')}.</p>}
            <label htmlFor={`${id}-door`}>Door sign (“in session”)</label>
            <select id={`${id}-door`} value={doorSign} onChange={(event) => setDoorSign(event.target.value)}>
              <option value="">No door sign</option>
              {area.switches.map((each) => (
                <option key={each} value={each}>{each}</option>
              ))}
            </select>
            {refusal && <p className="admin-refusal" role="alert">{refusal}</p>}
            <div className="admin-form-actions">
              <button type="button" className="button-primary" disabled={busy || !office.writable} aria-busy={busy} onClick={() => void add()}>
                Add {name.trim() || 'this room'}
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
  const [areas, setAreas] = useState<AreaRoom[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const find = async () => {
    setBusy(true);
    const result = await bridge.call('homeAssistantAreas', {});
    setBusy(false);
    if (result.ok) {
      setAreas(result.value.areas);
      setProblem(result.value.areas.length === 0 ? 'Home Assistant has no areas yet. Create them in Home Assistant (Settings, Areas) and try again.' : null);
    } else setProblem(result.error.message);
  };
  const remove = async (room: AdminOffice['rooms'][number]) => {
    const result = await bridge.call('removeRoom', { roomId: room.id });
    if (result.ok) onAdded(result.value, `${room.name} is taken out of the office file. The room screens lose it after the hub restarts.`);
    else onNotice(result.error.message);
  };
  return (
    <div>
      <ul className="admin-list" aria-label="Rooms in the office file">
        {office.rooms.map((room) => (
          <li key={room.id} className="admin-item">
            <div className="admin-item-words">
              <p className="admin-item-name">{room.name}</p>
              <p className="muted">{room.lights.length === 0 ? 'No lights' : `${room.lights.length} ${room.lights.length === 1 ? 'light' : 'lights'}`}</p>
            </div>
            {office.rooms.length > 1 && !office.clinicians.some((clinician) => clinician.room === room.id) && (
              <button type="button" className="button-quiet" disabled={!office.writable} onClick={() => void remove(room)} aria-label={`Remove ${room.name}`}>Remove</button>
            )}
          </li>
        ))}
      </ul>
      <button type="button" className="button-secondary" disabled={busy} aria-busy={busy} onClick={() => void find()}>
        Find rooms in Home Assistant
      </button>
      {problem && <p className="admin-refusal" role="alert">{problem}</p>}
      {areas && areas.length > 0 && (
        <ul className="admin-list" aria-label="Areas in Home Assistant">
          {areas.map((area) => (
            <AreaCard key={area.areaId} bridge={bridge} office={office} area={area} onAdded={(next, words) => { onAdded(next, words); void find(); }} />
          ))}
        </ul>
      )}
    </div>
  );
}
