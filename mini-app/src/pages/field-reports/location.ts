/**
 * The reporter's position, only when they tap "Gửi kèm vị trí". Inside Zalo, zmp-sdk
 * `getLocation` asks for consent and hands back a one-time token (single use, 2 minutes); our
 * server exchanges it with Zalo (`POST /api/location`, with the `getAccessToken()` token) and
 * answers the coordinates, storing nothing. Older Zalo versions hand back the coordinates
 * themselves. Without either (the sandbox's localhost mock answers an empty token, or the
 * exchange failed), the browser's own geolocation asks instead.
 */
import { getAccessToken, getLocation } from "zmp-sdk/apis";
import { api } from "../../api/endpoints";

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

/** The server turns the token into coordinates; null when that did not work (then: browser). */
async function exchange(token: string): Promise<Position | null> {
  try {
    const accessToken = await getAccessToken();
    if (!accessToken) return null;
    const { latitude, longitude } = await api.location(token, accessToken);
    return valid(latitude, longitude) ? { latitude, longitude } : null;
  } catch {
    return null; // offline, or the token was refused (used, expired)
  }
}

async function fromZalo(): Promise<Position | null> {
  let answer: { token?: string; latitude?: string | number; longitude?: string | number };
  try {
    answer = await getLocation();
  } catch {
    return null; // refused, or not inside Zalo
  }
  if (answer.token) return exchange(answer.token);
  const latitude = Number(answer.latitude);
  const longitude = Number(answer.longitude);
  return valid(latitude, longitude) ? { latitude, longitude } : null;
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
