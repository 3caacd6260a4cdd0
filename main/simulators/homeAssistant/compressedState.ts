/**
 * The compressed state stream of `subscribe_entities` (HA messages.py `as_compressed_state`
 * and `_state_diff`), built from the state objects a `state_changed` event carries.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Context } from './context.ts';
import type { Attributes, StateObject } from './stateMachine.ts';

export interface CompressedState {
  s: string;
  a: Attributes;
  c: string | Context;
  lc: number;
  lu?: number;
}

export interface StateDiff {
  '+': { s?: string; lc?: number; lu?: number; c?: string | Partial<Context>; a?: Attributes };
  '-'?: { a: string[] };
}

export type EntitiesEvent = { a: Record<string, CompressedState> } | { c: Record<string, StateDiff> } | { r: string[] };

/** Reverses `isoFromSeconds`, keeping the microseconds that `Date.parse` would drop. */
function secondsFromIso(iso: string): number {
  const fraction = /\.(\d{6})/.exec(iso)?.[1];
  const wholeSeconds = Date.parse(iso.replace(/\.\d{6}/, '')) / 1000;
  return fraction === undefined ? wholeSeconds : Math.round((wholeSeconds + Number(fraction) / 1e6) * 1e6) / 1e6;
}

/** A context travels as its bare id when it has no parent and no user, to save bytes. */
function compressContext(context: Context): string | Context {
  return context.parent_id === null && context.user_id === null ? context.id : context;
}

export function compressState(state: StateObject): CompressedState {
  const compressed: CompressedState = {
    s: state.state,
    a: state.attributes,
    c: compressContext(state.context),
    lc: secondsFromIso(state.last_changed),
  };
  if (state.last_updated !== state.last_changed) compressed.lu = secondsFromIso(state.last_updated);
  return compressed;
}

function contextDiff(old: Context, next: Context): string | Partial<Context> | undefined {
  if (isDeepStrictEqual(old, next)) return undefined;
  if (old.parent_id === next.parent_id && old.user_id === next.user_id) return next.id;
  const changed: Partial<Context> = {};
  if (old.id !== next.id) changed.id = next.id;
  if (old.parent_id !== next.parent_id) changed.parent_id = next.parent_id;
  if (old.user_id !== next.user_id) changed.user_id = next.user_id;
  return changed;
}

export function diffStates(old: StateObject, next: StateObject): StateDiff {
  const additions: StateDiff['+'] = {};
  if (old.state !== next.state) additions.s = next.state;
  if (old.last_changed !== next.last_changed) additions.lc = secondsFromIso(next.last_changed);
  else if (old.last_updated !== next.last_updated) additions.lu = secondsFromIso(next.last_updated);
  const context = contextDiff(old.context, next.context);
  if (context !== undefined) additions.c = context;
  const changedAttributes: Attributes = {};
  for (const [key, value] of Object.entries(next.attributes)) {
    if (!(key in old.attributes) || !isDeepStrictEqual(old.attributes[key], value)) changedAttributes[key] = value;
  }
  if (Object.keys(changedAttributes).length > 0) additions.a = changedAttributes;
  const diff: StateDiff = { '+': additions };
  const removed = Object.keys(old.attributes).filter((key) => !(key in next.attributes));
  if (removed.length > 0) diff['-'] = { a: removed };
  return diff;
}

/** The event a `state_changed` becomes on a `subscribe_entities` subscription. */
export function entitiesEventFor(entityId: string, oldState: StateObject | null, newState: StateObject | null): EntitiesEvent {
  if (newState === null) return { r: [entityId] };
  if (oldState === null) return { a: { [entityId]: compressState(newState) } };
  return { c: { [entityId]: diffStates(oldState, newState) } };
}
