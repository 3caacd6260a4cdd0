/**
 * The service registry behind `call_service` and `get_services`, in the order HA's
 * `ServiceRegistry.async_call` checks things: unknown service, then `return_response` misuse,
 * then the service's data schema, then the handler.
 */
import { z } from 'zod';
import type { Context } from './context.ts';
import { remember } from './records.ts';
import type { EventBus } from './eventBus.ts';
import type { SimulatedMedia } from './mediaSource.ts';
import { domainOf, type Attributes, type EntityState, type StateMachine } from './stateMachine.ts';
import { checkExclusive, describeInvalid, dict, str, strOrList, validate, type Invalid } from './voluptuous.ts';

export type ServiceErrorCode = 'invalid_format' | 'not_found' | 'home_assistant_error' | 'service_validation_error';

/** An error exactly as it goes into the `error` of a failed `result`. */
export interface ServiceError {
  code: ServiceErrorCode;
  message: string;
  translation_key?: string;
  translation_placeholders?: Record<string, string>;
  translation_domain?: string;
}

export type ServiceOutcome = { ok: true } | { ok: false; error: ServiceError };

export interface RecordedNotification {
  service: string;
  data: Attributes;
}

/** What service handlers act on. `memory` holds what a device remembers while off (last brightness, volume). */
export interface DeviceWorld {
  states: StateMachine;
  /** Local Media and what the players fetched (mediaSource.ts). */
  media: SimulatedMedia;
  memory: Map<string, unknown>;
  notifications: RecordedNotification[];
  keepRecords: number;
}

/** One entry of `get_services`. */
export interface ServiceDescription {
  name: string;
  description: string;
  fields: Record<string, unknown>;
  target?: { entity: { domain: string[] }[] };
  response?: { optional: boolean };
}

export interface ServiceDefinition {
  description: ServiceDescription;
  schema: z.ZodType<Record<string, unknown>>;
  /** `vol.Exclusive` groups, checked before the schema as voluptuous does. */
  exclusiveGroups?: Record<string, readonly string[]>;
  run(world: DeviceWorld, data: Record<string, unknown>, context: Context): ServiceError | undefined;
}

/** homeassistant/core.py `valid_entity_id` (VALID_ENTITY_ID). */
export const entityIdPattern = /^(?!.+__)(?!_)[\da-z_]+(?<!_)\.(?!_)[\da-z_]+(?<!_)$/;

/** `cv.ENTITY_SERVICE_FIELDS`: who a call is for. Device, area, floor and label ids match nothing here. */
export const targetFields = {
  entity_id: strOrList().superRefine((value, refinement) => {
    const ids = typeof value === 'string' ? (['all', 'none'].includes(value) ? [] : value.split(',').map((id) => id.trim())) : value;
    const invalid = ids.find((id) => !entityIdPattern.test(id));
    if (invalid !== undefined) refinement.addIssue({ code: 'custom', message: `Entity ID ${invalid} is an invalid entity ID` });
  }).optional(),
  device_id: strOrList().optional(),
  area_id: strOrList().optional(),
  floor_id: strOrList().optional(),
  label_id: strOrList().optional(),
};

export const targetSchema = z.strictObject(targetFields);

/** The entities of `domain` a call's data points at, as HA's `async_extract_referenced_entity_ids` would. */
function targetedEntities(states: StateMachine, domain: string, data: Record<string, unknown>): EntityState[] {
  const requested = data.entity_id;
  if (requested === 'all') return states.all().filter((entity) => domainOf(entity.entityId) === domain);
  const ids = typeof requested === 'string' ? (requested === 'none' ? [] : requested.split(',').map((id) => id.trim())) : ((requested as string[] | undefined) ?? []);
  return ids.filter((id) => domainOf(id) === domain).flatMap((id) => states.get(id) ?? []);
}

/** What a service does to one entity; an error ends the call there, as an exception in an entity's handler does. */
export type EntityEffect = (world: DeviceWorld, entity: EntityState, data: Record<string, unknown>, context: Context) => ServiceError | void;

/**
 * A service that acts on each targeted entity of its domain. Entities that do not exist are
 * skipped (HA only logs them), and so are unavailable ones: the call still succeeds. Home
 * Assistant core, homeassistant/helpers/service.py `entity_service_call`: "for entity in
 * entity_candidates: if not entity.available: continue", and with no entity left it returns None.
 */
