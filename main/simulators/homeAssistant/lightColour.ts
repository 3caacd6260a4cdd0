/**
 * The colour conversions HA's `color_util` uses to fill a light's derived colour attributes
 * (a light in `color_temp` mode also reports `hs_color`, `rgb_color` and `xy_color`).
 */
export type Rgb = [number, number, number];
export type Hs = [number, number];
export type Xy = [number, number];

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
const byte = (value: number) => Math.round(Math.min(255, Math.max(0, value)));

/** Tanner Helland's approximation, as in `color_temperature_to_rgb`. */
export function kelvinToRgb(kelvin: number): Rgb {
  const temp = Math.min(40000, Math.max(1000, kelvin)) / 100;
  const red = temp <= 66 ? 255 : 329.698727446 * (temp - 60) ** -0.1332047592;
  const green = temp <= 66 ? 99.4708025861 * Math.log(temp) - 161.1195681661 : 288.1221695283 * (temp - 60) ** -0.0755148492;
  const blue = temp >= 66 ? 255 : temp <= 19 ? 0 : 138.5177312231 * Math.log(temp - 10) - 305.0447927307;
  return [byte(red), byte(green), byte(blue)];
}

export function rgbToHs([r, g, b]: Rgb): Hs {
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const delta = max - min;
  let hue = 0;
  if (delta !== 0) {
    if (max === r) hue = ((g - b) / delta) % 6;
    else if (max === g) hue = (b - r) / delta + 2;
    else hue = (r - g) / delta + 4;
  }
  hue = (hue * 60 + 360) % 360;
  const saturation = max === 0 ? 0 : (delta / max) * 100;
  return [round(hue, 3), round(saturation, 3)];
}

export function hsToRgb([hue, saturation]: Hs): Rgb {
  const s = saturation / 100;
  const chroma = s;
  const x = chroma * (1 - Math.abs(((hue / 60) % 2) - 1));
  const m = 1 - chroma;
  const sector = Math.floor(hue / 60) % 6;
  const [r, g, b] = [[chroma, x, 0], [x, chroma, 0], [0, chroma, x], [0, x, chroma], [x, 0, chroma], [chroma, 0, x]][sector]!;
  return [byte((r! + m) * 255), byte((g! + m) * 255), byte((b! + m) * 255)];
}

const linear = (channel: number) => {
  const value = channel / 255;
  return value > 0.04045 ? ((value + 0.055) / 1.055) ** 2.4 : value / 12.92;
};

export function rgbToXy(rgb: Rgb): Xy {
  const [r, g, b] = rgb.map(linear) as Rgb;
  const x = r * 0.664511 + g * 0.154324 + b * 0.162028;
  const y = r * 0.283881 + g * 0.668433 + b * 0.047685;
  const z = r * 0.000088 + g * 0.07231 + b * 0.986039;
  const sum = x + y + z;
  return sum === 0 ? [0, 0] : [round(x / sum, 3), round(y / sum, 3)];
}

export function xyToRgb([x, y]: Xy): Rgb {
  if (y === 0) return [0, 0, 0];
  const bigX = x / y;
  const bigZ = (1 - x - y) / y;
  const gamma = (value: number) => (value <= 0.0031308 ? 12.92 * value : 1.055 * value ** (1 / 2.4) - 0.055);
  const channels = [
    bigX * 1.656492 - 0.354851 - bigZ * 0.255038,
    -bigX * 0.707196 + 1.655397 + bigZ * 0.036152,
    bigX * 0.051713 - 0.121364 + bigZ * 1.01153,
  ].map((value) => Math.max(0, gamma(value)));
  const max = Math.max(...channels, 1e-9);
  return channels.map((value) => byte((value / max) * 255)) as Rgb;
}

/** A few CSS colour names; HA knows all of them, and an unknown name falls back to white. */
const namedColours: Record<string, Rgb> = {
  white: [255, 255, 255], red: [255, 0, 0], green: [0, 128, 0], blue: [0, 0, 255], yellow: [255, 255, 0],
  orange: [255, 165, 0], purple: [128, 0, 128], pink: [255, 192, 203], cyan: [0, 255, 255], magenta: [255, 0, 255],
  warmwhite: [255, 244, 229], gold: [255, 215, 0], navy: [0, 0, 128], teal: [0, 128, 128], lavender: [230, 230, 250],
};

export function rgbFromColourName(name: string): Rgb {
  return namedColours[name.replaceAll(' ', '').toLowerCase()] ?? [255, 255, 255];
}
