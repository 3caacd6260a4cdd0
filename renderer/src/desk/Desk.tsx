/**
 * The front-desk board: the rooms at a glance, the office's health in a line, gentle alerts, then
 * today's arrivals, live. The board loads once, then merges pushed events; after a reconnect it
 * loads again so nothing missed while offline stays missing.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Arrival, ArrivalStatus, DeskBoard, LastChange, LiveStatus } from '../../../main/contract/contract.ts';
import { boardCounts } from '../../../main/contract/boardStats.ts';
import type { Bridge } from '../transport/bridge.ts';
import { ArrivalsTable } from './ArrivalsTable.tsx';
import { DeskAlerts, alertStillMatters, alertWords, type DeskAlert } from './DeskAlerts.tsx';
import { DeskCheckIn } from './DeskCheckIn.tsx';
import { HealthStrip } from './HealthStrip.tsx';
import { MoreActions } from './MoreActions.tsx';
import { PinGate } from './PinGate.tsx';
import { playChime } from './chime.ts';
import { useNow } from './useNow.ts';
import { useRetryWhile } from '../connection/retry.ts';
import { useOfficeHealth } from './useOfficeHealth.ts';
import { withArrivalEvent } from '../common/boardEvents.ts';
import { clockLabel } from '../common/words.ts';
import { RoomCards } from '../room/RoomCards.tsx';
import { useRoomsOverview } from '../room/useRoomsOverview.ts';

const mutedKey = 'stillroom.desk.muted';

/** `reason`: signed in, but with a PIN (a room's) that does not open the desk. */
type Load = { state: 'loading' } | { state: 'needs-pin'; reason: string | null } | { state: 'trouble'; message: string } | { state: 'ready'; board: DeskBoard };

