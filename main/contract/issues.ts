/**
 * Turns zod issues into sentences a person can act on: `clinicians[2].colour: expected one of
 * sage, clay, …`. Shared by the config loader and the API so every message reads the same way.
 * Parse with `{ reportInput: true }`: zod leaves `issue.input` out otherwise, and a wrong type would
 * read as a missing field. The input itself is never put into a message.
 */
import type { z } from 'zod';

/** `clinicians[2].colour` from `['clinicians', 2, 'colour']`. */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(top level)';
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`)).join('');
}

export function describeIssue(issue: z.core.$ZodIssue): string {
  const where = formatPath(issue.path);
  switch (issue.code) {
    case 'invalid_value':
      return `${where}: expected one of ${issue.values.map(String).join(', ')}`;
    case 'unrecognized_keys':
      return `${formatPath([...issue.path, issue.keys[0] ?? ''])}: ${issue.keys.length > 1 ? `${issue.keys.join(', ')} are not known fields` : 'is not a known field'} (check the spelling)`;
    case 'invalid_type':
      return issue.input === undefined ? `${where}: this is required` : `${where}: expected ${issue.expected}`;
    case 'too_small':
      if (issue.origin === 'array') return `${where}: list at least ${issue.minimum}`;
      if (issue.origin === 'string') return `${where}: must not be empty`;
      return `${where}: must be at least ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'array') return `${where}: at most ${issue.maximum} entries`;
      if (issue.origin === 'string') return `${where}: at most ${issue.maximum} characters`;
      return `${where}: must be at most ${issue.maximum}`;
    case 'invalid_union':
      return `${where}: not one of the accepted forms`;
    default:
      return `${where}: ${issue.message}`;
  }
}

export function describeIssues(issues: readonly z.core.$ZodIssue[], limit = 5): string {
  const lines = issues.slice(0, limit).map(describeIssue);
  if (issues.length > limit) lines.push(`…and ${issues.length - limit} more`);
  return lines.join('; ');
}
