import { describe, expect, it, vi } from 'vitest';
import type { ServiceCall } from '../../../main/hub/ambience/homeAssistantCalls.ts';
import { runPlan } from '../../../main/hub/rooms/planRunner.ts';
import type { ServiceCallResult } from '../../../main/hub/devices/homeAssistant/serviceCallResult.ts';

const call = (entityId: string, service: string): ServiceCall => ({ domain: entityId.split('.')[0]!, service, target: { entity_id: entityId }, serviceData: {} });

describe('carrying out a plan', () => {
  it('sends every device at once and reports each one when its immediate steps are acknowledged', async () => {
    const started: string[] = [];
    const answers: (() => void)[] = [];
    const run = runPlan(
      { devices: [{ entityId: 'light.a', steps: [{ atMs: 0, call: call('light.a', 'turn_on') }] }, { entityId: 'light.b', steps: [{ atMs: 0, call: call('light.b', 'turn_on') }] }] },
      (sent) =>
        new Promise<ServiceCallResult>((resolve) => {
          started.push(sent.target!.entity_id as string);
          answers.push(() => resolve({ ok: true, contextId: 'ctx' }));
        }),
    );
    // Both were sent before either was answered: no device waits for another.
    expect(started).toEqual(['light.a', 'light.b']);
    answers.forEach((answer) => answer());
    expect((await run.immediate).map((r) => r.result.ok)).toEqual([true, true]);
  });

  it('reports a device whose only steps lie ahead (a volume ramp) as fine so far, not as lost', async () => {
    const run = runPlan({ devices: [{ entityId: 'media_player.s', steps: [{ atMs: 60_000, call: call('media_player.s', 'volume_set') }] }] }, async () => ({ ok: true, contextId: 'x' }));
    const [result] = await run.immediate;
    run.cancel();
    expect(result!.result).toEqual({ ok: true, contextId: '' });
  });

  it('stops a device at its first failure and reports that failure', async () => {
    const sent: string[] = [];
    const run = runPlan(
      { devices: [{ entityId: 'media_player.s', steps: [{ atMs: 0, call: call('media_player.s', 'volume_set') }, { atMs: 0, call: call('media_player.s', 'play_media') }] }] },
      async (c) => {
        sent.push(c.service);
        return { ok: false, reason: 'unavailable', message: 'Entity media_player.s is unavailable' };
      },
    );
    const [result] = await run.immediate;
    expect(result!.result.ok).toBe(false);
    expect(sent).toEqual(['volume_set']);
  });

  it('sends nothing more after cancel', async () => {
    vi.useFakeTimers();
    const sent: string[] = [];
    const run = runPlan({ devices: [{ entityId: 'media_player.s', steps: [{ atMs: 0, call: call('media_player.s', 'volume_set') }, { atMs: 50, call: call('media_player.s', 'media_stop') }] }] }, async (c) => {
      sent.push(c.service);
      return { ok: true, contextId: 'x' };
    });
    await run.immediate;
    run.cancel();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sent).toEqual(['volume_set']);
    vi.useRealTimers();
  });

  it('says a fade is finished only once its last step was taken: not when it was cut short or refused', async () => {
    vi.useFakeTimers();
    const fade = (entityId: string) => ({ entityId, steps: [{ atMs: 0, call: call(entityId, 'volume_set') }, { atMs: 50, call: call(entityId, 'media_stop') }] });
    const finished = runPlan({ devices: [fade('media_player.a')] }, async () => ({ ok: true, contextId: 'x' }));
    const cut = runPlan({ devices: [fade('media_player.b')] }, async () => ({ ok: true, contextId: 'x' }));
    const lost = runPlan({ devices: [fade('media_player.c')] }, async (c) => (c.service === 'media_stop' ? { ok: false, reason: 'disconnected', message: 'gone' } : { ok: true, contextId: 'x' }));
    await Promise.all([finished.immediate, cut.immediate, lost.immediate]);
    cut.cancel();
    await vi.advanceTimersByTimeAsync(100);
    expect((await finished.settled).map((d) => d.complete)).toEqual([true]);
    expect((await cut.settled).map((d) => d.complete)).toEqual([false]);
    expect(await lost.settled).toEqual([{ entityId: 'media_player.c', complete: false, result: { ok: false, reason: 'disconnected', message: 'gone' } }]);
    vi.useRealTimers();
  });
});
