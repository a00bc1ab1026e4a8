// The configuration is checked before anything else is even loaded: a bad value is reported on
// its own, whatever else the start-up would have needed.
import { settings } from "./server/settings";

await (await import("./server/main")).main(settings);
