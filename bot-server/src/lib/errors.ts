/**
 * Expected failures. Services throw `AppError`; the single `onError` turns it into
 * `{ error: { code, message, fields? } }` with its HTTP status. Messages are Vietnamese because
 * they reach residents and team members.
 */
export type ErrorCode =
  | "validation_failed"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "already_taken"
  | "invalid_transition"
  | "conflict"
  | "activity_locked"
  | "payload_too_large"
  | "unsupported_media_type"
  | "upstream_failed"
  | "internal_error";

const STATUS: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  already_taken: 409,
  invalid_transition: 409,
  conflict: 409,
  activity_locked: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  upstream_failed: 502,
  internal_error: 500,
};

export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.status = STATUS[code];
  }

  toBody() {
    return {
      error: { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) },
    };
  }
}

export const notFound = (what = "Không tìm thấy nội dung anh/chị cần.") => new AppError("not_found", what);
export const forbidden = (message = "Anh/chị không có quyền thực hiện việc này.") =>
  new AppError("forbidden", message);
