/**
 * The front-desk board: the rooms at a glance, the office's health in a line, gentle alerts, then
 * today's arrivals, live. The board loads once, then merges pushed events; after a reconnect it
 * loads again so nothing missed while offline stays missing, and pushes that overtake a load are
 * replayed onto it (common/snapshotLoads.ts).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, Arrival, ArrivalStatus, DeskBoard, LastChange, LiveStatus } from '../../../main/contract/contract.ts';
import { noticeAfterReconnect, noticeFor, type Notice } from '../common/outageNotice.ts';
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
import { useOfficeHealth } from './useOfficeHealth.ts';
import { withArrivalEvent, type ArrivalEvent } from '../common/boardEvents.ts';
import { snapshotLoads } from '../common/snapshotLoads.ts';
import { clockLabel } from '../common/words.ts';
import { RoomCards } from '../room/RoomCards.tsx';
import { useRoomsOverview } from '../room/useRoomsOverview.ts';
import { useStaffWords } from '../i18n/staff/StaffLanguage.tsx';

const mutedKey = 'stillroom.desk.muted';
const viewKey = 'stillroom.desk.view';
/** How often a desk that opened while the hub was away tries the board again. */
const awayRetryMs = 3_000;

/** `reason`: signed in, but with a PIN (a room's) that does not open the desk. */
/** `away`: the hub could not be reached for the board itself; the desk tries again by itself. */
type Load = { state: 'loading' } | { state: 'needs-pin'; reason: string | null } | { state: 'away' } | { state: 'trouble'; message: string } | { state: 'ready'; board: DeskBoard };

