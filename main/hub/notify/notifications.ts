import { randomBytes } from 'node:crypto';
/**
 * How the office hears of arrivals: at check-in the routes are planned (quietly while the
 * clinician's room is in session) and written to the outbox in the arrival's own transaction; the
 * dispatcher delivers them at least once; an arrival announced only quietly and not acknowledged
 * in time alerts the desk. Routes to a system the office does not have (no broker, no Home
 * Assistant) are not written at all, so nothing waits forever for them.
 */
import type { ArrivalAnnouncer } from '../arrivals/arrivals.ts';
import type { ArrivalsStore } from '../arrivals/arrivalsStore.ts';
import type { Arrival, LiveEvent } from '../../contract/contract.ts';
import { waitStart } from '../../contract/boardStats.ts';
import type { OfficeConfig } from '../config/officeConfig.ts';
import type { HomeAssistantLink } from '../devices/homeAssistant/homeAssistantLink.ts';
import type { BusAddress } from '../devices/mqtt/officeBus.ts';
import type { MqttLink } from '../devices/mqtt/mqttLink.ts';
import { Listeners } from '../listeners.ts';
import type { Log } from '../log.ts';
import type { Db } from '../store/database.ts';
import { homeAssistantDeliveries, mqttBusDelivery } from './deliveries.ts';
import { acknowledgeActionPrefix, acknowledgeActions } from './actionKey.ts';
import type { HubFaults } from '../health/hubFaults.ts';
import { defaultBurstWindows, placeArrivalNotifications, type BurstWindows } from './collapse.ts';
import { createDispatcher, type RouteHandlers } from './dispatcher.ts';
import { createEscalationScheduler, type EscalationTimers } from './escalation.ts';
import { enqueueArrivalNotifications, hasDeskAlert, outboxHealth } from './outbox.ts';
import { busEvent, deskAlert, planCheckInNotifications, type ClinicianRoutes, type RoutePayload } from './routes.ts';

export interface NotificationsDeps {
  db: Db;
  config: OfficeConfig;
  store: ArrivalsStore;
  homeAssistant: HomeAssistantLink | null;
  mqtt: { link: MqttLink; bus: BusAddress } | null;
  /** Whether the clinician's room is in session now (null: the front desk, never). */
  inSession: (clinicianId: string | null) => boolean;
  publish: (event: LiveEvent) => void;
  log: Log;
  now: () => number;
  escalationTimers?: EscalationTimers;
  /** Where the outbox's caught bookkeeping failures go (main/hub/health/hubFaults.ts). */
  faults?: Pick<HubFaults, 'record' | 'recovered'>;
  /** The key that binds a push's "On my way" to its arrival (actionKey.ts); one for this run if not given. */
  actionKey?: Buffer;
  /** How far apart pushes to one phone are kept (collapse.ts); tests pass a short one. */
  bursts?: BurstWindows;
}

const homeAssistantRoutes = new Set<RoutePayload['route']>(['ha-notify', 'ha-event', 'light-cue']);

