/**
 * Zod schemas that fail with the texts Home Assistant's voluptuous schemas produce, because
 * clients (and our adapter) show those texts to people: "extra keys not allowed @ data['foo']".
 */
import { z } from 'zod';

/** voluptuous' marker for a group of exclusion in an error path, printed as `<label>`. */
export class VirtualPathComponent {
  constructor(readonly label: string) {}
}

export type PathElement = string | number | VirtualPathComponent;

export interface Invalid {
  message: string;
  path: PathElement[];
}

export type Validated<T> = { ok: true; value: T } | { ok: false; invalid: Invalid };

/** Message for a wrong type, or voluptuous' "required key" text when the key is missing. */
function expected(typeName: string) {
  return (issue: { input?: unknown }) => (issue.input === undefined ? 'required key not provided' : `expected ${typeName}`);
}

const numberLike = (value: unknown) => (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value)) ? Number(value) : value);

/** `vol.Coerce(float)` */
export const float = () => z.preprocess(numberLike, z.number({ error: expected('float') }));
/** `vol.Coerce(int)`: Python's `int()` truncates floats. */
export const int = () => z.preprocess((value) => {
  const number = numberLike(value);
  return typeof number === 'number' ? Math.trunc(number) : number;
}, z.number({ error: expected('int') }));
export const str = () => z.string({ error: expected('str') });
export const bool = () => z.boolean({ error: expected('bool') });
export const dict = () => z.record(z.string(), z.unknown(), { error: expected('dict') });
export const strOrList = () =>
  z.union([z.string(), z.array(z.string())], { error: (issue) => (issue.input === undefined ? 'required key not provided' : 'expected str or list') });

/** `vol.Range(min, max)`: out of range is an error. */
export const ranged = (inner: z.ZodType<number>, min: number, max: number) =>
  inner.pipe(z.number().min(min, { error: `value must be at least ${min}` }).max(max, { error: `value must be at most ${max}` }));

/** `vol.Clamp(min, max)`: out of range is silently pulled in. */
export const clamped = (inner: z.ZodType<number>, min: number, max: number) => inner.transform((value) => Math.min(max, Math.max(min, value)));

/** `vol.In([...])` */
export const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: (issue) => (issue.input === undefined ? 'required key not provided' : `value must be one of [${[...values].sort().map(pythonRepr).join(', ')}]`) });

export function validate<T>(schema: z.ZodType<T>, data: unknown): Validated<T> {
  const parsed = schema.safeParse(data, { reportInput: true });
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0]!;
  const path = issue.path.filter((element): element is string | number => typeof element !== 'symbol');
  if (issue.code === 'unrecognized_keys') return { ok: false, invalid: { message: 'extra keys not allowed', path: [...path, issue.keys[0]!] } };
  const onKeyValue = typeof path.at(-1) === 'string' && issue.message !== 'required key not provided';
  return { ok: false, invalid: { message: onKeyValue ? `${issue.message} for dictionary value` : issue.message, path } };
}

/** `vol.Exclusive`: at most one key of each group may be given. */
export function checkExclusive(data: Record<string, unknown>, groups: Record<string, readonly string[]>): Invalid | undefined {
  for (const [label, keys] of Object.entries(groups)) {
    if (keys.filter((key) => key in data).length > 1) {
      return { message: `two or more values in the same group of exclusion '${label}'`, path: [new VirtualPathComponent(label)] };
    }
  }
  return undefined;
}

/** `str(vol.Invalid)`: the text `call_service` puts in its `invalid_format` error. */
export function describeInvalid(invalid: Invalid): string {
  if (invalid.path.length === 0) return invalid.message;
  return `${invalid.message} @ data${invalid.path.map((element) => `[${pythonRepr(element)}]`).join('')}`;
}

/** `vol.humanize.humanize_error`: the description plus the offending value, as command errors show it. */
export function humanizeInvalid(invalid: Invalid, data: unknown): string {
  let value: unknown = data;
  for (const element of invalid.path) {
    if (element instanceof VirtualPathComponent) break;
    value = value !== null && typeof value === 'object' ? (value as Record<string | number, unknown>)[element] : undefined;
  }
  return `${describeInvalid(invalid)}. Got ${pythonRepr(value ?? null)}`;
}

export function pythonRepr(value: unknown): string {
  if (value instanceof VirtualPathComponent) return `<${value.label}>`;
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'string') return value.includes("'") && !value.includes('"') ? `"${value}"` : `'${value.replaceAll("'", "\\'")}'`;
  if (Array.isArray(value)) return `[${value.map(pythonRepr).join(', ')}]`;
  if (typeof value === 'object') {
    return `{${Object.entries(value).map(([key, inner]) => `${pythonRepr(key)}: ${pythonRepr(inner)}`).join(', ')}}`;
  }
  return String(value);
}
