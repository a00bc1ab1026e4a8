import { isIP } from "node:net";
import { z } from "zod";

/**
 * Everything Earned reads from its environment, checked once at start. The README's
 * configuration table lists exactly these variables (a test compares them).
 *
 * It lives at the top of the repository because the server entry, db/ (which must not import
 * app/) and the app all need it. The app reads it only through app/modules/config.server.ts:
 * the `.server` name keeps secrets such as SMTP_URL out of the browser bundle.
 */

const unset = (value: unknown) => (value === "" ? undefined : value);

const wholeNumber = (min: number, max: number) =>
  z.preprocess(
    (value) => (typeof value === "string" && /^\s*\d+\s*$/.test(value) ? Number(value) : value),
    z.number({ invalid_type_error: `a whole number from ${min} to ${max}` }).int().min(min, `a whole number from ${min} to ${max}`).max(max, `a whole number from ${min} to ${max}`),
  );

const positiveSeconds = z.preprocess(
  (value) => (typeof value === "string" && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value),
  z.number({ invalid_type_error: "a number of seconds above 0" }).positive("a number of seconds above 0").max(86_400, "at most 86400 seconds"),
);

/** on/off, true/false, 1/0, yes/no: what people write for a switch. */
const onOff = z
  .string()
  .transform((value) => value.trim().toLowerCase())
  .refine((value) => ["on", "off", "true", "false", "1", "0", "yes", "no"].includes(value), "on or off (true/false, 1/0 and yes/no work too)")
  .transform((value) => ["on", "true", "1", "yes"].includes(value));

const url = (protocols: string[], example: string) =>
  z.string().refine((value) => {
    try {
      return protocols.includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, `a URL like ${example}`);

/**
 * Express's `trust proxy`: true, a number of proxy hops, or addresses and subnets (and the names
 * loopback, linklocal, uniquelocal) separated by commas.
 */
const trustProxy = z
  .string()
  .transform((value) => value.trim())
  .refine(
    (value) =>
      /^(true|false|\d+)$/i.test(value) ||
      value.split(",").every((part) => {
        const [address, bits, ...rest] = part.trim().split("/");
        if (["loopback", "linklocal", "uniquelocal"].includes(address!) && bits === undefined) return true;
        return rest.length === 0 && isIP(address!) !== 0 && (bits === undefined || /^\d{1,3}$/.test(bits));
      }),
    "true, a number of proxies, or addresses/subnets separated by commas (e.g. loopback, 10.0.0.0/8)",
  )
  .transform((value): boolean | number | string => (/^true$/i.test(value) ? true : /^false$/i.test(value) ? false : /^\d+$/.test(value) ? Number(value) : value));

export const ConfigSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"], { errorMap: () => ({ message: "development, production or test" }) }).default("development"),
  PORT: wholeNumber(1, 65_535).default(3000),
  DATABASE_URL: url(["postgres:", "postgresql:"], "postgres://user:password@host:5432/earned").optional(),
  DATABASE_POOL_SIZE: wholeNumber(1, 1_000).default(10),
  EARNED_DATA_DIR: z.string().default("./data/pglite"),
  APP_SECRET: z.string().min(32, "at least 32 characters (e.g. the output of `openssl rand -hex 32`)").optional(),
  APP_SECRET_FILE: z.string().min(1).optional(),
  XDG_CONFIG_HOME: z.string().min(1).optional(),
  EARNED_REQUIRE_APP_SECRET: onOff.optional(),
  APP_URL: url(["http:", "https:"], "https://earned.example.com")
    .transform((value) => value.replace(/\/+$/, ""))
    .optional(),
  SMTP_URL: url(["smtp:", "smtps:"], "smtp://user:password@mail.example.com:587").optional(),
  EMAIL_FROM: z.string().min(3, "a sender such as Earned <no-reply@example.com>").default("Earned <no-reply@earned.invalid>"),
  TRUST_PROXY: trustProxy.optional(),
  COOKIE_SECURE: onOff.optional(),
  ACCESS_LOG: onOff.optional(),
  EARNED_RELEASE_INTERVAL_SECONDS: positiveSeconds.default(30),
  EARNED_JOBS: onOff.default("on"),
});

/** The variable names, as the README's table must list them. */
export const CONFIG_VARIABLES = Object.keys(ConfigSchema.shape) as (keyof typeof ConfigSchema.shape)[];

export type Config = Omit<z.infer<typeof ConfigSchema>, "COOKIE_SECURE" | "ACCESS_LOG" | "EARNED_REQUIRE_APP_SECRET"> & {
  /** The secret must come from APP_SECRET or APP_SECRET_FILE, never be generated (the Docker image). */
  EARNED_REQUIRE_APP_SECRET: boolean;
  /** Explicit, or on in production (where the app is served over HTTPS). */
  COOKIE_SECURE: boolean;
  /** Explicit, or on in production. Respondent pages are never logged either way. */
  ACCESS_LOG: boolean;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Earned cannot start: the configuration has ${problems.length === 1 ? "a problem" : "problems"}.\n${problems.map((problem) => `  - ${problem}`).join("\n")}\nSee "Configuration" in the README.`);
    this.name = "ConfigError";
  }
}

/**
 * Reads and checks the configuration. Messages name the variable and what it should look like,
 * never the value (it may be a password).
 */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const raw = Object.fromEntries(CONFIG_VARIABLES.map((name) => [name, unset(env[name])]));
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join(".")} must be ${issue.message}.`));
  }
  const config = parsed.data;
  const production = config.NODE_ENV === "production";
  const secretGiven = Boolean(config.APP_SECRET || config.APP_SECRET_FILE);
  if (production && config.DATABASE_URL && !secretGiven) {
    throw new ConfigError(["APP_SECRET (or APP_SECRET_FILE) must be set in production with DATABASE_URL (a long random string: `openssl rand -hex 32`)."]);
  }
  if (config.EARNED_REQUIRE_APP_SECRET && !secretGiven) {
    throw new ConfigError(["APP_SECRET (or APP_SECRET_FILE) must be set here: EARNED_REQUIRE_APP_SECRET is on, so no secret is generated."]);
  }
  return {
    ...config,
    COOKIE_SECURE: config.COOKIE_SECURE ?? production,
    ACCESS_LOG: config.ACCESS_LOG ?? production,
    EARNED_REQUIRE_APP_SECRET: config.EARNED_REQUIRE_APP_SECRET ?? false,
  };
}

let cached: { signature: string; config: Config } | undefined;

/**
 * The process's configuration. Read again only if the environment changed since (tests set a
 * variable for one case); otherwise a cached object.
 */
export function config(): Config {
  const signature = CONFIG_VARIABLES.map((name) => process.env[name] ?? "\u0000").join("\u0001");
  if (cached?.signature !== signature) cached = { signature, config: parseConfig(process.env) };
  return cached.config;
}
