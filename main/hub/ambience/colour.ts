/**
 * The little colour arithmetic the planner needs: reading hex colours, finding the white nearest to
 * a colour for lights that can only make white, and warming a colour for a "softer light" wish.
 */
export type Rgb = [number, number, number];

export function rgbFromHex(hex: string): Rgb {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}

const linear = (channel: number) => {
  const value = channel / 255;
  return value > 0.04045 ? ((value + 0.055) / 1.055) ** 2.4 : value / 12.92;
};

/**
 * The correlated colour temperature of an sRGB colour (McCamy's formula on its CIE xy point). It is
 * meant for near-white colours (presets' warm tints); for a saturated colour it is only a rough guess,
 * kept within 1500..6500 K. Callers clamp it into the light's own range.
 */
export function kelvinNearestTo(rgb: Rgb): number {
  const [r, g, b] = rgb.map(linear) as Rgb;
  const x = 0.4124 * r + 0.3576 * g + 0.1805 * b;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = 0.0193 * r + 0.1192 * g + 0.9505 * b;
  const sum = x + y + z;
  if (sum === 0) return 2700;
  const n = (x / sum - 0.332) / (0.1858 - y / sum);
  const kelvin = 449 * n ** 3 + 3525 * n ** 2 + 6823.3 * n + 5520.33;
  return Number.isFinite(kelvin) ? Math.round(Math.min(6500, Math.max(1500, kelvin))) : 2700;
}

/** Moves `rgb` a `share` (0..1) of the way towards `towards`. */
export function mixRgb(rgb: Rgb, towards: Rgb, share: number): Rgb {
  return rgb.map((channel, index) => Math.round(channel + (towards[index]! - channel) * share)) as Rgb;
}
