/**
 * Encodes a periodic loop of PCM into MP3 frames that can be played round and round without a
 * click, so a sound is encoded once and then only copied to each listener.
 *
 * MP3 is what every common Home Assistant speaker plays from a plain URL: the Google Cast default
 * receiver, Sonos, DLNA renderers (dlna_dmr), ESPHome and Music Assistant (which decodes with
 * ffmpeg) all list it; it is the internet-radio convention. The encoder is LAME's JavaScript port
 * (@breezystack/lamejs, LGPL-3.0): it stays a separate module in node_modules (the build keeps
 * packages external), which the LGPL allows for a program of another licence.
 *
 * Why the loop is seamless: the encoder is fed the loop with a few frames of its own end before it
 * and of its start after it, and the frames from the middle are kept. Their input is periodic, the
 * port encodes without a bit reservoir (each frame's data sits in the frame itself), and the MDCT
 * overlap of the last frame kept continues into the first, as it would in the endless signal.
 */
import { Mp3Encoder } from '@breezystack/lamejs';

export const samplesPerFrame = 1_152;
/** Ample for noise in mono; 16 kB a second per listener is nothing on a home network. */
export const kilobitsPerSecond = 128;
const paddingFrames = 8;

/** The byte length of the MPEG-1 Layer III frame starting at `offset`, or 0 when none starts there. */
export function frameLength(bytes: Uint8Array, offset: number): number {
  if (offset + 4 > bytes.length || bytes[offset] !== 0xff || (bytes[offset + 1]! & 0xfe) !== 0xfa) return 0;
  const bitrates = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
  const rates = [44_100, 48_000, 32_000];
  const kbps = bitrates[bytes[offset + 2]! >> 4];
  const rate = rates[(bytes[offset + 2]! >> 2) & 3];
  if (!kbps || !rate) return 0;
  return Math.floor((144_000 * kbps) / rate) + ((bytes[offset + 2]! >> 1) & 1);
}

/** Splits encoder output into frames. */
function frames(bytes: Uint8Array): Uint8Array[] {
  const found: Uint8Array[] = [];
  for (let offset = 0; offset < bytes.length; ) {
    const length = frameLength(bytes, offset);
    if (length === 0 || offset + length > bytes.length) break;
    found.push(bytes.subarray(offset, offset + length));
    offset += length;
  }
  return found;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The loop as MP3 frames, `loop.length / samplesPerFrame` of them. Encodes about a second at a
 * time and yields in between, so check-ins are answered while a sound is prepared.
 */
export async function encodeLoop(loop: Int16Array, sampleRate: number): Promise<Buffer> {
  if (loop.length === 0 || loop.length % samplesPerFrame !== 0) throw new Error(`a loop must be whole frames of ${samplesPerFrame} samples`);
  const pad = Math.min(paddingFrames * samplesPerFrame, loop.length);
  const input = new Int16Array(loop.length + 2 * pad);
  input.set(loop.subarray(loop.length - pad), 0);
  input.set(loop, pad);
  input.set(loop.subarray(0, pad), pad + loop.length);
  const encoder = new Mp3Encoder(1, sampleRate, kilobitsPerSecond);
  const output: Uint8Array[] = [];
  const chunk = samplesPerFrame * 40;
  for (let start = 0; start < input.length; start += chunk) {
    output.push(encoder.encodeBuffer(input.subarray(start, start + chunk)));
    await nextTurn();
  }
  output.push(encoder.flush());
  const all = frames(new Uint8Array(Buffer.concat(output.map((part) => Buffer.from(part.buffer, part.byteOffset, part.byteLength)))));
  const first = pad / samplesPerFrame;
  const kept = all.slice(first, first + loop.length / samplesPerFrame);
  if (kept.length !== loop.length / samplesPerFrame) throw new Error(`the encoder returned ${all.length} frames, too few for a loop`);
  return Buffer.concat(kept);
}