export function createNotifications({ db, config, store, homeAssistant, mqtt, inSession, publish, log, now, escalationTimers, faults, actionKey = randomBytes(32), bursts = defaultBurstWindows }: NotificationsDeps) {
  const actions = acknowledgeActions(actionKey);
  const healthListeners = new Listeners<[]>();
  const onHealthChange = () => healthListeners.emit();
  const acknowledgeListeners = new Listeners<[arrivalId: string]>();
  // Looked up each time: the admin surface changes the clinicians while the hub runs (config/officeFile.ts).
  const clinicians = { get: (id: string) => config.clinicians.find((clinician) => clinician.id === id) };
  const routesFor = (clinicianId: string | null): ClinicianRoutes | undefined => (clinicianId ? clinicians.get(clinicianId)?.notify : config.frontDesk.notify);
  const reachable = (notification: RoutePayload) =>
    notification.route === 'mqtt-bus' ? mqtt !== null : homeAssistantRoutes.has(notification.route) ? homeAssistant !== null : true;

  const deliveries = homeAssistant ? homeAssistantDeliveries(homeAssistant, actions, log) : null;
  const handlers: RouteHandlers = {
    ...(mqtt ? { 'mqtt-bus': mqttBusDelivery(mqtt.link, mqtt.bus) } : {}),
    ...deliveries?.handlers,
    'desk-alert': async (row) => {
      const { arrivalId, clinicianId, waitedMinutes } = row.payload as Extract<RoutePayload, { route: 'desk-alert' }>['payload'];
      publish({ type: 'desk-alert', arrivalId, clinicianId, waitedMinutes });
      return { ok: true };
    },
  };
  const dispatcher = createDispatcher({ db, handlers, log, now, onSettled: onHealthChange, onFault: (error) => faults?.record('outbox', error), onRecovered: () => faults?.recovered('disk-full') });

  const escalation = createEscalationScheduler({
    now,
    ...(escalationTimers ? { timers: escalationTimers } : {}),
    facts: (arrivalId, time) => {
      const arrival = store.get(arrivalId);
      if (!arrival) return null;
      return {
        status: arrival.status,
        waitingSince: waitStart(arrival),
        silent: store.announcedSilently(arrivalId),
        escalateAfterMinutes: routesFor(arrival.clinicianId)?.escalateAfterMinutes ?? null,
        acknowledged: arrival.acknowledgedAt !== null,
        alreadyAlerted: hasDeskAlert(db, arrivalId),
        now: time,
      };
    },
    alert: (arrivalId, waitedMinutes) => {
      const arrival = store.get(arrivalId);
      if (!arrival) return;
      store.transaction(() => enqueueArrivalNotifications(db, arrival, [deskAlert(arrival, waitedMinutes)], now()));
      // Not logged: a line with its time and clinician would outlive the arrival (the outbox row goes with it).
      dispatcher.nudge();
    },
  });

  const write = (arrival: Arrival, notifications: RoutePayload[]) => {
    const reached = notifications.filter(reachable);
    if (reached.length > 0) placeArrivalNotifications(db, arrival, reached, now(), bursts);
  };

  const announcer: ArrivalAnnouncer = {
    inTransaction(arrival, change) {
      // A client the desk gives to a clinician ("Assign to…") is announced to them as a check-in is.
      if (change === 'checked-in' || change === 'assigned') {
        const plan = planCheckInNotifications(arrival, routesFor(arrival.clinicianId), inSession(arrival.clinicianId));
        write(arrival, plan.notifications);
        if (plan.silent) store.markAnnouncedSilently(arrival.id);
      } else if (change !== 'acknowledged' && (routesFor(arrival.clinicianId)?.bus ?? true)) {
        // Status changes go on the bus too, so other screens and systems follow the board.
        write(arrival, [busEvent(arrival)]);
      }
    },
    committed(arrival) {
      // Delivery first: the dispatcher wakes on a microtask, so the bookkeeping waits a turn.
      dispatcher.nudge();
      setImmediate(() => {
        if (stopped) return;
        escalation.watch(arrival.id);
        onHealthChange();
      });
    },
  };

  // "On my way" from the push's action button.
  const stopListening = homeAssistant?.onEvent('mobile_app_notification_action', (data) => {
    const action = typeof data['action'] === 'string' ? data['action'] : '';
    if (!action.startsWith(acknowledgeActionPrefix)) return;
    const arrivalId = actions.arrivalOf(action);
    // Not from one of our pushes: someone fired the event with an id of their own making. Counted
    // in the log, never quoted (the action is the sender's text).
    if (arrivalId === null) log.warn('an "On my way" that no push of ours carried was ignored', { length: action.length });
    else acknowledgeListeners.emit(arrivalId);
  });

  let stopped = false;
  return {
    announcer,
    /** A clinician tapped "On my way" on their phone's push, for this arrival. */
    onAcknowledge: (listener: (arrivalId: string) => void) => acknowledgeListeners.add(listener),
    /** The outbox's health (pending deliveries, the last problem) may have changed. */
    onHealthChange: (listener: () => void) => healthListeners.add(listener),
    start(): void {
      dispatcher.start();
      for (const arrival of store.waiting()) escalation.watch(arrival.id);
    },
    /** Home Assistant (or the broker) is back: stop waiting out the backoff. */
    homeAssistantConnected: () => dispatcher.retryNow(['ha-notify', 'ha-event', 'light-cue']),
    brokerConnected: () => dispatcher.retryNow(['mqtt-bus']),
    health(): { pending: number; problem: string | null } {
      const { pending, lastError } = outboxHealth(db);
      return { pending, problem: pending > 0 && lastError ? `A notification (${lastError.route}) is waiting: ${lastError.message}` : null };
    },
    stop(): void {
      stopped = true;
      stopListening?.();
      escalation.stop();
      dispatcher.stop();
      deliveries?.close();
    },
  };
}

export type Notifications = ReturnType<typeof createNotifications>;
