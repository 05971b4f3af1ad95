/**
 * The request detail page's data, shared with the screens that change a request: after a
 * submission or an action they put the server's answer there, so the detail shows at once.
 */
import type { RequestDetail } from "@cau-noi/shared";
import { fresh } from "../api/cache";
import { setResource } from "../api/resource";

export const requestKey = (id: number) => `request:${id}`;

/** The server's latest answer for a request, shown by its detail page without a new load. */
export function showRequest(detail: RequestDetail): void {
  setResource(requestKey(detail.id), fresh(detail));
}
