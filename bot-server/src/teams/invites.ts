/**
 * Invites to a team: a commune admin makes a link (and its QR code) that opens the mini app's
 * join page; the person who accepts it becomes an active member of that team. The link carries a
 * signed JWT (HS256 with the session secret, audience "invite", 7 days) naming a `team_invites`
 * row; a changed or expired token is refused. An invite is single-use: the first person to
 * accept uses it up, so a forwarded link cannot enrol anyone else (membership gives access to
 * residents' requests). Accepting again as the same person changes nothing.
 */
import { CIVIC_ROLES, type CivicRole } from "@cau-noi/shared";
import { and, eq } from "drizzle-orm";
import { errors, jwtVerify, SignJWT } from "jose";
import QRCode from "qrcode";
import type { Db, Tx } from "../db/client";
import { adminUnits, memberships, teamInvites, teams } from "../db/schema";
import { AppError } from "../lib/errors";
import { isActiveMembership } from "./structure";

const ISSUER = "cau-noi";
const AUDIENCE = "invite";
export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export interface InviteClaims {
  /** The `team_invites` row. */
  inviteId: number;
  teamId: number;
  civicRole: CivicRole;
  isLeader: boolean;
  /** The admin who made it, for the log and the history. */
  invitedBy: number;
}

const keyOf = (secret: string) => new TextEncoder().encode(secret);

/** Stores the invite; its token is signed afterwards with `signInvite`. */
export function createInvite(tx: Tx, claims: Omit<InviteClaims, "inviteId">, now: Date) {
  const expiresAt = new Date((Math.floor(now.getTime() / 1000) + INVITE_TTL_MS / 1000) * 1000);
  const { id } = tx
    .insert(teamInvites)
    .values({
      teamId: claims.teamId,
      civicRole: claims.civicRole,
      isLeader: claims.isLeader,
      invitedByPersonId: claims.invitedBy,
      createdAt: now,
      expiresAt,
    })
    .returning({ id: teamInvites.id })
    .get();
  return { ...claims, inviteId: id, expiresAt };
}

export async function signInvite(secret: string, claims: InviteClaims & { expiresAt: Date }) {
  const expiresAt = claims.expiresAt;
  const issuedAt = Math.floor(expiresAt.getTime() / 1000) - INVITE_TTL_MS / 1000;
  const token = await new SignJWT({
    teamId: claims.teamId,
    civicRole: claims.civicRole,
    isLeader: claims.isLeader,
  })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(String(claims.invitedBy))
    .setJti(String(claims.inviteId))
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(keyOf(secret));
  return { token, expiresAt };
}

const badInvite = (message: string) => new AppError("validation_failed", message, { token: message });

export async function verifyInvite(secret: string, token: string, now: Date): Promise<InviteClaims> {
  try {
    const { payload } = await jwtVerify(token, keyOf(secret), {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ["HS256"],
      currentDate: now,
    });
    const { teamId, civicRole, isLeader } = payload;
    const invitedBy = Number(payload.sub);
    const inviteId = Number(payload.jti);
    if (
      !Number.isInteger(inviteId) ||
      typeof teamId !== "number" ||
      !Number.isInteger(teamId) ||
      typeof isLeader !== "boolean" ||
      !CIVIC_ROLES.includes(civicRole as CivicRole) ||
      !Number.isInteger(invitedBy)
    ) {
      throw new Error("bad claims");
    }
    return { inviteId, teamId, civicRole: civicRole as CivicRole, isLeader, invitedBy };
  } catch (error) {
    if (error instanceof errors.JWTExpired) {
      throw badInvite("Lời mời đã hết hạn. Anh/chị vui lòng xin cán bộ xã gửi lời mời mới.");
    }
    throw badInvite("Lời mời không hợp lệ. Anh/chị vui lòng mở lại đúng đường dẫn cán bộ xã đã gửi.");
  }
}

/** The link that opens the mini app's join page with the token. */
export function inviteLink(appId: string, token: string): string {
  return `https://zalo.me/s/${appId}/join?token=${encodeURIComponent(token)}`;
}

export function inviteQr(link: string): Promise<string> {
  return QRCode.toDataURL(link, { errorCorrectionLevel: "M", margin: 2, width: 360 });
}

