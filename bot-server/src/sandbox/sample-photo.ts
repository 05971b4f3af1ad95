/**
 * The picture "Gửi ảnh mẫu" sends: a small PNG drawn here (the machine may be offline, and a
 * real PNG passes the same checks as a photo from Zalo's CDN). It shows a phone whose screen
 * has an error, the kind of photo residents send with a help request.
 */
import { deflateSync } from "node:zlib";

const WIDTH = 320;
const HEIGHT = 240;

type Rgb = readonly [number, number, number];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

/** An 8-bit RGB PNG of `pixel(x, y)`. */
export function encodePng(width: number, height: number, pixel: (x: number, y: number) => Rgb): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  let i = 0;
  for (let y = 0; y < height; y++) {
    raw[i++] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const [r, g, b] = pixel(x, y);
      raw[i++] = r;
      raw[i++] = g;
      raw[i++] = b;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, truecolour, deflate, adaptive filters, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", new Uint8Array(0)),
  ]);
}

function insideRoundedRect(x: number, y: number, left: number, top: number, w: number, h: number, r: number) {
  if (x < left || y < top || x >= left + w || y >= top + h) return false;
  const cx = Math.min(Math.max(x, left + r), left + w - r);
  const cy = Math.min(Math.max(y, top + r), top + h - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function scene(x: number, y: number): Rgb {
  // The phone, held upright on a table.
  if (insideRoundedRect(x, y, 110, 20, 100, 200, 14)) {
    if (!insideRoundedRect(x, y, 118, 36, 84, 164, 4)) return [34, 38, 46];
    // A red error sign with a white cross in the middle of the screen.
    const dx = x - 160;
    const dy = y - 96;
    const d = Math.sqrt(dx * dx + dy * dy);
    if (d <= 22) return Math.abs(dx - dy) <= 3 || Math.abs(dx + dy) <= 3 ? [255, 255, 255] : [220, 53, 69];
    // Grey lines of text under it, and a blue button.
    if (y >= 132 && y < 138 && x >= 128 && x < 192) return [170, 176, 186];
    if (y >= 144 && y < 150 && x >= 128 && x < 176) return [170, 176, 186];
    if (insideRoundedRect(x, y, 130, 166, 60, 18, 6)) return [0, 104, 255];
    return [244, 246, 250];
  }
  // Wooden table below, soft wall above.
  if (y >= 170) return [150 + ((x * 7 + y * 3) % 11), 106 + ((x * 5) % 7), 70];
  const shade = Math.round((y / 170) * 30);
  return [222 - shade, 232 - shade, 240 - shade];
}

let cached: Buffer | undefined;

/** The sample photo, drawn once. */
export function samplePhotoPng(): Buffer {
  cached ??= encodePng(WIDTH, HEIGHT, scene);
  return cached;
}
