/**
 * Helpers for declaring routes once: the zod schemas validate the request, type the handler
 * and become the OpenAPI document served at /openapi.json.
 */
import { apiErrorSchema } from "@cau-noi/shared";
import { OpenAPIHono } from "@hono/zod-openapi";
import type { ZodType } from "zod";
import { validationError } from "../requests/lifecycle";
import type { AppEnv } from "./context";

/** A router whose validation failures become our 400 `{ error: { fields } }` body. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error.issues);
    },
  });
}

export const jsonBody = <T extends ZodType>(schema: T) => ({
  content: { "application/json": { schema } },
  required: true,
});

export const jsonResponse = <T extends ZodType>(schema: T, description: string) => ({
  content: { "application/json": { schema } },
  description,
});

const errorResponse = (description: string) => jsonResponse(apiErrorSchema, description);

/** The error answers every route may give, for the OpenAPI document. */
export const errorResponses = {
  400: errorResponse("Dữ liệu không hợp lệ (`fields` nói rõ trường nào)"),
  401: errorResponse("Chưa đăng nhập hoặc phiên đã hết hạn"),
  403: errorResponse("Không có quyền"),
  404: errorResponse("Không tìm thấy"),
  409: errorResponse("Xung đột trạng thái (ví dụ: đã có người nhận)"),
} as const;

export const bearerSecurity = [{ session: [] }];
