/**
 * The benchmark's province, planned in memory before anything is written: Quảng Nam's scale
 * (1 province, 17 districts, 241 communes, 1,240 villages), one village team of five per
 * village, one admin per commune and 50,000 citizens. Ids are assigned here, so the small and
 * the large database share every id and the scenarios can ask both the same questions.
 *
 * Village load is uneven on purpose: weights follow a Zipf–Mandelbrot law 1/(rank + Q)^S over a
 * shuffled ranking, so busy villages are spread over communes and a few are very busy.
 */

/** Deterministic PRNG (mulberry32): the same seed gives the same province every run. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export type Random = () => number;

export function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error("pick from an empty list");
  return item;
}

/** Samples an index in proportion to `weights` (binary search over the cumulative sums). */
export function weightedSampler(weights: readonly number[]): (random: Random) => number {
  const cumulative = new Float64Array(weights.length);
  let total = 0;
  weights.forEach((w, i) => {
    total += w;
    cumulative[i] = total;
  });
  return (random) => {
    const target = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cumulative[mid] ?? 0) < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

export const SCALE = {
  districts: 17,
  communes: 241,
  villages: 1_240,
  membersPerTeam: 5,
  citizens: 50_000,
} as const;

/** Zipf–Mandelbrot parameters of the village load: weight = 1 / (rank + Q)^S. */
export const VILLAGE_LOAD = { q: 5, s: 1.1 } as const;

/** Quảng Nam's district-level units (17 of them, enough for the names). */
const DISTRICT_NAMES = [
  "Tam Kỳ",
  "Hội An",
  "Điện Bàn",
  "Đại Lộc",
  "Duy Xuyên",
  "Quế Sơn",
  "Nông Sơn",
  "Thăng Bình",
  "Hiệp Đức",
  "Tiên Phước",
  "Phú Ninh",
  "Núi Thành",
  "Bắc Trà My",
  "Nam Trà My",
  "Phước Sơn",
  "Nam Giang",
  "Đông Giang",
] as const;

const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Hoàng", "Phan", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ"];
const MIDDLE = ["Văn", "Thị", "Hữu", "Minh", "Ngọc", "Thanh", "Đức", "Thu", "Quốc", "Kim"];
const GIVEN = [
  "An",
  "Bình",
  "Cường",
  "Dũng",
  "Hà",
  "Hải",
  "Hạnh",
  "Hoa",
  "Hùng",
  "Lan",
  "Linh",
  "Long",
  "Mai",
  "Nam",
  "Phúc",
  "Quang",
  "Sơn",
  "Tâm",
  "Thảo",
  "Trang",
  "Tuấn",
  "Vy",
];

export function personName(random: Random): string {
  return `${pick(random, FAMILY)} ${pick(random, MIDDLE)} ${pick(random, GIVEN)}`;
}

export interface PlannedUnit {
  id: number;
  parentId: number | null;
  level: "province" | "district" | "commune" | "village";
  code: string;
  name: string;
}

export interface PlannedVillage {
  id: number;
  /** 0-based position in `villages`. */
  index: number;
  communeId: number;
  name: string;
  teamId: number;
  /** Team members; the first one leads the team. */
  memberIds: number[];
  citizenIds: number[];
  /** Relative request load (Zipf–Mandelbrot over a shuffled rank). */
  weight: number;
  /** 1 = the busiest village. */
  rank: number;
}

export interface PlannedCommune {
  id: number;
  districtId: number;
  name: string;
  villageIds: number[];
  adminPersonId: number;
}

export interface PlannedPerson {
  id: number;
  name: string;
  homeVillageId: number;
  role: "member" | "admin" | "citizen";
}

export interface WorldPlan {
  units: PlannedUnit[];
  communes: PlannedCommune[];
  villages: PlannedVillage[];
  persons: PlannedPerson[];
  villageById: Map<number, PlannedVillage>;
  communeById: Map<number, PlannedCommune>;
  citizenIds: number[];
}