const usedUp = () =>
  badInvite("Lời mời này đã được người khác sử dụng. Anh/chị vui lòng xin cán bộ xã gửi lời mời mới.");

/** The stored invite behind a verified token: unknown or already used by someone else → refused. */
function openInvite(tx: Tx, claims: InviteClaims, personId: number) {
  const invite = tx.select().from(teamInvites).where(eq(teamInvites.id, claims.inviteId)).get();
  if (!invite || invite.teamId !== claims.teamId) {
    throw badInvite("Lời mời không hợp lệ. Anh/chị vui lòng mở lại đúng đường dẫn cán bộ xã đã gửi.");
  }
  if (invite.acceptedByPersonId !== null && invite.acceptedByPersonId !== personId) throw usedUp();
  return invite;
}

/** The invited team with its village (or commune), and whether both are still active. */
function invitedTeam(tx: Tx, teamId: number) {
  const row = tx
    .select({ team: teams, unit: adminUnits })
    .from(teams)
    .innerJoin(adminUnits, eq(adminUnits.id, teams.unitId))
    .where(eq(teams.id, teamId))
    .get();
  if (!row) return undefined;
  return {
    team: { id: row.team.id, name: row.team.name, unitId: row.unit.id, unitName: row.unit.name },
    active: row.team.active && row.unit.active,
  };
}

/** What the join page shows before the person accepts: the team, the role, whether it is still open. */
export function previewInvite(db: Db, personId: number, claims: InviteClaims, now: Date) {
  return db.transaction((tx) => {
    const invite = openInvite(tx, claims, personId);
    // Used by this person, who has left the team since: the link no longer opens it.
    if (invite.acceptedByPersonId === personId && !activeMembership(tx, invite.teamId, personId, now)) {
      throw usedByYou();
    }
    const row = invitedTeam(tx, invite.teamId);
    if (!row) throw usedUp();
    return {
      team: row.team,
      civicRole: invite.civicRole,
      isLeader: invite.isLeader,
      expiresAt: invite.expiresAt.toISOString(),
      acceptedByYou: invite.acceptedByPersonId === personId,
    };
  });
}

/** Whether the person is an active member of the team now. */
function activeMembership(tx: Tx, teamId: number, personId: number, now: Date) {
  return tx
    .select()
    .from(memberships)
    .where(and(eq(memberships.teamId, teamId), eq(memberships.personId, personId)))
    .all()
    .find((m) => isActiveMembership(m, now));
}

const usedByYou = () =>
  badInvite("Lời mời này đã được sử dụng. Anh/chị vui lòng xin cán bộ xã gửi lời mời mới.");

/** Makes the person an active member of the invited team, unless they already are; uses the invite up. */
export function acceptInvite(db: Db, personId: number, claims: InviteClaims, now: Date) {
  return db.transaction(
    (tx) => {
      const invite = openInvite(tx, claims, personId);
      const row = invitedTeam(tx, claims.teamId);
      if (!row?.active) {
        throw badInvite("Tổ trong lời mời không còn hoạt động. Anh/chị vui lòng liên hệ cán bộ xã.");
      }
      const { team } = row;
      const current = activeMembership(tx, team.id, personId, now);
      if (current) {
        return {
          joined: false,
          team,
          membershipId: current.id,
          civicRole: current.civicRole,
          isLeader: current.isLeader,
        };
      }
      // Used once already (by this person, whose membership has since ended): the admin removed
      // them, so the old link must not bring them back.
      if (invite.acceptedByPersonId !== null) throw usedByYou();
      // Only a join uses the invite up: a member who merely opens the link leaves it for the invitee.
      tx.update(teamInvites)
        .set({ acceptedByPersonId: personId, acceptedAt: now })
        .where(eq(teamInvites.id, invite.id))
        .run();
      const { id } = tx
        .insert(memberships)
        .values({
          teamId: team.id,
          personId,
          civicRole: claims.civicRole,
          isLeader: claims.isLeader,
          activeFrom: now,
        })
        .returning({ id: memberships.id })
        .get();
      return { joined: true, team, membershipId: id, civicRole: claims.civicRole, isLeader: claims.isLeader };
    },
    { behavior: "immediate" },
  );
}
