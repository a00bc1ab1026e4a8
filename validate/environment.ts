/**
 * Imported first by run.ts, before any product module is evaluated: the product's modules read
 * these when first used, and validation must never touch a real database or start jobs.
 */
process.env.EARNED_DATA_DIR = "memory://";
delete process.env.DATABASE_URL;
process.env.EARNED_JOBS = "off";
