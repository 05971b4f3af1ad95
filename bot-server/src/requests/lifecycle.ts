/**
 * The request lifecycle (SPEC §3): one state machine for help requests, field reports and
 * questions.
 *
 *   new ─claim─▶ claimed ─start─▶ in_progress ─resolve─▶ resolved ─(rate | 7 days)─▶ closed
 *   claimed/in_progress ─release─▶ new        resolved ─reopen─▶ claimed (same owner) or new
 *   new ─(claim deadline)─▶ escalated (leader) ─(resolve deadline)─▶ escalated (commune)
 *   any open ─assign─▶ claimed                any open ─reject─▶ closed (with reason)
 *
 * Every change runs in one IMMEDIATE transaction: read, check the actor and the transition,
 * update guarded by the expected status (so a concurrent writer on another connection cannot
 * slip in), and append an event. A refused change throws `AppError` and writes nothing.
 */
import {
  type CreateRequestInput,
  createRequestSchema,
  OPEN_STATUSES,
  OUTCOME_CODES,
  type RejectReason,
  type RequestStatus,
} from "@cau-noi/shared";
import { and, eq, inArray, isNull, lte, type SQL } from "drizzle-orm";
import { type Actor, loadActor } from "../auth/actor";
import * as policy from "../auth/policy";
import type { WorkingCalendar } from "../calendar/working-time";
import type { Db, Tx } from "../db/client";
import { memberships, photos, requestEvents, requestPhotos, requests } from "../db/schema";
import { AppError, forbidden, notFound } from "../lib/errors";
import { getUnit } from "../units/queries";
import { AUTO_CLOSE_AFTER_MS, DEADLINE_HOURS } from "./deadlines";
import { routeRequest } from "./routing";

export type RequestRow = typeof requests.$inferSelect;

/** One recorded change, as the notifier sees it: the request after the change and its event. */
export interface LifecycleChange {
  row: RequestRow;
  eventId: number;
  action: string;
  actorPersonId: number | null;
  from: RequestStatus | null;
  to: RequestStatus | null;
  detail: Record<string, unknown> | null;
}

export interface LifecycleDeps {
  db: Db;
  calendar: WorkingCalendar;
  now: () => Date;
  /**
   * Called inside the transaction of every recorded change, so what it writes (outbox
   * messages) commits or rolls back with the change itself.
   */
  onChange?: (tx: Tx, change: LifecycleChange) => void;
}

const OPEN: readonly RequestStatus[] = OPEN_STATUSES;
const WORKABLE: readonly RequestStatus[] = ["claimed", "in_progress", "escalated"];

function invalidTransition(message: string): AppError {
  return new AppError("invalid_transition", message);
}

