/**
 * Our own short-lived session, issued after Zalo vouched for the user. A signed JWT (HS256,
 * jose) carrying only the person id: roles are read fresh from the database on every request,
 * so removing a member takes effect at once.
 */
import { errors, jwtVerify, SignJWT } from "jose";
import { AppError } from "../lib/errors";

const ISSUER = "cau-noi";
const AUDIENCE = "cau-noi-mini-app";

export interface SessionSigner {
  issue(personId: number, now: Date): Promise<{ token: string; expiresAt: Date }>;
  verify(token: string, now: Date): Promise<number>;
}

export function createSessionSigner(secret: string, ttlMinutes: number): SessionSigner {
  const key = new TextEncoder().encode(secret);
  return {
    async issue(personId, now) {
      const issuedAt = Math.floor(now.getTime() / 1000);
      const expiresAt = new Date((issuedAt + ttlMinutes * 60) * 1000);
      const token = await new SignJWT({})
        .setProtectedHeader({ alg: "HS256" })
        .setSubject(String(personId))
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt(issuedAt)
        .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
        .sign(key);
      return { token, expiresAt };
    },
    async verify(token, now) {
      try {
        const { payload } = await jwtVerify(token, key, {
          issuer: ISSUER,
          audience: AUDIENCE,
          algorithms: ["HS256"],
          currentDate: now,
        });
        const personId = Number(payload.sub);
        if (!Number.isInteger(personId) || personId <= 0) throw new Error("bad subject");
        return personId;
      } catch (error) {
        const expired = error instanceof errors.JWTExpired;
        throw new AppError(
          "unauthenticated",
          expired
            ? "Phiên làm việc đã hết hạn, anh/chị vui lòng mở lại ứng dụng."
            : "Anh/chị chưa đăng nhập.",
        );
      }
    },
  };
}
