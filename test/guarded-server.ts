import { createServer } from "node:http";
import { guardProcess } from "../app/modules/process-guards.server";

/**
 * A stand-in for server.ts with the same process guards, for process-guards.test.ts:
 * /reject leaves a rejected promise that nobody handles (as pg-boss did when the database went
 * away), /throw throws outside any handler, /ping answers.
 */
guardProcess();
const server = createServer((request, response) => {
  if (request.url === "/reject") {
    void Promise.reject(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }));
  }
  if (request.url === "/throw") {
    setImmediate(() => {
      throw new TypeError("a bug outside any request");
    });
  }
  response.end("ok");
});
server.listen(0, "127.0.0.1", () => {
  console.log(`port ${(server.address() as { port: number }).port}`);
});
