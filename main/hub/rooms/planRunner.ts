/**
 * Carries out a plan: every device at once, each device's own steps in order at their times
 * (a volume ramp is a few `volume_set` calls spread over the fade). The caller learns each
 * device's outcome as soon as its immediate steps are acknowledged; later ramp steps go on in the
 * background until they finish or the room changes again (`cancel`).
 */
import type { AmbiencePlan, DevicePlan } from '../ambience/homeAssistantCalls.ts';
import type { ServiceCall, ServiceCallResult } from '../devices/homeAssistant/serviceCallResult.ts';

export type SendCall = (call: ServiceCall) => Promise<ServiceCallResult>;

export interface DeviceResult {
  entityId: string;
  result: ServiceCallResult;
}

export interface RunningPlan {
  /** One result per device: the first failure among its immediate steps, else the last success (or "nothing yet"). */
  immediate: Promise<DeviceResult[]>;
  /** Stops steps that have not been sent yet. */
  cancel(): void;
}

/** A device whose steps all lie ahead (a volume ramp) has nothing to report yet, and nothing went wrong. */
const nothingYet: ServiceCallResult = { ok: true, contextId: '' };

export function runPlan(plan: AmbiencePlan, send: SendCall): RunningPlan {
  let cancelled = false;
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  const runDevice = (device: DevicePlan): Promise<DeviceResult> =>
    new Promise((resolveImmediate) => {
      const started = Date.now();
      let result = nothingYet;
      let reported = false;
      const report = () => {
        if (!reported) resolveImmediate({ entityId: device.entityId, result });
        reported = true;
      };
      void (async () => {
        for (const step of [...device.steps].sort((a, b) => a.atMs - b.atMs)) {
          if (step.atMs > 0) {
            report();
            const due = step.atMs - (Date.now() - started);
            if (due > 0) await wait(due);
          }
          if (cancelled) break;
          result = await send(step.call);
          if (!result.ok) break;
        }
        report();
      })();
    });

  return {
    immediate: Promise.all(plan.devices.map(runDevice)),
    cancel() {
      cancelled = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
