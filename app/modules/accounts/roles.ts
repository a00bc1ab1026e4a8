import type { Role } from "@db/schema";

export type { Role };

export const ROLES: readonly Role[] = ["owner", "admin", "analyst", "leader"];

const RANK: Record<Role, number> = { leader: 1, analyst: 2, admin: 3, owner: 4 };

export function hasRole(role: Role, atLeast: Role): boolean {
  return RANK[role] >= RANK[atLeast];
}

export const ROLE_LABELS: Record<Role, string> = {
  owner: "Owner",
  admin: "Admin",
  analyst: "Analyst",
  leader: "Leader",
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  owner: "Everything, including members, roles and organization settings.",
  admin: "Imports the roster, runs surveys, invites members.",
  analyst: "Sees every dashboard of the organization and exports.",
  leader: "Sees dashboards for their own part of the org chart.",
};
