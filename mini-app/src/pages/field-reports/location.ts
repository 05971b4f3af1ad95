/**
 * The reporter's position, only when they tap "Gửi kèm vị trí". Inside Zalo, zmp-sdk
 * `getLocation` asks for consent; it hands back a one-time token meant for a server-side
 * exchange, and on older Zalo versions the coordinates themselves. Without coordinates (the
 * sandbox's localhost mock answers an empty token), the browser's own geolocation asks instead.
 */
import { getLocation } from "zmp-sdk/apis";

export interface Position {
  latitude: number;
  longitude: number;
}

function valid(latitude: number, longitude: number): boolean {
  return (
    Number.isFinite(latitude) &&
    Number.isFinite(longitude) &&
    Math.abs(latitude) <= 90 &&
    Math.abs(longitude) <= 180 &&
    !(latitude === 0 && longitude === 0)
  );
}

async function fromZalo(): Promise<Position | null> {
  try {
    const answer = (await getLocation()) as { latitude?: string | number; longitude?: string | number };
    const latitude = Number(answer.latitude);
    const longitude = Number(answer.longitude);
    return valid(latitude, longitude) ? { latitude, longitude } : null;
  } catch {
    return null; // refused, or not inside Zalo
  }
}

function fromBrowser(): Promise<Position | null> {
  if (typeof navigator === "undefined" || !navigator.geolocation) return Promise.resolve(null);
  return new Promise((resolve) => {
    navigator.geolocation.getCurrentPosition(
      (p) => {
        const { latitude, longitude } = p.coords;
        resolve(valid(latitude, longitude) ? { latitude, longitude } : null);
      },
      () => resolve(null),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  });
}

/** The position, or null when the person refused or the phone cannot tell. */
export async function locate(): Promise<Position | null> {
  return (await fromZalo()) ?? (await fromBrowser());
}
