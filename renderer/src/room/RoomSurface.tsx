/**
 * The room surface, for the therapist between sessions: who is waiting for them, the room as it is
 * now, its presets, fine tuning, and the session. The room loads once, then every pushed view of this room replaces it;
 * after a reconnect it loads again so nothing missed while offline stays missing.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallResult, LiveStatus, PresetCard, RoomView } from '../../../main/contract/contract.ts';
import { noticeAfterReconnect, noticeFor, type Notice } from '../common/outageNotice.ts';
import { PinGate } from '../desk/PinGate.tsx';
import { useNow } from '../desk/useNow.ts';
import { useRetryWhile } from '../connection/retry.ts';
import type { Bridge } from '../transport/bridge.ts';
import { FineTune, type Tune } from './FineTune.tsx';
import { SaveAsPreset } from './SaveAsPreset.tsx';
import { PresetCards } from './PresetCards.tsx';
import { RoomPicture } from './RoomPicture.tsx';
import { AdminProblems, RoomNotes } from './RoomNotes.tsx';
import { presetLine } from './roomWords.ts';
import { useWaitingForRoom } from './useWaitingForRoom.ts';
import { WaitingForYou } from './WaitingForYou.tsx';
import { useStaffWords, type StaffT } from '../i18n/staff/StaffLanguage.tsx';

type Load = { state: 'loading' } | { state: 'needs-pin' } | { state: 'trouble'; message: string } | { state: 'ready'; room: RoomView };
type Busy = { kind: 'preset'; presetId: string } | { kind: 'session' } | null;

/** The PIN page's words on a room screen (the desk's are PinGate's own). */
export function useRoomPinWords() {
  const { t } = useStaffWords();
  return { title: t('pin.room.title'), lead: t('pin.room.lead'), action: t('pin.room.action') };
}

const tuneWords = ({ brightness, volume }: Tune, t: StaffT) =>
  brightness === undefined ? t('room.tunedVolume') : volume === undefined ? t('room.tunedBrightness') : t('room.tunedBoth');