export function Desk({ bridge }: { bridge: Bridge }) {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [live, setLive] = useState<LiveStatus['state']>('reconnecting');
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const [announcement, setAnnouncement] = useState('');
  const [notice, setNoticeState] = useState<Notice | null>(null);
  const [muted, setMuted] = useState(() => localStorage.getItem(mutedKey) === 'yes');
  const [waitingOnly, setWaitingOnly] = useState(() => localStorage.getItem(viewKey) === 'waiting');
  const [checkingIn, setCheckingIn] = useState(false);
  const [alerts, setAlerts] = useState<DeskAlert[]>([]);
  const [noted, setNoted] = useState<ReadonlySet<string>>(new Set());
  const mutedRef = useRef(muted);
  mutedRef.current = muted;
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const [focusNotice, setFocusNotice] = useState(false);
  useEffect(() => {
    if (!focusNotice || !noticeRef.current) return;
    noticeRef.current.focus();
    setFocusNotice(false);
  }, [focusNotice, notice]);
  const boardRef = useRef<DeskBoard | null>(null);
  boardRef.current = load.state === 'ready' ? load.board : null;
  /** Arrivals whose alert has chimed: an alert sent again (after a reconnect) stays quiet. */
  const chimed = useRef(new Set<string>());
  const [loads] = useState(() => snapshotLoads<ArrivalEvent>());
  const now = useNow(5_000);
  const words = useStaffWords();
  const { t } = words;
  const wordsRef = useRef(words);
  wordsRef.current = words;
  const setNotice = (words: string | null) => setNoticeState(words === null ? null : { words, offline: false });
  const noticeFrom = (result: { ok: true } | { ok: false; error: ApiError }) => setNoticeState(result.ok ? null : noticeFor(result.error));

  const loadBoard = useCallback(async () => {
    const ticket = loads.begin();
    const result = await bridge.call('deskBoard', {});
    const overtaken = loads.land(ticket);
    if (overtaken === null) return;
    if (result.ok) setLoad({ state: 'ready', board: overtaken.reduce(withArrivalEvent, result.value) });
    else if (result.error.code === 'needs-pin') setLoad({ state: 'needs-pin', reason: null });
    else if (result.error.code === 'not-allowed' && bridge.signIn) setLoad({ state: 'needs-pin', reason: result.error.message });
    else if (result.error.code === 'unavailable') setLoad((current) => (current.state === 'ready' ? current : { state: 'away' }));
    else setLoad({ state: 'trouble', message: result.error.message });
  }, [bridge, loads]);

  useEffect(() => {
    void loadBoard();
  }, [loadBoard]);
  // Opened while the hub was away (an Electron desk while its hub restarts): try again until it answers.
  useEffect(() => {
    if (load.state !== 'away') return;
    const retry = setInterval(() => void loadBoard(), awayRetryMs);
    return () => clearInterval(retry);
  }, [load.state, loadBoard]);

  const signedIn = load.state === 'ready';
  // Several desk tabs (or a desk beside a room screen) can be told apart by their titles.
  const practiceName = load.state === 'ready' ? load.board.practiceName : null;
  useEffect(() => {
    document.title = practiceName ? t('desk.title', { practice: practiceName }) : t('desk.titleResting');
  }, [practiceName]);
  const rooms = useRoomsOverview(bridge, signedIn).load;
  const health = useOfficeHealth(bridge, signedIn);
  useEffect(() => {
    if (!signedIn) return;
    // A new arrival glows softly for a while, is announced to screen readers, and chimes unless muted.
    const welcome = (arrival: Arrival) => {
      setFresh((current) => new Set(current).add(arrival.id));
      setTimeout(() => setFresh((current) => new Set([...current].filter((id) => id !== arrival.id))), 10_000);
      setAnnouncement(wordsRef.current.t('desk.newArrival', { time: clockLabel(arrival.arrivedAt) }));
      if (!mutedRef.current && arrival.source === 'kiosk') playChime();
    };
    // An alert shows as a banner and a soft mark on its row, and chimes once unless muted.
    const raise = ({ arrivalId, clinicianId, waitedMinutes }: DeskAlert) => {
      const alert = { arrivalId, clinicianId, waitedMinutes };
      setAlerts((current) => [...current.filter((a) => a.arrivalId !== arrivalId), alert]);
      if (chimed.current.has(arrivalId)) return;
      chimed.current.add(arrivalId);
      if (boardRef.current) setAnnouncement(alertWords(alert, boardRef.current, Date.now(), wordsRef.current));
      if (!mutedRef.current) playChime();
    };
    return bridge.subscribe(
      'arrivals',
      (event) => {
        if (event.type === 'board-reset') return void loadBoard();
        if (event.type === 'desk-alert') return raise(event);
        if (event.type !== 'arrival' && event.type !== 'arrival-removed') return;
        loads.pushed(event);
        setLoad((current) => (current.state === 'ready' ? { state: 'ready', board: withArrivalEvent(current.board, event) } : current));
        if (event.type === 'arrival' && event.change === 'checked-in') welcome(event.arrival);
      },
      (status) => {
        setLive(status.state);
        if (status.state !== 'live') return;
        // A tap that failed while the hub was away was not retried: say so, rather than keep "can't be reached".
        setNoticeState((current) => noticeAfterReconnect(current, 'board'));
        void loadBoard();
      },
    );
  }, [bridge, signedIn, loadBoard, loads]);

  const setStatus = async (arrival: Arrival, status: ArrivalStatus) => {
    noticeFrom(await bridge.call('setStatus', { arrivalId: arrival.id, status }));
  };
  const assign = async (arrival: Arrival, clinicianId: string) => {
    const result = await bridge.call('assignClinician', { arrivalId: arrival.id, clinicianId });
    const name = boardRef.current?.clinicians.find((c) => c.id === clinicianId)?.displayName ?? clinicianId;
    if (result.ok) setNotice(t('desk.given', { name }));
    else noticeFrom(result);
  };
  const remove = async (arrival: Arrival) => {
    const result = await bridge.call('removeArrival', { arrivalId: arrival.id });
    if (!result.ok) return noticeFrom(result);
    setNotice(t('desk.removed', { time: clockLabel(arrival.arrivedAt) }));
    // Its row (and the button that had the focus) is gone: the focus goes to the words saying so,
    // once they are on the page (an effect, not a frame callback, which can run before React renders them).
    setFocusNotice(true);
  };
  const undo = async () => {
    const before = boardRef.current?.lastChange ?? null;
    const result = await bridge.call('undo', {});
    if (!result.ok) return noticeFrom(result);
    const { undone } = result.value;
    // What was undone, in the desk's words when it is the change this board showed (it almost always is).
    const said = undone === null ? null : before?.description === undone ? changeWords(before) : undone;
    setNotice(said === null ? t('desk.nothingToUndo') : t('desk.undone', { change: said }));
  };
  const wipeToday = async () => {
    const result = await bridge.call('wipeToday', {});
    if (!result.ok) {
      noticeFrom(result);
      return false;
    }
    const { wiped } = result.value;
    setNotice(wiped === 0 ? t('desk.nothingToWipe') : t('desk.wiped', { count: wiped }));
    setAlerts([]);
    void loadBoard();
    return true;
  };
  const toggleMute = () => {
    localStorage.setItem(mutedKey, muted ? 'no' : 'yes');
    setMuted(!muted);
  };
  const showWaitingOnly = (only: boolean) => {
    localStorage.setItem(viewKey, only ? 'waiting' : 'all');
    setWaitingOnly(only);
  };
  const nameOf = (clinicianId: string) => boardRef.current?.clinicians.find((c) => c.id === clinicianId)?.displayName ?? clinicianId;
  const changeWords = (change: NonNullable<LastChange>) => words.change(change.facts, nameOf);
  const signOut = bridge.signOut
    ? async () => {
        await bridge.signOut!();
        setNotice(null);
        setLoad({ state: 'needs-pin', reason: null });
      }
    : null;

  if (load.state === 'loading') return <main className="desk"><p role="status">{t('desk.opening')}</p></main>;
  if (load.state === 'needs-pin') {
    const gate = { title: t('pin.desk.title'), lead: load.reason ? t('pin.desk.leadWithReason', { reason: load.reason }) : t('pin.desk.lead'), action: t('pin.desk.action') };
    return <PinGate bridge={bridge} practiceName="" onSignedIn={() => void loadBoard()} words={gate} />;
  }
  if (load.state === 'away') {
    return (
      <main className="desk">
        <p role="status">{t('desk.away')}</p>
      </main>
    );
  }
  if (load.state === 'trouble') return <main className="desk"><p role="alert">{load.message}</p></main>;

  const { board } = load;
  const counts = boardCounts(board.arrivals);
  const arrivalsById = new Map(board.arrivals.map((a) => [a.id, a]));
  // Alerts the board loaded with (raised while this desk was away) and those pushed since.
  const everyAlert = [...board.alerts.filter((alert) => !alerts.some((a) => a.arrivalId === alert.arrivalId)), ...alerts];
  const openAlerts = everyAlert.filter((alert) => alertStillMatters(arrivalsById.get(alert.arrivalId)));
  const alerted = new Set(openAlerts.map((alert) => alert.arrivalId));
  const shown = waitingOnly ? board.arrivals.filter((arrival) => arrival.status === 'waiting') : board.arrivals;
  const folded = board.arrivals.length - shown.length;
  return (
    <main className="desk">
      <header className="desk-header">
        <div className="desk-title">
          <h1>{board.practiceName}</h1>
          <p className="desk-sub">
            {t('desk.todaysArrivals')} {live !== 'live' && <span className="desk-offline">{t('desk.offline')}</span>}
          </p>
        </div>
        <dl className="desk-counts" aria-label={t('desk.atAGlance')}>
          <div>
            <dt>{t('desk.waitingNow')}</dt>
            <dd data-testid="count-waiting">{counts.waitingNow}</dd>
          </div>
          <div>
            <dt>{t('desk.seenToday')}</dt>
            <dd data-testid="count-seen">{counts.seenToday}</dd>
          </div>
          <div>
            <dt>{t('desk.medianWait')}</dt>
            <dd data-testid="median-wait">{counts.medianWaitMinutes === null ? '—' : t('desk.minutesShort', { count: Math.round(counts.medianWaitMinutes) })}</dd>
          </div>
        </dl>
        <div className="desk-actions">
          <button type="button" className="button-secondary" onClick={() => setCheckingIn(!checkingIn)} aria-expanded={checkingIn}>
            {t('desk.checkSomeoneIn')}
          </button>
          <UndoButton change={board.lastChange ? changeWords(board.lastChange) : null} onUndo={() => void undo()} />
          {/* One fixed name and a state, so a screen reader says "Chime, switch, on" (issue 14). */}
          <button type="button" role="switch" className="button-secondary chime-switch" aria-checked={!muted} onClick={toggleMute}>
            {t('desk.chime')}
            <span className="switch-track" aria-hidden="true" />
          </button>
          <MoreActions onWipeToday={wipeToday} />
          {signOut && (
            <button type="button" className="button-quiet" onClick={() => void signOut()}>
              {t('desk.signOut')}
            </button>
          )}
        </div>
      </header>
      {/* The last change in its own line, so the buttons above never move as its words grow. */}
      <p className="desk-last-change" id="desk-last-change">
        {board.lastChange ? t('desk.lastChange', { change: changeWords(board.lastChange) }) : ''}
      </p>
      <HealthStrip health={health} now={now} />
      {rooms.state === 'ready' && rooms.overview.rooms.length > 0 && (
        <section className="desk-rooms" aria-labelledby="desk-rooms-title">
          <h2 id="desk-rooms-title" className="visually-hidden">
            {t('desk.rooms')}
          </h2>
          <RoomCards rooms={rooms.overview.rooms} label={t('desk.rooms')} />
        </section>
      )}
      {checkingIn && (
        <DeskCheckIn
          clinicians={board.clinicians}
          onCancel={() => setCheckingIn(false)}
          onCheckIn={async (request) => {
            const result = await bridge.call('checkInAtDesk', request);
            if (result.ok) setCheckingIn(false);
            noticeFrom(result);
          }}
        />
      )}
      {notice && (
        <p className="desk-notice" role="status" tabIndex={-1} ref={noticeRef}>
          {notice.words}
        </p>
      )}
      <DeskAlerts alerts={openAlerts.filter((alert) => !noted.has(alert.arrivalId))} board={board} now={now} onNoted={(arrivalId) => setNoted((current) => new Set(current).add(arrivalId))} />
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      <div className="desk-view" role="group" aria-label={t('desk.show')}>
        <button type="button" className="button-secondary" aria-pressed={!waitingOnly} onClick={() => showWaitingOnly(false)}>
          {t('desk.allOfToday')}
        </button>
        <button type="button" className="button-secondary" aria-pressed={waitingOnly} onClick={() => showWaitingOnly(true)}>
          {t('desk.waitingOnly')}
        </button>
      </div>
      {board.arrivals.length === 0 ? (
        <p className="desk-empty">{t('desk.noArrivals')}</p>
      ) : shown.length === 0 ? (
        <p className="desk-empty">{t('desk.nobodyWaiting')}</p>
      ) : (
        <ArrivalsTable board={board} arrivals={shown} now={now} fresh={fresh} alerted={alerted} onSetStatus={(arrival, status) => void setStatus(arrival, status)} onAssign={(arrival, clinicianId) => void assign(arrival, clinicianId)} onRemove={(arrival) => void remove(arrival)} />
      )}
      {folded > 0 && (
        <p className="desk-folded">
          {t('desk.folded', { count: folded })}{' '}
          <button type="button" className="button-quiet" onClick={() => showWaitingOnly(false)}>
            {t('desk.showAll')}
          </button>
        </p>
      )}
    </main>
  );
}

/** Always the one word "Undo" on screen, so the header keeps its shape; its name says what it undoes. */
function UndoButton({ change, onUndo }: { change: string | null; onUndo: () => void }) {
  const { t } = useStaffWords();
  return (
    <button
      type="button"
      className="button-secondary"
      disabled={!change}
      onClick={onUndo}
      aria-label={change ? t('desk.undoWhat', { change }) : undefined}
      aria-describedby="desk-last-change"
      title={change ? t('desk.undoWhat', { change }) : undefined}
    >
      {t('desk.undo')}
    </button>
  );
}
