/**
 * Searchable village list (thôn, khối phố): type with or without diacritics ("cam thanh",
 * "Cẩm Thanh", "thon 1"). The server folds too (GET /api/villages?q=); while its answer comes,
 * the last list is filtered on the device with the same `foldVietnamese`.
 */
import type { Village } from "@cau-noi/shared";
import { foldVietnamese } from "@cau-noi/shared/text";
import { Suspense, useDeferredValue, useEffect, useState } from "react";
import { api } from "../api/endpoints";
import { useResource } from "../api/resource";
import { Icon } from "../icons";
import { StaleBanner } from "./offline-banner";
import { ListSkeleton } from "./skeletons";

export interface VillageSearchProps {
  selectedId?: number | null;
  onSelect(village: Village): void;
  /** Disable the choices while the choice is being saved. */
  busy?: boolean;
}

function useDebounced(value: string, ms: number): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

function matches(village: Village, words: string[]): boolean {
  const hay = foldVietnamese(`${village.name} ${village.communeName} ${village.districtName ?? ""}`);
  return words.every((w) => hay.includes(w));
}

function Results({
  query,
  typed,
  selectedId,
  onSelect,
  busy,
}: VillageSearchProps & { query: string; typed: string }) {
  const { data } = useResource(`villages:${foldVietnamese(query)}`, () => api.villages(query.trim()));
  const words = foldVietnamese(typed).split(" ").filter(Boolean);
  const items = data.data.items.filter((v) => matches(v, words)).slice(0, 100);
  return (
    <>
      <StaleBanner stale={data.stale} savedAt={data.savedAt} />
      {items.length === 0 ? (
        <p className="lead muted" role="status">
          Không tìm thấy thôn, khối phố nào khớp với “{typed}”.
        </p>
      ) : (
        <ul className="list" aria-label="Kết quả">
          {items.map((village) => {
            const selected = village.id === selectedId;
            return (
              <li key={village.id}>
                <button
                  type="button"
                  className={`option-button${selected ? " selected" : ""}`}
                  aria-pressed={selected}
                  disabled={busy}
                  onClick={() => onSelect(village)}
                >
                  <span className="grow">
                    <span className="title" style={{ display: "block", fontWeight: 700 }}>
                      {village.name}
                    </span>
                    <span className="small muted">
                      {[village.communeName, village.districtName, village.provinceName]
                        .filter(Boolean)
                        .join(", ")}
                    </span>
                  </span>
                  {selected ? <Icon name="check" /> : <Icon name="forward" />}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

export function VillageSearch(props: VillageSearchProps) {
  const [typed, setTyped] = useState("");
  const query = useDeferredValue(useDebounced(typed, 300));
  return (
    <div>
      <label className="field-label" htmlFor="village-search">
        Tìm thôn, khối phố hoặc xã, phường
      </label>
      <div style={{ position: "relative", marginBottom: 12 }}>
        <input
          id="village-search"
          className="input"
          type="search"
          inputMode="search"
          autoComplete="off"
          placeholder="Ví dụ: Thôn 1 Cẩm Thanh"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
        />
      </div>
      <Suspense fallback={<ListSkeleton rows={5} />}>
        <Results {...props} query={query} typed={typed} />
      </Suspense>
    </div>
  );
}
