/**
 * Carries out a plan: every device at once, each device's own steps in order at their times
 * (a volume ramp is a few `volume_set` calls spread over the fade). The caller learns each
 * device's outcome as soon as its immediate steps are acknowledged; later ramp steps go on in the
 * background until they finish or the room changes again (`cancel`); `settled` says, per device,
 * whether every step was sent and taken, so a fade cut short (an outage, the hub stopping) is known
 * to be unfinished and can be finished later.
 */
import type { AmbiencePlan, DevicePlan } from '../ambience/homeAssistantCalls.ts';
import type { ServiceCall, ServiceCallResult } from '../devices/homeAssistant/serviceCallResult.ts';

export type SendCall = (call: ServiceCall) => Promise<ServiceCallResult>;

export interface DeviceResult {
  entityId: string;
  result: ServiceCallResult;
}

/** A device once its steps are over: `complete` only when every step was sent and Home Assistant took it. */
export interface SettledDevice extends DeviceResult {
  complete: boolean;
}

export interface RunningPlan {
  /** One result per device: the first failure among its immediate steps, else the last success (or "nothing yet"). */
  immediate: Promise<DeviceResult[]>;
  /** One per device, after its last step (or the step that failed, or the cancel). */
  settled: Promise<SettledDevice[]>;
  /** The same, device by device as each settles (a lamp's one call long before a speaker's fade ends). */
  each: Promise<SettledDevice>[];
  /** Stops steps that have not been sent yet. */
  cancel(): void;
}

/** A device whose steps all lie ahead (a volume ramp) has nothing to report yet, and nothing went wrong. */
const nothingYet: ServiceCallResult = { ok: true, contextId: '' };

export function runPlan(plan: AmbiencePlan, send: SendCall): RunningPlan {
  let cancelled = false;
  /** Each wait's timer and its way to end early: a cancel ends every wait at once, so each device settles. */
  const waits = new Map<ReturnType<typeof setTimeout>, () => void>();
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        waits.delete(timer);
        resolve();
      }, ms);
      waits.set(timer, resolve);
    });

  const runDevice = (device: DevicePlan): { immediate: Promise<DeviceResult>; settled: Promise<SettledDevice> } => {
    let resolveImmediate!: (result: DeviceResult) => void;
    const immediate = new Promise<DeviceResult>((resolve) => (resolveImmediate = resolve));
    const started = Date.now();
    let result = nothingYet;
    let reported = false;
    const report = () => {
      if (!reported) resolveImmediate({ entityId: device.entityId, result });
      reported = true;
    };
    const settled = (async (): Promise<SettledDevice> => {
      let complete = true;
      for (const step of [...device.steps].sort((a, b) => a.atMs - b.atMs)) {
        if (step.atMs > 0) {
          report();
          const due = step.atMs - (Date.now() - started);
          if (due > 0) await wait(due);
        }
        if (cancelled) {
          complete = false;
          break;
        }
        result = await send(step.call);
        if (!result.ok) {
          complete = false;
          break;
        }
      }
      report();
      return { entityId: device.entityId, result, complete };
    })();
    return { immediate, settled };
  };

  const runs = plan.devices.map(runDevice);
  return {
    immediate: Promise.all(runs.map((run) => run.immediate)),
    settled: Promise.all(runs.map((run) => run.settled)),
    each: runs.map((run) => run.settled),
    cancel() {
      cancelled = true;
      for (const [timer, end] of waits) {
        clearTimeout(timer);
        end();
      }
      waits.clear();
    },
  };
}
