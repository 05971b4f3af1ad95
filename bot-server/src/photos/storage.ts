/**
 * Photos on disk under UPLOAD_DIR, named by a random UUID. The type is decided from the file's
 * first bytes, never from the name or the declared content type.
 */
import { randomUUID } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";

const SIGNATURES: { mime: string; ext: string; test: (b: Uint8Array) => boolean }[] = [
  { mime: "image/jpeg", ext: "jpg", test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  {
    mime: "image/png",
    ext: "png",
    test: (b) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((v, i) => b[i] === v),
  },
  {
    mime: "image/webp",
    ext: "webp",
    test: (b) => ascii(b, 0, 4) === "RIFF" && ascii(b, 8, 12) === "WEBP",
  },
];

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, to));
}

export function sniffImageType(bytes: Uint8Array): { mime: string; ext: string } | undefined {
  const match = SIGNATURES.find((s) => s.test(bytes));
  return match && { mime: match.mime, ext: match.ext };
}

export async function storePhoto(uploadDir: string, bytes: Uint8Array, ext: string) {
  await mkdir(uploadDir, { recursive: true });
  const id = randomUUID();
  const fileName = `${id}.${ext}`;
  // Write then rename: a crash never leaves a half-written file under the final name.
  const temporary = join(uploadDir, `.${fileName}.part`);
  await writeFile(temporary, bytes);
  await rename(temporary, join(uploadDir, fileName));
  return { id, fileName };
}

export function readPhoto(uploadDir: string, fileName: string): Promise<Buffer> {
  return readFile(join(uploadDir, fileName));
}
