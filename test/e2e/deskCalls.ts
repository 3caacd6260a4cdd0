/**
 * The desk's API calls made from a signed-in page (its session cookie), so a test can set up the
 * arrivals it needs, with the appointment times it needs, in a few lines.
 */
import { expect, type Page } from '@playwright/test';
import type { Input, ProcedureName, Slot } from '../../main/contract/contract.ts';

export async function callAsDesk<P extends ProcedureName>(page: Page, name: P, input: Input<P>): Promise<{ ok: boolean; value?: unknown; error?: { message: string } }> {
  return page.evaluate(
    async ({ name, input }) => {
      const response = await fetch(`/api/call/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-stillroom': '1' }, body: JSON.stringify(input) });
      return (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
    },
    { name, input },
  );
}

/** Checks a client in at the desk; returns the arrival's id. */
export async function checkInAtDesk(page: Page, clinicianId: string | null, slot: Slot): Promise<string> {
  const result = await callAsDesk(page, 'checkInAtDesk', { clinicianId, slot, wishes: [] });
  expect(result.ok).toBe(true);
  return (result.value as { id: string }).id;
}

export async function setStatus(page: Page, arrivalId: string, status: Input<'setStatus'>['status']) {
  expect((await callAsDesk(page, 'setStatus', { arrivalId, status })).ok).toBe(true);
}
