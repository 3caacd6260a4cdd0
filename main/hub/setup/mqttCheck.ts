/**
 * "Test the connection" for the office bus: connects once to the MQTT broker with the address,
 * user name and password typed (or saved), and disconnects, before anything is saved. The answer
 * is a sentence for the admin or the refusal in words; the password is never put into a message.
 */
import mqtt from 'mqtt';
import { randomBytes } from 'node:crypto';
import { ok, refuse, type Result } from '../result.ts';

/** CONNACK reason codes that mean "who you are is not welcome": v3.1.1 4 and 5, v5 134, 135 and 140 (as mqttLink.ts). */
const credentialCodes = new Set([4, 5, 134, 135, 140]);

/**
 * `officeTopics`: where the hub reads room commands (`<prefix>/<site>/rooms/+/set`) and a topic of
 * its own it may write (`<prefix>/<site>/hubs/<hubId>/check`, nothing listens there). A broker that
 * lets the user in but whose access list (mosquitto.conf `acl_file`) does not grant the office's
 * topics says so in two places: some answer the SUBACK with 0x87 "Not authorized" (MQTT 5.0
 * section 3.9.3), and Mosquitto 2 (which grants the subscription and only withholds messages)
 * answers a QoS 1 PUBLISH with a PUBACK of 0x87 (mosquitto src/handle_publish.c,
 * MOSQ_ERR_ACL_DENIED -> MQTT_RC_NOT_AUTHORIZED). Both are tried, so the admin hears of it now,
 * not when the first room command goes nowhere.
 */
export function checkMqtt(address: string, username: string | null, password: string | null, timeoutMs = 5000, officeTopics?: { read: string; write: string }): Promise<Result<{ message: string; url: string }>> {
  let parsed: URL;
  try {
    parsed = new URL(address.trim());
  } catch {
    return Promise.resolve(refuse('invalid-input', 'The broker address should look like mqtt://broker.local:1883.'));
  }
  if (!['mqtt:', 'mqtts:', 'ws:', 'wss:'].includes(parsed.protocol)) return Promise.resolve(refuse('invalid-input', 'The broker address must start with mqtt://, mqtts://, ws:// or wss://.'));
  if (parsed.username || parsed.password) return Promise.resolve(refuse('invalid-input', 'Put the user name and password in their own fields, not in the broker address, so they are never shown or logged.'));
  const url = `${parsed.protocol}//${parsed.host}`;
  const host = parsed.hostname;
  const port = parsed.port || (parsed.protocol === 'mqtts:' ? '8883' : '1883');
  return new Promise((resolve) => {
    const client = mqtt.connect(url, {
      clientId: `stillroom-setup-${randomBytes(4).toString('hex')}`,
      protocolVersion: 5,
      reconnectPeriod: 0,
      connectTimeout: timeoutMs,
      ...(username ? { username } : {}),
      ...(password ? { password } : {}),
    });
    const finish = (result: Result<{ message: string; url: string }>) => {
      clearTimeout(timer);
      client.removeAllListeners();
      client.on('error', () => {});
      client.end(true);
      resolve(result);
    };
    const timer = setTimeout(() => finish(refuse('invalid-input', `The MQTT broker on ${host}, port ${port} did not answer within ${Math.round(timeoutMs / 1000)} seconds. Check the address and that the broker is running.`)), timeoutMs);
    const connected = ok({ url, message: `Connected to the MQTT broker on ${host}, port ${port}.` });
    client.once('connect', () => {
      if (officeTopics === undefined) return finish(connected);
      const notAllowed = () => finish(refuse('invalid-input', `The MQTT broker on ${host} let this user in but does not allow it the office's topics (${officeTopics.read.replace('/rooms/+/set', '/…')}). Give the user read and write on them in the broker's access list.`));
      client.subscribe(officeTopics.read, { qos: 1 }, (error, granted) => {
        if (error || (granted ?? []).some((grant) => grant.qos >= 128)) return notAllowed();
        client.publish(officeTopics.write, '', { qos: 1, retain: false }, (publishError) => (publishError ? notAllowed() : finish(connected)));
      });
    });
    client.once('error', (error: Error & { code?: string | number }) => {
      if (typeof error.code === 'number' && credentialCodes.has(error.code)) return finish(refuse('invalid-input', `The MQTT broker on ${host} refused this user name or password. Check them in the broker's settings.`));
      if (error.code === 'ECONNREFUSED' || error.code === 'ENOTFOUND' || error.code === 'EHOSTUNREACH') return finish(refuse('invalid-input', `Could not reach an MQTT broker on ${host}, port ${port}. Check the address and the port (usually 1883), and that this computer is on the same network.`));
      finish(refuse('invalid-input', `The MQTT broker on ${host} could not be used. Check that it is an MQTT broker at this address.`));
    });
  });
}
