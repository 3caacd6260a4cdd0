/**
 * Reads and validates the office configuration. A problem stops start-up with one message per
 * problem that names the file, the path inside it and what is wrong, for example
 * `office.yaml: clinicians[2].colour: expected one of sage, clay, …` — never a stack trace.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { describeIssue, formatPath } from '../../contract/issues.ts';
import { OfficeConfig, crossCheck } from './officeConfig.ts';

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(problems.map((problem) => `${basename(file)}: ${problem}`).join('\n'));
    this.name = 'ConfigError';
  }
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
        const line = lineCounter.linePos(error.pos[0]);
        return `${line ? `line ${line.line}, column ${line.col}: ` : ''}this is not valid YAML (${error.message.split('\n')[0]})`;
      }),
    );
  }
  const parsed = OfficeConfig.safeParse(document.toJS() ?? {}, { reportInput: true });
  if (!parsed.success) throw new ConfigError(file, parsed.error.issues.map(describeIssue));
  const problems = crossCheck(parsed.data);
  if (problems.length > 0) throw new ConfigError(file, problems.map((p) => `${formatPath(p.path)}: ${p.message}`));
  return parsed.data;
}
