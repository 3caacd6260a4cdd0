/**
 * The practice's secrets as the admin surface saves them: the Home Assistant access token and the
 * MQTT user name and password, in `secrets.json` in the data folder, readable by the hub's user
 * only (0600), written atomically. Read only by the hub; never sent to a screen (the admin form
 * learns only whether one is saved), never logged.
 *
 * The connections read their secrets from environment variables (STILLROOM_HA_TOKEN, …); a saved
 * secret is handed to them the same way, and wins over the environment, so a token replaced in
 * the admin page is the one used, whatever an old service file still sets.
 */
import { chmodSync, closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const Secrets = z.strictObject({
  homeAssistantToken: z.string().min(1).max(2048).optional(),
  mqttUsername: z.string().min(1).max(256).optional(),
  mqttPassword: z.string().min(1).max(1024).optional(),
});
export type Secrets = z.infer<typeof Secrets>;

export interface SecretsFile {
  readonly path: string;
  /** Which secrets are saved (never their values, for screens). */
  saved(): { [K in keyof Secrets]-?: boolean };
  /** The saved secrets as the environment variables the connections read. */
  asEnv(homeAssistantTokenEnv: string): Record<string, string>;
  /** Saves `changes` beside what is saved (undefined leaves a secret as it is, null removes it). */
  save(changes: { [K in keyof Secrets]?: string | null }): void;
}

export function openSecretsFile(dataDir: string): SecretsFile {
  const path = join(dataDir, 'secrets.json');
  const read = (): Secrets => {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      return {};
    }
    try {
      const parsed = Secrets.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : {};
    } catch {
      return {};
    }
  };
  let secrets = read();
  // A file copied in by hand may be readable by others: tighten it before anything else reads it.
  try {
    chmodSync(path, 0o600);
  } catch {
    /* no file yet */
  }

  return {
    path,
    saved: () => ({ homeAssistantToken: Boolean(secrets.homeAssistantToken), mqttUsername: Boolean(secrets.mqttUsername), mqttPassword: Boolean(secrets.mqttPassword) }),
    asEnv(homeAssistantTokenEnv) {
      const env: Record<string, string> = {};
      if (secrets.homeAssistantToken) env[homeAssistantTokenEnv] = secrets.homeAssistantToken;
      if (secrets.mqttUsername) env.STILLROOM_MQTT_USERNAME = secrets.mqttUsername;
      if (secrets.mqttPassword) env.STILLROOM_MQTT_PASSWORD = secrets.mqttPassword;
      return env;
    },
    save(changes) {
      const next: Record<string, string> = { ...secrets } as Record<string, string>;
      for (const [key, value] of Object.entries(changes)) {
        if (value === null) delete next[key];
        else if (value !== undefined) next[key] = value;
      }
      const temporary = `${path}.writing`;
      // Created 0600 from the start: the secret is never on disk readable by others, not even briefly.
      const handle = openSync(temporary, 'w', 0o600);
      try {
        writeSync(handle, `${JSON.stringify(next, null, 2)}\n`);
        fsyncSync(handle);
      } finally {
        closeSync(handle);
      }
      chmodSync(temporary, 0o600);
      renameSync(temporary, path);
      secrets = Secrets.parse(next);
    },
  };
}
