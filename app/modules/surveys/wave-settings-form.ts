import { z } from "zod";
import { GROUP_SIZE } from "~/modules/anonymity/policy";
import { fromDateTimeInput, isTimeZone } from "~/modules/dates";

/**
 * Dates come from datetime-local inputs: a wall clock in the time zone the page names. The page
 * sends the browser's zone; without JavaScript none is sent and the page says UTC.
 */
const dateTimeInput = z
  .string()
  .trim()
  .optional()
  .refine((value) => !value || fromDateTimeInput(value, "UTC") !== null, "Enter a date and time.");

export const WaveSettingsForm = z
  .object({
    minGroupSize: z.coerce
      .number({ invalid_type_error: "Enter a whole number." })
      .int("Enter a whole number.")
      .min(GROUP_SIZE.floor, `The minimum group size cannot be below ${GROUP_SIZE.floor}: smaller groups cannot keep anyone anonymous.`)
      .max(GROUP_SIZE.max, `At most ${GROUP_SIZE.max}.`),
    distribution: z.enum(["email", "links", "open"], { errorMap: () => ({ message: "Choose how people get their links." }) }),
    reminderDays: z
      .string()
      .trim()
      .optional()
      .transform((value, context) => {
        if (!value) return [];
        const days = value.split(/[,\s]+/).filter(Boolean).map(Number);
        if (days.some((day) => !Number.isInteger(day) || day < 1 || day > 60) || days.length > 5) {
          context.addIssue({ code: "custom", message: "Enter up to five whole numbers of days between 1 and 60, like “3, 7”." });
          return z.NEVER;
        }
        return [...new Set(days)].sort((a, b) => a - b);
      }),
    opensAt: dateTimeInput,
    closesAt: dateTimeInput,
    timeZone: z
      .string()
      .trim()
      .optional()
      .transform((value) => value || "UTC")
      .refine(isTimeZone, "Unknown time zone: reload the page and try again."),
    repeatEveryWeeks: z
      .string()
      .trim()
      .optional()
      .transform((value, context) => {
        if (!value) return null;
        const weeks = Number(value);
        if (!Number.isInteger(weeks) || weeks < 1 || weeks > 52) {
          context.addIssue({ code: "custom", message: "Enter a number of weeks between 1 and 52, or leave it empty." });
          return z.NEVER;
        }
        return weeks;
      }),
  })
  .transform(({ timeZone, ...form }) => ({
    ...form,
    opensAt: form.opensAt ? fromDateTimeInput(form.opensAt, timeZone) : null,
    closesAt: form.closesAt ? fromDateTimeInput(form.closesAt, timeZone) : null,
  }))
  .refine((form) => !form.opensAt || !form.closesAt || form.closesAt > form.opensAt, {
    path: ["closesAt"],
    message: "The closing time must come after the opening.",
  });