export function planWorld(seed: number): WorldPlan {
  const random = createRandom(seed);
  const units: PlannedUnit[] = [];
  let unitId = 0;
  const province = ++unitId;
  units.push({ id: province, parentId: null, level: "province", code: "QNA", name: "Tỉnh Quảng Nam" });

  const districtIds = DISTRICT_NAMES.map((name, i) => {
    const id = ++unitId;
    const code = `QNA-D${String(i + 1).padStart(2, "0")}`;
    units.push({ id, parentId: province, level: "district", code, name: `Huyện ${name}` });
    return id;
  });

  // Villages per commune: at least 4, the rest spread at random (4–8, about 5 on average).
  const villagesPerCommune = Array.from({ length: SCALE.communes }, () => 4);
  for (let left = SCALE.villages - 4 * SCALE.communes; left > 0; left--) {
    const c = Math.floor(random() * SCALE.communes);
    villagesPerCommune[c] = (villagesPerCommune[c] ?? 0) + 1;
  }

  const communes: PlannedCommune[] = [];
  const villages: PlannedVillage[] = [];
  for (let c = 0; c < SCALE.communes; c++) {
    const id = ++unitId;
    const districtIndex = c % SCALE.districts;
    const districtId = districtIds[districtIndex] ?? province;
    const name = `Xã ${DISTRICT_NAMES[districtIndex]} ${Math.floor(c / SCALE.districts) + 1}`;
    units.push({
      id,
      parentId: districtId,
      level: "commune",
      code: `QNA-C${String(c + 1).padStart(3, "0")}`,
      name,
    });
    communes.push({ id, districtId, name, villageIds: [], adminPersonId: 0 });
  }
  communes.forEach((commune, c) => {
    for (let v = 0; v < (villagesPerCommune[c] ?? 4); v++) {
      const id = ++unitId;
      const index = villages.length;
      const name = `Thôn ${v + 1}`;
      units.push({
        id,
        parentId: commune.id,
        level: "village",
        code: `QNA-V${String(index + 1).padStart(4, "0")}`,
        name,
      });
      commune.villageIds.push(id);
      villages.push({
        id,
        index,
        communeId: commune.id,
        name,
        teamId: index + 1,
        memberIds: [],
        citizenIds: [],
        weight: 0,
        rank: 0,
      });
    }
  });

  // Shuffled ranks → Zipf–Mandelbrot weights.
  const ranks = villages.map((_, i) => i + 1);
  for (let i = ranks.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [ranks[i], ranks[j]] = [ranks[j] ?? 0, ranks[i] ?? 0];
  }
  villages.forEach((v, i) => {
    v.rank = ranks[i] ?? 1;
    v.weight = 1 / (v.rank + VILLAGE_LOAD.q) ** VILLAGE_LOAD.s;
  });

  const persons: PlannedPerson[] = [];
  for (const village of villages) {
    for (let m = 0; m < SCALE.membersPerTeam; m++) {
      const id = persons.length + 1;
      persons.push({ id, name: personName(random), homeVillageId: village.id, role: "member" });
      village.memberIds.push(id);
    }
  }
  const villageById = new Map(villages.map((v) => [v.id, v]));
  for (const commune of communes) {
    const id = persons.length + 1;
    const home = commune.villageIds[0] ?? 0;
    persons.push({ id, name: personName(random), homeVillageId: home, role: "admin" });
    commune.adminPersonId = id;
  }
  // Citizens live where the load is, but less than proportionally (√weight): people in busy
  // villages file more often, as they do in towns.
  const citizenVillage = weightedSampler(villages.map((v) => Math.sqrt(v.weight)));
  const citizenIds: number[] = [];
  for (let i = 0; i < SCALE.citizens; i++) {
    const village = villages[citizenVillage(random)];
    if (!village) throw new Error("sampler out of range");
    const id = persons.length + 1;
    persons.push({ id, name: personName(random), homeVillageId: village.id, role: "citizen" });
    village.citizenIds.push(id);
    citizenIds.push(id);
  }
  return {
    units,
    communes,
    villages,
    persons,
    villageById,
    communeById: new Map(communes.map((c) => [c.id, c])),
    citizenIds,
  };
}
