/**
 * Reads and validates the office configuration. A problem stops start-up with one message per
 * problem that names the file, the line, the path inside it and what is wrong, for example
 * `office.yaml:47: clinicians[2].colour: expected one of sage, clay, …` — never a stack trace.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { isMap, LineCounter, parseDocument, type Document } from 'yaml';
import { describeIssue, formatPath } from '../../contract/issues.ts';
import { OfficeConfig, crossCheck } from './officeConfig.ts';

/** One thing wrong with the file; `line` (from 1) where the file shows it. */
export interface ConfigProblem {
  line?: number;
  message: string;
}

export class ConfigError extends Error {
  readonly problems: ConfigProblem[];

  constructor(
    readonly file: string,
    problems: readonly (ConfigProblem | string)[],
  ) {
    const listed = problems.map((problem) => (typeof problem === 'string' ? { message: problem } : problem));
    super(listed.map((problem) => `${basename(file)}${problem.line === undefined ? '' : `:${problem.line}`}: ${problem.message}`).join('\n'));
    this.name = 'ConfigError';
    this.problems = listed;
  }
}

type Path = readonly PropertyKey[];

/**
 * The line a path points at: the value's own line, or for a field that is missing, the line of
 * the nearest part of the path the file does have (none for a missing top-level field: the whole
 * file is no place to point at). `key` names a field inside that place (an unknown field), whose
 * own line is shown.
 */
function lineOf(document: Document, lines: LineCounter, path: Path, key?: string): number | undefined {
  for (let length = path.length; length >= 1; length--) {
    const node = document.getIn(path.slice(0, length), true) as { range?: [number, number, number] } | undefined;
    if (length === path.length && key !== undefined && isMap(node)) {
      const pair = node.items.find((item) => (item.key as { value?: unknown } | null)?.value === key);
      const keyRange = (pair?.key as { range?: [number, number, number] } | null)?.range;
      if (keyRange) return lines.linePos(keyRange[0]).line;
    }
    if (node?.range) return lines.linePos(node.range[0]).line;
  }
  return undefined;
}

export function loadOfficeConfig(file: string): OfficeConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'the file does not exist' : 'the file cannot be read';
    throw new ConfigError(file, [reason]);
  }
  return parseOfficeConfig(text, file);
}

export function parseOfficeConfig(text: string, file: string): OfficeConfig {
  // With prettyErrors off, yaml leaves `linePos` unset; the line counter gives the line back.
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { prettyErrors: false, lineCounter });
  if (document.errors.length > 0) {
    throw new ConfigError(
      file,
      document.errors.map((error) => {
        const { line, col } = lineCounter.linePos(error.pos[0]);
        return { line, message: `column ${col}: this is not valid YAML (${error.message.split('\n')[0]})` };
      }),
    );
  }
  const parsed = OfficeConfig.safeParse(document.toJS() ?? {}, { reportInput: true });
  const at = (path: Path, key?: string) => {
    const line = lineOf(document, lineCounter, path, key);
    return line === undefined ? {} : { line };
  };
  if (!parsed.success) {
    throw new ConfigError(
      file,
      parsed.error.issues.map((issue) => ({ ...at(issue.path, issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined), message: describeIssue(issue) })),
    );
  }
  const problems = crossCheck(parsed.data);
  if (problems.length > 0) throw new ConfigError(file, problems.map((problem) => ({ ...at(problem.path), message: `${formatPath(problem.path)}: ${problem.message}` })));
  return parsed.data;
}
