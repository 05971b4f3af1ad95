/** My profile (GET /api/me): name, home village, and the roles that decide what home shows. */
import type { Profile } from "@cau-noi/shared";
import { fresh, readCache, writeCache } from "../api/cache";
import { api } from "../api/endpoints";
import { prime, setResource, useResource } from "../api/resource";
import { personKey } from "./session";

export const PROFILE_KEY = "me";

export function useProfile() {
  primeFromPhone();
  return useResource(PROFILE_KEY, () => api.me());
}

/**
 * A returning person's home paints from the profile saved on the phone (the cache is cleared when
 * someone else signs in), and the fresh one replaces it a round trip later: on a slow village
 * network that round trip is ~0.4 s of the first screen. The server still decides every action.
 */
function primeFromPhone() {
  const saved = readCache<Profile>("/api/me");
  // Only this person's own saved profile, whatever happened to the device's sessions before.
  if (!saved || String(saved.value.id) !== personKey()) return;
  if (!prime(PROFILE_KEY, { data: saved.value, stale: false, savedAt: saved.savedAt })) return;
  void api.me().then(
    (fresh) => setResource(PROFILE_KEY, fresh),
    () => undefined,
  );
}

/** After PATCH /api/me: show the new profile at once. */
export function profileChanged(profile: Profile): void {
  writeCache("/api/me", profile);
  setResource(PROFILE_KEY, fresh(profile));
}

export function villageLabel(village: NonNullable<Profile["homeVillage"]>): string {
  return `${village.name}, ${village.communeName}`;
}