export function RoomSurface({ bridge, roomId }: { bridge: Bridge; roomId: string }) {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [live, setLive] = useState<LiveStatus['state']>('reconnecting');
  const [busy, setBusy] = useState<Busy>(null);
  const [notice, setNoticeState] = useState<Notice | null>(null);
  const [announcement, setAnnouncement] = useState('');
  /**
   * Pushed views of this room so far. A call's answer and the push for the same change leave the hub
   * together on two connections, so either may arrive first; a push that arrived while a call was on
   * its way is at least as new as the call's answer (the hub pushes every change, in order), and the
   * answer must not put an older room back (a fine-tune undone on screen by Calm's late answer).
   */
  const pushes = useRef(0);
  const answered = async <T,>(send: () => Promise<T>): Promise<{ result: T; overtaken: boolean }> => {
    const before = pushes.current;
    const result = await send();
    return { result, overtaken: pushes.current !== before };
  };
  const { t } = useStaffWords();
  const pinWords = useRoomPinWords();

  const loadRoom = useCallback(async () => {
    const before = pushes.current;
    const result = await bridge.call('roomView', { roomId });
    if (result.ok) {
      if (pushes.current === before) setLoad({ state: 'ready', room: result.value });
    }
    else if (result.error.code === 'needs-pin') setLoad({ state: 'needs-pin' });
    // A reload that meets the hub going away (it follows every reconnect) keeps the room as last
    // known, with its "reconnecting…", as the desk keeps its board; the next reconnect loads again.
    else if (result.error.code === 'unavailable') setLoad((current) => (current.state === 'ready' ? current : { state: 'trouble', message: result.error.message }));
    else setLoad({ state: 'trouble', message: result.error.message });
  }, [bridge, roomId]);

  useEffect(() => {
    void loadRoom();
  }, [loadRoom]);
  // A room screen opened before its hub (or while it restarts) tries again by itself.
  useRetryWhile(load.state === 'trouble', loadRoom);

  const ready = load.state === 'ready';
  const waiting = useWaitingForRoom(bridge, roomId, ready);
  const now = useNow(15_000);
  const roomName = ready ? load.room.name : null;
  useEffect(() => {
    if (roomName) document.title = t('room.title', { room: roomName });
  }, [roomName]);

  useEffect(() => {
    if (!ready) return;
    return bridge.subscribe(
      'rooms',
      (event) => {
        if (event.type !== 'room' || event.room.id !== roomId) return;
        pushes.current += 1;
        setLoad({ state: 'ready', room: event.room });
      },
      (status) => {
        setLive(status.state);
        if (status.state !== 'live') return;
        setNoticeState((current) => noticeAfterReconnect(current, 'room'));
        void loadRoom();
      },
    );
  }, [bridge, roomId, ready, loadRoom]);

  /** Shows the answer to a change: the room as it is now, or words to show kindly. */
  const settle = ({ result, overtaken }: { result: CallResult<RoomView>; overtaken: boolean }, done: (room: RoomView) => string) => {
    if (result.ok) {
      if (!overtaken) setLoad({ state: 'ready', room: result.value });
      setNoticeState(null);
      setAnnouncement(done(result.value));
    } else if (result.error.code === 'needs-pin') setLoad({ state: 'needs-pin' });
    else setNoticeState(noticeFor(result.error));
  };
  /** One preset or session change at a time: a second tap while the first is on its way is ignored. */
  const change = async (what: NonNullable<Busy>, call: () => Promise<CallResult<RoomView>>, done: (room: RoomView) => string) => {
    if (busy) return;
    setBusy(what);
    const answer = await answered(call);
    setBusy(null);
    settle(answer, done);
  };
  const applyPreset = (preset: PresetCard) =>
    change({ kind: 'preset', presetId: preset.id }, () => bridge.call('applyPreset', { roomId, presetId: preset.id }), () => t('room.presetSet', { preset: preset.name }));

  // Fine-tuning is sent in order, and values that pile up while one is on its way go as one.
  const tuning = useRef<{ next: Tune | null; running: Promise<void> | null }>({ next: null, running: null });
  const tune = (adjustment: Tune): Promise<void> => {
    const queue = tuning.current;
    queue.next = { ...queue.next, ...adjustment };
    queue.running ??= (async () => {
      while (queue.next) {
        const next = queue.next;
        queue.next = null;
        settle(await answered(() => bridge.call('fineTune', { roomId, ...next })), () => tuneWords(next, t));
      }
      queue.running = null;
    })();
    return queue.running;
  };
  /** The refusal goes back to the form (which keeps the name); success is said like any change. */
  const saveAsPreset = async (name: string) => {
    const answer = await answered(() => bridge.call('saveRoomAsPreset', { roomId, name }));
    const { result } = answer;
    if (result.ok || result.error.code === 'needs-pin') settle(answer, () => t('room.presetSaved', { name: name.trim() }));
    return result;
  };
  const startSession = () => change({ kind: 'session' }, () => bridge.call('startSession', { roomId }), () => t('room.sessionStarted'));
  const endSession = () => change({ kind: 'session' }, () => bridge.call('endSession', { roomId }), () => t('room.sessionEnded'));

  if (load.state === 'loading') return <main className="room"><p role="status">{t('room.opening')}</p></main>;
  if (load.state === 'needs-pin') return <PinGate bridge={bridge} practiceName="" words={pinWords} onSignedIn={() => void loadRoom()} />;
  if (load.state === 'trouble') {
    return (
      <main className="room">
        <h1>{t('room.room')}</h1>
        <p role="alert">{load.message}</p>
        <p>
          <a href="/room">{t('room.seeAll')}</a>
        </p>
      </main>
    );
  }

  const { room } = load;
  const hasSessionExtras = room.devices.some((device) => device.kind === 'door-sign' || device.kind === 'masking');
  return (
    <main className="room">
      <header className="room-header">
        <div className="room-title">
          <p className="room-crumb">
            <a href="/room">{t('room.allRooms')}</a>
          </p>
          <h1>{room.name}</h1>
          {/* A room with no lights or speakers still lists who is waiting: it says when that list may be stale. */}
          {!room.hasAmbience && live !== 'live' && <p className="room-now room-offline">{t('room.reconnectingList')}</p>}
          {room.hasAmbience && (
            <p className="room-now">
              <span className="visually-hidden">{t('room.presetLabel')} </span>
              <span data-testid="room-preset">{presetLine(room, t)}</span>
              {live !== 'live' && <span className="room-offline"> {t('room.reconnecting')}</span>}
            </p>
          )}
        </div>
        {room.hasAmbience && (
          <div className="room-session">
            {room.inSession && <span className="session-badge session-badge-large">{t('common.inSession')}</span>}
            {room.inSession ? (
              <button type="button" className="button-secondary button-session" aria-busy={busy?.kind === 'session'} onClick={() => void endSession()}>
                {t('room.endSession')}
              </button>
            ) : (
              <button type="button" className="button-primary button-session" aria-busy={busy?.kind === 'session'} onClick={() => void startSession()}>
                {t('room.startSession')}
              </button>
            )}
            {!room.inSession && hasSessionExtras && <p className="room-session-note muted">{t('room.sessionNote')}</p>}
          </div>
        )}
      </header>
      <RoomNotes room={room} />
      {notice && (
        <p className="room-note" role="status">
          {notice.words}
        </p>
      )}
      {waiting.clinicians.length > 0 && <WaitingForYou clinicians={waiting.clinicians} waiting={waiting.waiting} now={now} onAcknowledge={waiting.acknowledge} />}
      {room.hasAmbience ? (
        <div className="room-layout">
          <RoomPicture roomName={room.name} devices={room.devices} />
          <PresetCards presets={room.presets} currentId={room.preset?.id ?? null} applyingId={busy?.kind === 'preset' ? busy.presetId : null} onApply={(preset) => void applyPreset(preset)} />
          <FineTune room={room} onTune={tune} />
          <SaveAsPreset room={room} onSave={saveAsPreset} />
        </div>
      ) : (
        <section className="room-empty">
          <h2>{t('room.nothingSetUp')}</h2>
          <p>{t('room.nothingSetUpDetail', { room: room.name })}</p>
        </section>
      )}
      <AdminProblems problems={room.problems} />
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </main>
  );
}
