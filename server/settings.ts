import { config, ConfigError, type Config } from "../config";

/**
 * The configuration, checked before anything else is loaded (server.ts imports this first): a
 * bad value stops the start with every problem named, not with a stack trace from deep inside.
 */
function loadSettings(): Config {
  try {
    return config();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

export const settings = loadSettings();
