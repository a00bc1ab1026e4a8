import { z } from "zod";
import { Email } from "./account-form";

/** The roster email a leader is linked by, when it differs from their account's. */
const RosterEmail = z
  .string()
  .trim()
  .max(254)
  .optional()
  .transform((value) => (value ? value.toLowerCase() : undefined));

export const InviteMemberForm = z.object({
  email: Email,
  role: z.enum(["admin", "analyst", "leader"], { errorMap: () => ({ message: "Choose a role." }) }),
  personEmail: RosterEmail,
});

export const ChangeRoleForm = z.object({
  membershipId: z.string().uuid(),
  role: z.enum(["owner", "admin", "analyst", "leader"], { errorMap: () => ({ message: "Choose a role." }) }),
  personEmail: RosterEmail,
});

export const MembershipIdForm = z.object({ membershipId: z.string().uuid() });
export const InvitationIdForm = z.object({ invitationId: z.string().uuid() });
