/**
 * API shapes of the team members' and leaders' screens (issue #4): the team roster with each
 * member's open load, which the leader uses to assign and reassign requests.
 */
import { z } from "zod";
import { CIVIC_ROLES } from "./domain";

export const teamRosterMemberSchema = z.object({
  personId: z.number(),
  name: z.string(),
  civicRole: z.enum(CIVIC_ROLES),
  isLeader: z.boolean(),
  /** Open requests (claimed, in progress, escalated) this member owns in the team now. */
  openCount: z.number(),
});
export type TeamRosterMember = z.infer<typeof teamRosterMemberSchema>;

export const teamRosterSchema = z.object({
  teamId: z.number(),
  teamName: z.string(),
  /** The team's village (null for a commune pool, which serves the whole commune). */
  villageId: z.number().nullable(),
  villageName: z.string().nullable(),
  communeId: z.number(),
  communeName: z.string(),
  items: z.array(teamRosterMemberSchema),
});
export type TeamRoster = z.infer<typeof teamRosterSchema>;
