/**
 * `ApiError`: every failure of a call, with the Vietnamese message the UI shows as it is.
 * The server answers `{ error: { code, message, fields? } }` (SPEC §7); a failed connection is
 * status 0, code "network".
 */
import type { ApiError as ApiErrorBody } from "@cau-noi/shared";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Per-field messages from validation: `{ text: "Vui lòng nhập nội dung." }`. */
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** The request never got an answer: offline, timed out, server unreachable. */
  get isNetwork(): boolean {
    return this.status === 0;
  }

  /** Sending the same thing again can never succeed (bad input, forbidden, not found, conflict). */
  get isPermanent(): boolean {
    return isPermanentStatus(this.status);
  }
}

/** 4xx except the ones a later try may pass: 401 (session renewed), 408, 425, 429. */
export function isPermanentStatus(status: number): boolean {
  return status >= 400 && status < 500 && ![401, 408, 425, 429].includes(status);
}

export const NETWORK_MESSAGE = "Không kết nối được. Anh/chị kiểm tra mạng (3G/4G hoặc Wi-Fi) rồi thử lại.";

export function networkError(): ApiError {
  return new ApiError(0, "network", NETWORK_MESSAGE);
}

function fallbackMessage(status: number): string {
  if (status === 401) return "Phiên làm việc đã hết hạn, anh/chị vui lòng mở lại ứng dụng.";
  if (status === 403) return "Anh/chị không có quyền xem nội dung này.";
  if (status === 404) return "Không tìm thấy nội dung anh/chị cần.";
  if (status === 413) return "Nội dung gửi lên quá lớn.";
  if (status === 429) return "Hệ thống đang bận, anh/chị vui lòng thử lại sau ít phút.";
  if (status >= 500) return "Hệ thống đang gặp sự cố, anh/chị vui lòng thử lại sau.";
  return "Yêu cầu không hợp lệ.";
}

/** The server's error body when it has one, else a Vietnamese message for the status. */
export function errorFromBody(status: number, body: unknown): ApiError {
  const error = (body as Partial<ApiErrorBody> | null)?.error;
  if (error && typeof error.message === "string" && typeof error.code === "string") {
    return new ApiError(status, error.code, error.message, error.fields ?? {});
  }
  return new ApiError(status, `http_${status}`, fallbackMessage(status));
}

export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return "Đã có lỗi xảy ra, anh/chị vui lòng thử lại.";
}
