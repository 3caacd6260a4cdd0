/**
 * The shapes the planner speaks in: entity state as Home Assistant reports it, and the service calls
 * it plans. Kept apart from the Home Assistant adapter so the planner stays pure and testable.
 */

/** An entity's state as Home Assistant reports it (`HassEntity` fits). */
export interface EntityState {
  state: string;
  attributes: Readonly<Record<string, unknown>>;
}

/** Live (or remembered) states by entity id; a missing entity is one we know nothing about. */
export type EntityStates = Readonly<Record<string, EntityState | undefined>>;

/** One `call_service`; `target` is absent only for room-wide calls such as `scene.apply`. */
export interface ServiceCall {
  domain: string;
  service: string;
  target?: { entity_id: string };
  serviceData: Record<string, unknown>;
}

/** A call and when to send it, in milliseconds after the plan starts. */
export interface TimedCall {
  atMs: number;
  call: ServiceCall;
}

/** Everything one device is sent, in order; different devices may be sent concurrently. */
export interface DevicePlan {
  entityId: string;
  steps: TimedCall[];
}

export interface AmbiencePlan {
  devices: DevicePlan[];
}

export const serviceCall = (entityId: string, service: string, serviceData: Record<string, unknown> = {}): ServiceCall => ({
  domain: entityId.slice(0, entityId.indexOf('.')),
  service,
  target: { entity_id: entityId },
  serviceData,
});

export const now = (call: ServiceCall): TimedCall => ({ atMs: 0, call });
