/** My profile (GET /api/me): name, home village, and the roles that decide what home shows. */
import type { Profile } from "@cau-noi/shared";
import { writeCache } from "../api/cache";
import { api } from "../api/endpoints";
import { setResource, useResource } from "../api/resource";

export const PROFILE_KEY = "me";

export function useProfile() {
  return useResource(PROFILE_KEY, () => api.me());
}

/** After PATCH /api/me: show the new profile at once. */
export function profileChanged(profile: Profile): void {
  writeCache("/api/me", profile);
  setResource(PROFILE_KEY, { data: profile, stale: false, savedAt: new Date().toISOString() });
}

export function villageLabel(village: NonNullable<Profile["homeVillage"]>): string {
  return `${village.name}, ${village.communeName}`;
}
