/**
 * The app's one door to its configuration (validated in config.ts at the repository root, which
 * the server entry and db/ share). Being a `.server` module keeps secrets out of the browser.
 */
export { config, type Config } from "../../config";