export function createLifecycle(deps: LifecycleDeps) {
  const { db, calendar } = deps;

  function load(tx: Tx | Db, id: number): RequestRow {
    const row = tx.select().from(requests).where(eq(requests.id, id)).get();
    if (!row) throw notFound("Không tìm thấy yêu cầu này.");
    return row;
  }

  function appendEvent(
    tx: Tx,
    requestId: number,
    actorPersonId: number | null,
    action: string,
    from: RequestStatus | null,
    to: RequestStatus | null,
    at: Date,
    detail: Record<string, unknown> | null = null,
  ) {
    const { id: eventId } = tx
      .insert(requestEvents)
      .values({ requestId, actorPersonId, action, fromStatus: from, toStatus: to, detail, createdAt: at })
      .returning({ id: requestEvents.id })
      .get();
    deps.onChange?.(tx, { row: load(tx, requestId), eventId, action, actorPersonId, from, to, detail });
  }

  /**
   * Writes `changes` only if the row still has `expected` status (and, when given, owner):
   * the guard that makes claims atomic across connections.
   */
  function guardedUpdate(
    tx: Tx,
    row: RequestRow,
    changes: Partial<typeof requests.$inferInsert>,
    at: Date,
    extraGuard?: SQL,
  ): void {
    const result = tx
      .update(requests)
      .set({ ...changes, updatedAt: at })
      .where(and(eq(requests.id, row.id), eq(requests.status, row.status), extraGuard))
      .run();
    if (result.changes !== 1)
      throw new AppError("conflict", "Yêu cầu vừa được người khác cập nhật, vui lòng tải lại.");
  }

  /** One lifecycle step: load, check, change, record; all or nothing. */
  function step<T>(id: number, run: (tx: Tx, row: RequestRow, at: Date) => T): T {
    return db.transaction((tx) => run(tx, load(tx, id), deps.now()), { behavior: "immediate" });
  }

  function requireView(actor: Actor, row: RequestRow) {
    if (!policy.canView(actor, row)) throw notFound("Không tìm thấy yêu cầu này.");
  }

  function isActiveMember(tx: Tx, teamId: number | null, personId: number, at: Date): boolean {
    if (teamId === null) return false;
    const rows = tx
      .select({ activeTo: memberships.activeTo })
      .from(memberships)
      .where(and(eq(memberships.teamId, teamId), eq(memberships.personId, personId)))
      .all();
    return rows.some((m) => m.activeTo === null || m.activeTo > at);
  }

  /** A request goes to a member of its team; one routed to the commune goes to a commune admin. */
  function canBeAssignee(tx: Tx, row: RequestRow, personId: number, at: Date): boolean {
    if (row.teamId !== null) return isActiveMember(tx, row.teamId, personId, at);
    return loadActor(tx as unknown as Db, personId, at).adminCommuneIds.includes(row.communeId);
  }

  return {
    load: (id: number) => load(db, id),

    /** Validates, routes and stores a new request. A repeated `clientId` returns the first one. */
    create(
      actor: Actor,
      rawInput: CreateRequestInput,
      homeVillageId: number | null,
    ): { row: RequestRow; created: boolean } {
      const parsed = createRequestSchema.safeParse(rawInput);
      if (!parsed.success) throw validationError(parsed.error.issues);
      const input = parsed.data;
      const villageId = input.villageId ?? (input.onBehalf ? undefined : (homeVillageId ?? undefined));
      if (villageId === undefined) {
        throw new AppError("validation_failed", "Vui lòng chọn thôn, khối phố.", {
          villageId: "Vui lòng chọn thôn, khối phố.",
        });
      }
      const village = getUnit(db, villageId);
      if (village?.level !== "village" || !village.active || village.parentId === null) {
        throw new AppError("validation_failed", "Thôn, khối phố không hợp lệ.", {
          villageId: "Thôn, khối phố không hợp lệ.",
        });
      }
      const communeId = village.parentId;
      return db.transaction(
        (tx) => {
          if (input.clientId) {
            const existing = tx
              .select()
              .from(requests)
              .where(and(eq(requests.filedByPersonId, actor.personId), eq(requests.clientId, input.clientId)))
              .get();
            if (existing) return { row: existing, created: false };
          }
          checkPhotos(tx, actor.personId, input.photoIds);
          const at = deps.now();
          const route = routeRequest(tx as unknown as Db, villageId, communeId, at);
          const hours = DEADLINE_HOURS[input.kind];
          const inserted = tx
            .insert(requests)
            .values({
              kind: input.kind,
              category: input.category,
              text: input.text,
              meetingMode: input.kind === "help" ? input.meetingMode : null,
              latitude: input.kind === "field_report" ? (input.location?.latitude ?? null) : null,
              longitude: input.kind === "field_report" ? (input.location?.longitude ?? null) : null,
              placeText: input.kind === "field_report" ? (input.placeText ?? null) : null,
              villageId,
              communeId,
              teamId: route.teamId,
              routedTo: route.routedTo,
              requesterPersonId: input.onBehalf ? null : actor.personId,
              filedByPersonId: actor.personId,
              onBehalfName: input.onBehalf?.name ?? null,
              onBehalfRelationship: input.onBehalf?.relationship ?? null,
              onBehalfPhone: input.onBehalf?.phone ?? null,
              onBehalfConsent: input.onBehalf ? true : null,
              clientId: input.clientId ?? null,
              status: "new",
              claimDueAt: calendar.addWorkingHours(at, hours.claim),
              resolveDueAt: calendar.addWorkingHours(at, hours.resolve),
              // Field reports are public by default (the Cẩm Phô model), with identity hidden.
              isPublic: input.kind === "field_report",
              createdAt: at,
              updatedAt: at,
            })
            .returning()
            .get();
          input.photoIds.forEach((photoId, position) => {
            tx.insert(requestPhotos).values({ requestId: inserted.id, photoId, position }).run();
          });
          appendEvent(tx, inserted.id, actor.personId, "created", null, "new", at, {
            kind: input.kind,
            onBehalf: Boolean(input.onBehalf),
          });
          appendEvent(tx, inserted.id, null, "routed", "new", "new", at, {
            routedTo: route.routedTo,
            teamId: route.teamId,
            reason: route.reason,
          });
          return { row: inserted, created: true };
        },
        { behavior: "immediate" },
      );
    },

    /** First come, first served: exactly one of several simultaneous claims wins. */
    claim(actor: Actor, id: number): RequestRow {
      return step(id, (tx, row, at) => {
        requireView(actor, row);
        if (!policy.canWork(actor, row))
          throw forbidden("Chỉ thành viên tổ phụ trách mới nhận được yêu cầu này.");
        if (row.ownerPersonId !== null && OPEN.includes(row.status)) {
          throw new AppError("already_taken", "Yêu cầu này đã có người nhận.", undefined);
        }
        if (row.status !== "new" && row.status !== "escalated") {
          throw invalidTransition("Yêu cầu này không còn chờ tiếp nhận.");
        }
        const result = tx
          .update(requests)
          .set({
            status: "claimed",
            ownerPersonId: actor.personId,
            claimedAt: at,
            startDueAt: calendar.addWorkingHours(at, DEADLINE_HOURS[row.kind].start),
            startedAt: null,
            updatedAt: at,
          })
          .where(
            and(
              eq(requests.id, id),
              inArray(requests.status, ["new", "escalated"]),
              isNull(requests.ownerPersonId),
            ),
          )
          .run();
        if (result.changes !== 1) throw new AppError("already_taken", "Yêu cầu này đã có người nhận.");
        appendEvent(tx, id, actor.personId, "claimed", row.status, "claimed", at);
        return load(tx, id);
      });
    },

    start(actor: Actor, id: number): RequestRow {
      return step(id, (tx, row, at) => {
        requireView(actor, row);
        if (row.ownerPersonId !== actor.personId)
          throw forbidden("Chỉ người nhận yêu cầu mới bắt đầu xử lý được.");
        if (row.status !== "claimed" && row.status !== "escalated") {
          throw invalidTransition("Chỉ bắt đầu xử lý được yêu cầu đã nhận.");
        }
        guardedUpdate(tx, row, { status: "in_progress", startedAt: at }, at);
        appendEvent(tx, id, actor.personId, "started", row.status, "in_progress", at);
        return load(tx, id);
      });
    },

    note(actor: Actor, id: number, text: string): RequestRow {
      return step(id, (tx, row, at) => {
        requireView(actor, row);
        if (!policy.canWork(actor, row)) throw forbidden();
        if (!OPEN.includes(row.status)) throw invalidTransition("Yêu cầu đã xong, không thêm ghi chú được.");
        // A note changes nothing but the history; bump updatedAt so lists show fresh activity.
        guardedUpdate(tx, row, {}, at);
        appendEvent(tx, id, actor.personId, "noted", row.status, row.status, at, { text });
        return load(tx, id);
      });
    },

    release(actor: Actor, id: number, reason?: string): RequestRow {
      return step(id, (tx, row, at) => {
        requireView(actor, row);
        const isOwner = row.ownerPersonId === actor.personId;
        if (!isOwner && !policy.canManage(actor, row))
          throw forbidden("Chỉ người nhận hoặc tổ trưởng mới trả lại được.");
        if (row.ownerPersonId === null || !WORKABLE.includes(row.status)) {
          throw invalidTransition("Yêu cầu này chưa có người nhận.");
        }
        guardedUpdate(
          tx,
          row,
          { status: "new", ownerPersonId: null, claimedAt: null, startDueAt: null, startedAt: null },
          at,
        );
        appendEvent(tx, id, actor.personId, "released", row.status, "new", at, {
          previousOwnerPersonId: row.ownerPersonId,
          ...(reason ? { reason } : {}),
        });
        return load(tx, id);
      });
    },

    /** Leader or commune admin gives the request to a named active member of its team. */
    assign(actor: Actor, id: number, assigneePersonId: number): RequestRow {
      return step(id, (tx, row, at) => {
        requireView(actor, row);
        if (!policy.canManage(actor, row))
          throw forbidden("Chỉ tổ trưởng hoặc cán bộ xã mới giao việc được.");
        if (!OPEN.includes(row.status)) throw invalidTransition("Yêu cầu đã xong, không giao lại được.");
        if (!canBeAssignee(tx, row, assigneePersonId, at)) {
          throw new AppError("validation_failed", "Người được giao không thuộc tổ phụ trách.", {
            assigneePersonId: "Người được giao không thuộc tổ phụ trách.",
          });
        }
        if (row.ownerPersonId === assigneePersonId && row.status !== "escalated") {
          throw invalidTransition("Người này đang phụ trách yêu cầu rồi.");
        }
        guardedUpdate(
          tx,
          row,
          {
            status: "claimed",
            ownerPersonId: assigneePersonId,
            claimedAt: at,
            startDueAt: calendar.addWorkingHours(at, DEADLINE_HOURS[row.kind].start),
            startedAt: null,
          },
          at,
        );
        appendEvent(tx, id, actor.personId, "assigned", row.status, "claimed", at, {
          assigneePersonId,
          previousOwnerPersonId: row.ownerPersonId,
        });
        return load(tx, id);
      });
    },

    resolve(
      actor: Actor,
      id: number,
      input: { outcomeCode: string; note?: string; receiptCode?: string; publicAnswer?: string },
    ): RequestRow {
      return step(id, (tx, row, at) => {
        requireView(actor, row);
        if (!policy.canResolve(actor, row))
          throw forbidden("Chỉ người nhận, tổ trưởng hoặc cán bộ xã mới đóng được yêu cầu.");
        if (!OPEN.includes(row.status) || row.status === "new") {
          throw invalidTransition(
            row.status === "new"
              ? "Vui lòng nhận yêu cầu trước khi báo đã xong."
              : "Yêu cầu này đã xong rồi.",
          );
        }
        if (row.ownerPersonId === null && !policy.canManage(actor, row)) {
          throw invalidTransition("Vui lòng nhận yêu cầu trước khi báo đã xong.");
        }
        const allowed: readonly string[] = OUTCOME_CODES[row.kind];
        if (!allowed.includes(input.outcomeCode)) {
          throw new AppError("validation_failed", "Kết quả không phù hợp với loại yêu cầu.", {
            outcomeCode: "Kết quả không phù hợp với loại yêu cầu.",
          });
        }
        if (input.outcomeCode === "dossier_submitted" && !input.receiptCode) {
          throw new AppError("validation_failed", "Vui lòng nhập mã biên nhận hồ sơ.", {
            receiptCode: "Vui lòng nhập mã biên nhận hồ sơ.",
          });
        }
        const answers = input.publicAnswer !== undefined;
        if (answers && row.kind === "help") {
          throw new AppError("validation_failed", "Yêu cầu hỗ trợ không có câu trả lời công khai.", {
            publicAnswer: "Yêu cầu hỗ trợ không có câu trả lời công khai.",
          });
        }
        if (answers && !policy.canAnswerPublicly(actor, row)) {
          throw forbidden("Chỉ cán bộ xã mới đăng câu trả lời công khai.");
        }
        guardedUpdate(
          tx,
          row,
          {
            status: "resolved",
            ownerPersonId: row.ownerPersonId ?? actor.personId,
            resolvedAt: at,
            outcomeCode: input.outcomeCode,
            outcomeNote: input.note ?? null,
            receiptCode: input.receiptCode ?? null,
            ...(answers ? { publicAnswer: input.publicAnswer, publicAnsweredAt: at, isPublic: true } : {}),
          },
          at,
        );
        appendEvent(tx, id, actor.personId, "resolved", row.status, "resolved", at, {
          outcomeCode: input.outcomeCode,
          ...(input.receiptCode ? { receiptCode: input.receiptCode } : {}),
          ...(answers ? { publicAnswer: true } : {}),
        });
        return load(tx, id);
      });
    },

    /**
     * The commune publishes, or edits, its public answer under a field report or question. The
     * status does not change (resolving stays `resolve`); the history records who answered and
     * the answer it replaced. Rejected requests are never public.
     */
    publishAnswer(actor: Actor, id: number, answer: string): RequestRow {
      return step(id, (tx, row, at) => {
        requireView(actor, row);
        if (!policy.canAnswerPublicly(actor, row)) throw notFound("Không tìm thấy yêu cầu này.");
        if (row.kind === "help") {
          throw new AppError("validation_failed", "Yêu cầu hỗ trợ không có câu trả lời công khai.", {
            answer: "Yêu cầu hỗ trợ không có câu trả lời công khai.",
          });
        }
        if (row.rejectReason !== null) {
          throw invalidTransition("Yêu cầu đã bị từ chối, không đăng câu trả lời công khai được.");
        }
        if (row.publicAnswer === answer && row.isPublic) return row;
        guardedUpdate(tx, row, { publicAnswer: answer, publicAnsweredAt: at, isPublic: true }, at);
        const edited = row.publicAnswer !== null;
        appendEvent(
          tx,
          id,
          actor.personId,
          edited ? "public_answer_edited" : "answered_publicly",
          row.status,
          row.status,
          at,
          edited ? { previousAnswer: row.publicAnswer } : null,
        );
        return load(tx, id);
      });
    },

    /** Closes without doing the work: spam, out of scope, or a duplicate of another request. */
    reject(
      actor: Actor,
      id: number,
      input: { reason: RejectReason; duplicateOfId?: number; note?: string },
    ): RequestRow {
      return step(id, (tx, row, at) => {
        requireView(actor, row);
        const isOwner = row.ownerPersonId === actor.personId && policy.canWork(actor, row);
        if (!isOwner && !policy.canManage(actor, row))
          throw forbidden("Chỉ người nhận, tổ trưởng hoặc cán bộ xã mới từ chối được.");
        if (!OPEN.includes(row.status)) throw invalidTransition("Yêu cầu này đã xong rồi.");
        if (input.reason === "duplicate") {
          const original =
            input.duplicateOfId === undefined
              ? undefined
              : tx.select().from(requests).where(eq(requests.id, input.duplicateOfId)).get();
          if (!original || original.id === row.id || original.communeId !== row.communeId) {
            throw new AppError("validation_failed", "Mã yêu cầu bị trùng không hợp lệ.", {
              duplicateOfId: "Mã yêu cầu bị trùng không hợp lệ.",
            });
          }
        }
        guardedUpdate(
          tx,
          row,
          {
            status: "closed",
            closedAt: at,
            rejectReason: input.reason,
            duplicateOfId: input.reason === "duplicate" ? (input.duplicateOfId ?? null) : null,
            outcomeNote: input.note ?? null,
          },
          at,
        );
        appendEvent(tx, id, actor.personId, "rejected", row.status, "closed", at, {
          reason: input.reason,
          ...(input.duplicateOfId ? { duplicateOfId: input.duplicateOfId } : {}),
        });
        return load(tx, id);
      });
    },

    /** The requester's one-tap rating closes a resolved request. */
    rate(actor: Actor, id: number, input: { rating: number; comment?: string }): RequestRow {
      return step(id, (tx, row, at) => {
        requireView(actor, row);
        if (!policy.isRequester(actor, row)) throw forbidden("Chỉ người gửi yêu cầu mới đánh giá được.");
        if (
          row.status !== "resolved" &&
          !(row.status === "closed" && row.resolvedAt !== null && row.rating === null)
        ) {
          throw invalidTransition("Chỉ đánh giá được yêu cầu đã xử lý xong.");
        }
        if (row.rating !== null) throw invalidTransition("Anh/chị đã đánh giá yêu cầu này rồi.");
        guardedUpdate(
          tx,
          row,
          {
            status: "closed",
            closedAt: row.closedAt ?? at,
            rating: input.rating,
            ratingComment: input.comment ?? null,
            ratedAt: at,
          },
          at,
        );
        appendEvent(tx, id, actor.personId, "rated", row.status, "closed", at, { rating: input.rating });
        return load(tx, id);
      });
    },

    /** "Chưa xong": back to the same owner if they are still in the team, else to the queue. */
    reopen(actor: Actor, id: number, reason?: string): RequestRow {
      return step(id, (tx, row, at) => {
        requireView(actor, row);
        if (!policy.isRequester(actor, row)) throw forbidden("Chỉ người gửi yêu cầu mới báo chưa xong được.");
        if (row.status !== "resolved")
          throw invalidTransition("Chỉ báo chưa xong được với yêu cầu vừa xử lý.");
        const owner = row.ownerPersonId;
        const ownerStays = owner !== null && isActiveMember(tx, row.teamId, owner, at);
        const to: RequestStatus = ownerStays ? "claimed" : "new";
        const hours = DEADLINE_HOURS[row.kind];
        guardedUpdate(
          tx,
          row,
          {
            status: to,
            ownerPersonId: ownerStays ? owner : null,
            claimedAt: ownerStays ? at : null,
            startDueAt: ownerStays ? calendar.addWorkingHours(at, hours.start) : null,
            startedAt: null,
            resolvedAt: null,
            outcomeCode: null,
            escalationLevel: 0,
            claimDueAt: calendar.addWorkingHours(at, hours.claim),
            resolveDueAt: calendar.addWorkingHours(at, hours.resolve),
            reopenCount: row.reopenCount + 1,
          },
          at,
        );
        appendEvent(tx, id, actor.personId, "reopened", row.status, to, at, {
          previousOwnerPersonId: owner,
          ...(reason ? { reason } : {}),
        });
        return load(tx, id);
      });
    },

    /**
     * The deadline sweep, run periodically: escalates overdue requests, returns stale claims to
     * the queue and closes resolved requests nobody reopened within 7 days. Idempotent.
     */
    sweep(): {
      escalatedToLeader: number[];
      escalatedToCommune: number[];
      autoReleased: number[];
      autoClosed: number[];
    } {
      const at = deps.now();
      const out = {
        escalatedToLeader: [] as number[],
        escalatedToCommune: [] as number[],
        autoReleased: [] as number[],
        autoClosed: [] as number[],
      };
      db.transaction(
        (tx) => {
          const staleClaims = tx
            .select()
            .from(requests)
            .where(and(eq(requests.status, "claimed"), lte(requests.startDueAt, at)))
            .all();
          for (const row of staleClaims) {
            guardedUpdate(
              tx,
              row,
              { status: "new", ownerPersonId: null, claimedAt: null, startDueAt: null },
              at,
            );
            appendEvent(tx, row.id, null, "auto_released", "claimed", "new", at, {
              previousOwnerPersonId: row.ownerPersonId,
              reason: "no_progress",
            });
            out.autoReleased.push(row.id);
          }
          const unclaimed = tx
            .select()
            .from(requests)
            .where(
              and(eq(requests.status, "new"), lte(requests.claimDueAt, at), eq(requests.escalationLevel, 0)),
            )
            .all();
          for (const row of unclaimed) {
            guardedUpdate(tx, row, { status: "escalated", escalationLevel: 1 }, at);
            appendEvent(tx, row.id, null, "escalated", "new", "escalated", at, {
              level: 1,
              to: "leader",
              reason: "claim_overdue",
            });
            out.escalatedToLeader.push(row.id);
          }
          const late = tx
            .select()
            .from(requests)
            .where(and(inArray(requests.status, [...OPEN]), lte(requests.resolveDueAt, at)))
            .all()
            .filter((r) => r.escalationLevel < 2);
          for (const row of late) {
            guardedUpdate(tx, row, { status: "escalated", escalationLevel: 2 }, at);
            appendEvent(tx, row.id, null, "escalated", row.status, "escalated", at, {
              level: 2,
              to: "commune",
              reason: "resolve_overdue",
            });
            out.escalatedToCommune.push(row.id);
          }
          const resolved = tx
            .select()
            .from(requests)
            .where(
              and(
                eq(requests.status, "resolved"),
                lte(requests.resolvedAt, new Date(at.getTime() - AUTO_CLOSE_AFTER_MS)),
              ),
            )
            .all();
          for (const row of resolved) {
            guardedUpdate(tx, row, { status: "closed", closedAt: at }, at);
            appendEvent(tx, row.id, null, "auto_closed", "resolved", "closed", at, {
              reason: "no_answer_7_days",
            });
            out.autoClosed.push(row.id);
          }
        },
        { behavior: "immediate" },
      );
      return out;
    },
  };

  function checkPhotos(tx: Tx, personId: number, ids: string[]) {
    if (ids.length === 0) return;
    if (new Set(ids).size !== ids.length) {
      throw new AppError("validation_failed", "Ảnh bị gửi trùng.", { photoIds: "Ảnh bị gửi trùng." });
    }
    const owned = tx
      .select({ id: photos.id })
      .from(photos)
      .where(and(inArray(photos.id, ids), eq(photos.uploaderPersonId, personId)))
      .all();
    const used = tx
      .select({ id: requestPhotos.photoId })
      .from(requestPhotos)
      .where(inArray(requestPhotos.photoId, ids))
      .all();
    if (owned.length !== ids.length || used.length > 0) {
      throw new AppError("validation_failed", "Ảnh không hợp lệ, vui lòng tải ảnh lên lại.", {
        photoIds: "Ảnh không hợp lệ, vui lòng tải ảnh lên lại.",
      });
    }
  }
}

export type Lifecycle = ReturnType<typeof createLifecycle>;

/** zod issues → the API's `fields` map (first message per field). */
export function validationError(issues: { path: PropertyKey[]; message: string }[]): AppError {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join(".") || "_";
    fields[key] ??= issue.message;
  }
  const first = Object.values(fields)[0] ?? "Dữ liệu không hợp lệ.";
  return new AppError("validation_failed", first, fields);
}
