/**
 * Secrets handed to the hub by its service manager rather than typed into /admin:
 * - environment variables (STILLROOM_HA_TOKEN, STILLROOM_MQTT_USERNAME, STILLROOM_MQTT_PASSWORD,
 *   or the name `homeAssistant.tokenEnv` gives), e.g. from a 0600 `EnvironmentFile=`;
 * - systemd credentials: `LoadCredential=STILLROOM_HA_TOKEN:/etc/stillroom/ha-token` puts the
 *   file, readable by the service only, in `$CREDENTIALS_DIRECTORY/STILLROOM_HA_TOKEN`
 *   (systemd.exec(5), "Credentials"; the secret never enters the environment of the unit, so
 *   `systemctl show` and /proc/<pid>/environ do not reveal it). Each credential whose name is an
 *   environment variable name is read as that variable, and wins over the environment.
 * Saved secrets from /admin (secretsFile.ts) win over both, as they always have.
 */
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const variableName = /^[A-Z_][A-Z0-9_]*$/;
/** A token or password, not a file someone pointed at by mistake. */
const maxCredentialBytes = 64 * 1024;

export type CredentialProblem = { name: string; problem: string };

/** The systemd credentials in `env.CREDENTIALS_DIRECTORY` as environment variables, and what was skipped and why. */
export function systemdCredentials(env: Readonly<Record<string, string | undefined>>): { env: Record<string, string>; skipped: CredentialProblem[] } {
  const dir = env.CREDENTIALS_DIRECTORY;
  const found: Record<string, string> = {};
  const skipped: CredentialProblem[] = [];
  if (!dir) return { env: found, skipped };
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return { env: found, skipped: [{ name: dir, problem: 'CREDENTIALS_DIRECTORY cannot be read' }] };
  }
  for (const name of names) {
    if (!variableName.test(name)) {
      skipped.push({ name, problem: 'not an environment variable name (capitals, digits and _)' });
      continue;
    }
    const file = join(dir, name);
    const stat = lstatSync(file, { throwIfNoEntry: false });
    if (!stat?.isFile() || stat.size > maxCredentialBytes) {
      skipped.push({ name, problem: stat?.isFile() ? 'larger than 64 KB' : 'not a file' });
      continue;
    }
    // One trailing line end is the file's, not the secret's (`echo token > file`).
    const value = readFileSync(file, 'utf8').replace(/\r?\n$/, '');
    if (value === '') skipped.push({ name, problem: 'empty' });
    else found[name] = value;
  }
  return { env: found, skipped };
}

/** The environment the hub's connections read: the process's, then its systemd credentials over it. */
export function secretsEnvironment(env: Readonly<Record<string, string | undefined>>, log?: (message: string, fields: Record<string, string>) => void): Record<string, string | undefined> {
  const credentials = systemdCredentials(env);
  for (const { name, problem } of credentials.skipped) log?.('a systemd credential was not used', { credential: name, problem });
  return { ...env, ...credentials.env };
}
