import { z } from "zod";
import { NAMINGS } from "~/modules/analytics/naming";
import { COMMENT_GROUP, GROUP_SIZE } from "~/modules/anonymity/policy";

const whole = (label: string, min: number, max: number) =>
  z.coerce
    .number({ invalid_type_error: `Enter ${label} as a whole number.` })
    .int(`Enter ${label} as a whole number.`)
    .min(min, `${label[0]!.toUpperCase()}${label.slice(1)} cannot be below ${min}.`)
    .max(max, `${label[0]!.toUpperCase()}${label.slice(1)} cannot be above ${max}.`);

export const OrganizationSettingsForm = z
  .object({
    name: z.string().trim().min(2, "Enter the organization's name (at least 2 characters).").max(100, "Use at most 100 characters."),
    minGroupSize: whole("the minimum group size", GROUP_SIZE.floor, GROUP_SIZE.max),
    commentMinGroupSize: whole("the minimum group for comments", GROUP_SIZE.floor, COMMENT_GROUP.max),
    dpEpsilon: z
      .string()
      .trim()
      .transform((value, context) => {
        if (value === "") return null;
        const number = Number(value);
        if (!Number.isFinite(number) || number <= 0 || number > 10) {
          context.addIssue({ code: "custom", message: "Enter ε between 0.1 and 10, or leave it empty for no noise." });
          return z.NEVER;
        }
        return number;
      }),
    naming: z.enum(NAMINGS, { errorMap: () => ({ message: "Choose who appears by name on influence views." }) }),
  })
  .refine((form) => form.commentMinGroupSize >= form.minGroupSize, {
    path: ["commentMinGroupSize"],
    message: "Comments need at least as many responses as any other figure.",
  });