export function entityService(domain: string, description: Omit<ServiceDescription, 'target'>, fields: z.ZodRawShape, effect: EntityEffect): ServiceDefinition {
  return {
    description: { ...description, target: { entity: [{ domain: [domain] }] } },
    schema: z.strictObject({ ...targetFields, ...fields }) as unknown as z.ZodType<Record<string, unknown>>,
    run(world, data, context) {
      const entities = targetedEntities(world.states, domain, data).filter((entity) => entity.state !== 'unavailable');
      for (const entity of entities) {
        const failed = effect(world, entity, data, context);
        if (failed) return failed;
      }
      return undefined;
    },
  };
}

function onOffServices(domain: string): Record<string, ServiceDefinition> {
  const write = (on: (entity: EntityState) => boolean): EntityEffect => (world, entity, _data, context) => {
    world.states.set(entity.entityId, on(entity) ? 'on' : 'off', entity.attributes, context);
  };
  return {
    turn_on: entityService(domain, { name: 'Turn on', description: `Turns on the ${domain}.`, fields: {} }, {}, write(() => true)),
    turn_off: entityService(domain, { name: 'Turn off', description: `Turns off the ${domain}.`, fields: {} }, {}, write(() => false)),
    toggle: entityService(domain, { name: 'Toggle', description: `Toggles the ${domain}.`, fields: {} }, {}, write((entity) => entity.state !== 'on')),
  };
}

export const switchServices = () => onOffServices('switch');
export const inputBooleanServices = () => onOffServices('input_boolean');

/** A legacy `notify.<target>` service such as `notify.mobile_app_pixel_8`; calls are recorded, nothing changes state. */
export function notifyService(name: string): ServiceDefinition {
  return {
    description: {
      name: `Send a notification via ${name}`,
      description: 'Sends a notification message using the mobile_app integration.',
      fields: { message: { required: true, selector: { text: null } }, title: { selector: { text: null } }, target: { selector: { object: null } }, data: { selector: { object: null } } },
    },
    schema: z.strictObject({ message: str(), title: str().optional(), target: strOrList().optional(), data: dict().optional() }),
    run(world, data) {
      remember(world.notifications, { service: name, data }, world.keepRecords);
      return undefined;
    },
  };
}

export interface ServiceCallRequest {
  domain: string;
  service: string;
  serviceData: Record<string, unknown>;
  target: Record<string, unknown> | undefined;
  returnResponse: boolean;
  context: Context;
}

const invalidFormat = (invalid: Invalid): ServiceError => ({ code: 'invalid_format', message: describeInvalid(invalid) });

export class ServiceRegistry {
  private readonly services = new Map<string, Map<string, ServiceDefinition>>();

  constructor(private readonly world: DeviceWorld, private readonly bus: EventBus) {}

  register(domain: string, services: Record<string, ServiceDefinition>): void {
    const forDomain = this.services.get(domain) ?? new Map<string, ServiceDefinition>();
    for (const [service, definition] of Object.entries(services)) forDomain.set(service, definition);
    this.services.set(domain, forDomain);
  }

  describe(): Record<string, Record<string, ServiceDescription>> {
    const described: Record<string, Record<string, ServiceDescription>> = {};
    for (const [domain, services] of this.services) {
      described[domain] = Object.fromEntries([...services].map(([service, definition]) => [service, definition.description]));
    }
    return described;
  }

  call(request: ServiceCallRequest): ServiceOutcome {
    const { domain, service } = request;
    const definition = this.services.get(domain)?.get(service);
    if (!definition) {
      return {
        ok: false,
        error: {
          code: 'not_found',
          message: `Service ${domain}.${service} not found.`,
          translation_key: 'service_not_found',
          translation_placeholders: { domain, service },
          translation_domain: 'homeassistant',
        },
      };
    }
    if (request.returnResponse && !definition.description.response) {
      return {
        ok: false,
        error: {
          code: 'service_validation_error',
          message: "Validation error: An action which does not return responses can't be called with return_response=True.",
          translation_key: 'service_does_not_support_response',
          translation_placeholders: { return_response: 'return_response=True' },
          translation_domain: 'homeassistant',
        },
      };
    }
    const data = { ...request.serviceData, ...(request.target ?? {}) };
    const conflict = definition.exclusiveGroups && checkExclusive(data, definition.exclusiveGroups);
    if (conflict) return { ok: false, error: invalidFormat(conflict) };
    const validated = validate(definition.schema, data);
    if (!validated.ok) return { ok: false, error: invalidFormat(validated.invalid) };
    this.bus.fire('call_service', { domain, service, service_data: data }, request.context);
    const error = definition.run(this.world, validated.value, request.context);
    return error ? { ok: false, error } : { ok: true };
  }
}
