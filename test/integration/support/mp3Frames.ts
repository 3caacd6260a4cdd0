/**
 * A small MP3 frame reader for the tests, written from the standard rather than shared with the
 * hub's own: it reads what a speaker would, frame header after frame header.
 */

/** One MPEG audio frame header, read the way a decoder does (ISO/IEC 11172-3, 2.4.1.3). */
export interface FrameHeader {
  version: 'MPEG-1' | 'MPEG-2' | 'MPEG-2.5';
  layer: number;
  kbps: number;
  hz: number;
  mono: boolean;
  bytes: number;
}

export function readFrameHeader(data: Buffer, at: number): FrameHeader | null {
  if (at + 4 > data.length) return null;
  const word = data.readUInt32BE(at);
  if (word >>> 21 !== 0x7ff) return null;
  const versionBits = (word >>> 19) & 3;
  const layerBits = (word >>> 17) & 3;
  if (versionBits !== 3 || layerBits !== 1) return null; // only MPEG-1 Layer III is expected from the hub
  const kbps = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 0][(word >>> 12) & 15]!;
  const hz = [44_100, 48_000, 32_000, 0][(word >>> 10) & 3]!;
  if (kbps === 0 || hz === 0) return null;
  const padding = (word >>> 9) & 1;
  return { version: 'MPEG-1', layer: 3, kbps, hz, mono: ((word >>> 6) & 3) === 3, bytes: Math.floor((144 * kbps * 1000) / hz) + padding };
}

/** Every whole frame from the start of `data`; stops at the first byte that is not a frame. */
export function readFrames(data: Buffer): { frames: FrameHeader[]; parsedBytes: number } {
  const frames: FrameHeader[] = [];
  let at = 0;
  for (let header = readFrameHeader(data, at); header && at + header.bytes <= data.length; header = readFrameHeader(data, at)) {
    frames.push(header);
    at += header.bytes;
  }
  return { frames, parsedBytes: at };
}