export function Desk({ bridge }: { bridge: Bridge }) {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [live, setLive] = useState<LiveStatus['state']>('reconnecting');
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const [announcement, setAnnouncement] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [muted, setMuted] = useState(() => localStorage.getItem(mutedKey) === 'yes');
  const [checkingIn, setCheckingIn] = useState(false);
  const [alerts, setAlerts] = useState<DeskAlert[]>([]);
  const [noted, setNoted] = useState<ReadonlySet<string>>(new Set());
  const mutedRef = useRef(muted);
  mutedRef.current = muted;
  const boardRef = useRef<DeskBoard | null>(null);
  boardRef.current = load.state === 'ready' ? load.board : null;
  /** Arrivals whose alert has chimed: an alert sent again (after a reconnect) stays quiet. */
  const chimed = useRef(new Set<string>());
  const now = useNow(5_000);

  const loadBoard = useCallback(async () => {
    const result = await bridge.call('deskBoard', {});
    if (result.ok) setLoad({ state: 'ready', board: result.value });
    else if (result.error.code === 'needs-pin') setLoad({ state: 'needs-pin', reason: null });
    else if (result.error.code === 'not-allowed' && bridge.signIn) setLoad({ state: 'needs-pin', reason: result.error.message });
    else setLoad({ state: 'trouble', message: result.error.message });
  }, [bridge]);

  useEffect(() => {
    void loadBoard();
  }, [loadBoard]);
  // A board opened before its hub (or while it restarts) tries again by itself.
  useRetryWhile(load.state === 'trouble', loadBoard);

  const signedIn = load.state === 'ready';
  const rooms = useRoomsOverview(bridge, signedIn).load;
  const health = useOfficeHealth(bridge, signedIn);
  useEffect(() => {
    if (!signedIn) return;
    // A new arrival glows softly for a while, is announced to screen readers, and chimes unless muted.
    const welcome = (arrival: Arrival) => {
      setFresh((current) => new Set(current).add(arrival.id));
      setTimeout(() => setFresh((current) => new Set([...current].filter((id) => id !== arrival.id))), 10_000);
      setAnnouncement(`New arrival at ${clockLabel(arrival.arrivedAt)}`);
      if (!mutedRef.current && arrival.source === 'kiosk') playChime();
    };
    // An alert shows as a banner and a soft mark on its row, and chimes once unless muted.
    const raise = ({ arrivalId, clinicianId, waitedMinutes }: DeskAlert) => {
      const alert = { arrivalId, clinicianId, waitedMinutes };
      setAlerts((current) => [...current.filter((a) => a.arrivalId !== arrivalId), alert]);
      if (chimed.current.has(arrivalId)) return;
      chimed.current.add(arrivalId);
      if (boardRef.current) setAnnouncement(alertWords(alert, boardRef.current, Date.now()));
      if (!mutedRef.current) playChime();
    };
    return bridge.subscribe(
      'arrivals',
      (event) => {
        if (event.type === 'board-reset') return void loadBoard();
        if (event.type === 'desk-alert') return raise(event);
        if (event.type !== 'arrival' && event.type !== 'arrival-removed') return;
        setLoad((current) => (current.state === 'ready' ? { state: 'ready', board: withArrivalEvent(current.board, event) } : current));
        if (event.type === 'arrival' && event.change === 'checked-in') welcome(event.arrival);
      },
      (status) => {
        setLive(status.state);
        if (status.state === 'live') void loadBoard();
      },
    );
  }, [bridge, signedIn, loadBoard]);

  const setStatus = async (arrival: Arrival, status: ArrivalStatus) => {
    const result = await bridge.call('setStatus', { arrivalId: arrival.id, status });
    setNotice(result.ok ? null : result.error.message);
  };
  const undo = async () => {
    const result = await bridge.call('undo', {});
    setNotice(result.ok ? (result.value.undone ? `Undone: ${result.value.undone}.` : 'There is nothing to undo.') : result.error.message);
  };
  const wipeToday = async () => {
    const result = await bridge.call('wipeToday', {});
    if (!result.ok) {
      setNotice(result.error.message);
      return false;
    }
    const { wiped } = result.value;
    setNotice(wiped === 0 ? 'There was nothing to wipe: no arrivals today.' : `Today is wiped: ${wiped === 1 ? '1 arrival' : `${wiped} arrivals`} deleted.`);
    setAlerts([]);
    void loadBoard();
    return true;
  };
  const toggleMute = () => {
    localStorage.setItem(mutedKey, muted ? 'no' : 'yes');
    setMuted(!muted);
  };

  if (load.state === 'loading') return <main className="desk"><p role="status">Opening the board…</p></main>;
  if (load.state === 'needs-pin') {
    const words = load.reason ? { title: 'Front desk', lead: `${load.reason} Enter the desk PIN to open the board.`, action: 'Open the board' } : undefined;
    return <PinGate bridge={bridge} practiceName="" onSignedIn={() => void loadBoard()} {...(words ? { words } : {})} />;
  }
  if (load.state === 'trouble') return <main className="desk"><p role="alert">{load.message}</p></main>;

  const { board } = load;
  const counts = boardCounts(board.arrivals);
  const arrivalsById = new Map(board.arrivals.map((a) => [a.id, a]));
  // Alerts the board loaded with (raised while this desk was away) and those pushed since.
  const everyAlert = [...board.alerts.filter((alert) => !alerts.some((a) => a.arrivalId === alert.arrivalId)), ...alerts];
  const openAlerts = everyAlert.filter((alert) => alertStillMatters(arrivalsById.get(alert.arrivalId)));
  const alerted = new Set(openAlerts.map((alert) => alert.arrivalId));
  return (
    <main className="desk">
      <header className="desk-header">
        <div>
          <h1>{board.practiceName}</h1>
          <p className="desk-sub">Today's arrivals {live !== 'live' && <span className="desk-offline">· reconnecting…</span>}</p>
        </div>
        <dl className="desk-counts" aria-label="Today at a glance">
          <div>
            <dt>Waiting now</dt>
            <dd data-testid="count-waiting">{counts.waitingNow}</dd>
          </div>
          <div>
            <dt>Seen today</dt>
            <dd data-testid="count-seen">{counts.seenToday}</dd>
          </div>
          <div>
            <dt>Median wait</dt>
            <dd data-testid="median-wait">{counts.medianWaitMinutes === null ? '—' : `${Math.round(counts.medianWaitMinutes)} min`}</dd>
          </div>
        </dl>
        <div className="desk-actions">
          <button type="button" className="button-secondary" onClick={() => setCheckingIn(!checkingIn)} aria-expanded={checkingIn}>
            Check someone in
          </button>
          <UndoButton lastChange={board.lastChange} onUndo={() => void undo()} />
          <button type="button" className="button-quiet" aria-pressed={muted} onClick={toggleMute}>
            {muted ? 'Chime off' : 'Chime on'}
          </button>
          <MoreActions onWipeToday={wipeToday} />
        </div>
      </header>
      <HealthStrip health={health} now={now} />
      {rooms.state === 'ready' && rooms.overview.rooms.length > 0 && (
        <section className="desk-rooms" aria-labelledby="desk-rooms-title">
          <h2 id="desk-rooms-title" className="visually-hidden">
            Rooms
          </h2>
          <RoomCards rooms={rooms.overview.rooms} label="Rooms" />
        </section>
      )}
      {checkingIn && (
        <DeskCheckIn
          clinicians={board.clinicians}
          onCancel={() => setCheckingIn(false)}
          onCheckIn={async (request) => {
            const result = await bridge.call('checkInAtDesk', request);
            if (result.ok) setCheckingIn(false);
            setNotice(result.ok ? null : result.error.message);
          }}
        />
      )}
      {notice && (
        <p className="desk-notice" role="status">
          {notice}
        </p>
      )}
      <DeskAlerts alerts={openAlerts.filter((alert) => !noted.has(alert.arrivalId))} board={board} now={now} onNoted={(arrivalId) => setNoted((current) => new Set(current).add(arrivalId))} />
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      <ArrivalsTable board={board} now={now} fresh={fresh} alerted={alerted} onSetStatus={(arrival, status) => void setStatus(arrival, status)} />
    </main>
  );
}

function UndoButton({ lastChange, onUndo }: { lastChange: LastChange; onUndo: () => void }) {
  return (
    <button type="button" className="button-secondary" disabled={!lastChange} onClick={onUndo} title={lastChange ? `Undo ${lastChange.description}` : undefined}>
      {lastChange ? `Undo ${lastChange.description}` : 'Undo'}
    </button>
  );
}
