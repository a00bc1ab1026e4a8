import { createServer } from "node:net";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable, isUniqueViolation } from "./errors";

const withCode = (code: string, message = "failed") => Object.assign(new Error(message), { code });

describe("isDatabaseUnavailable", () => {
  it.each([
    ["a restart or pg_terminate_backend (57P01)", withCode("57P01", "terminating connection due to administrator command")],
    ["a crash (57P02)", withCode("57P02")],
    ["a server starting up or shutting down (57P03)", withCode("57P03", "the database system is shutting down")],
    ["a full connection table (53300)", withCode("53300", "sorry, too many clients already")],
    ["a connection failure (08006)", withCode("08006")],
    ["a connection that never opened (08001)", withCode("08001")],
    ["a refused socket", withCode("ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:5432")],
    ["a reset socket", withCode("ECONNRESET", "read ECONNRESET")],
    ["a host that does not resolve for now", withCode("EAI_AGAIN")],
    ["the socket closing under a query", new Error("Connection terminated unexpectedly")],
    ["a connection attempt timing out", new Error("Connection terminated due to connection timeout")],
    ["a client used after its connection broke", new Error("Client has encountered a connection error and is not queryable")],
    ["the pool waiting too long for a connection", new Error("timeout exceeded when trying to connect")],
    ["a connection Kysely discarded after a failed rollback", new Error("Postgres connection has been discarded")],
    ["a failure wrapped as a cause", new Error("Releasing responses failed", { cause: withCode("57P01") })],
    ["every address of a host refusing", new AggregateError([withCode("ECONNREFUSED"), withCode("ECONNREFUSED")], "")],
  ])("recognises %s", (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["a unique violation", withCode("23505", "duplicate key value violates unique constraint")],
    ["a syntax error", withCode("42601")],
    ["a serialization failure (retry is the caller's business)", withCode("40001")],
    ["a statement cancelled by a timeout", withCode("57014")],
    ["a code that only starts like a connection class", withCode("080")],
    ["the embedded database after close", new Error("PGlite is closed")],
    ["a bug", new TypeError("Cannot read properties of undefined (reading 'id')")],
    ["a message that merely mentions a connection", new Error("Invalid connection string: Connection terminated")],
    ["an AggregateError with one unrelated failure", new AggregateError([withCode("ECONNREFUSED"), new Error("bug")], "")],
    ["an empty AggregateError", new AggregateError([], "")],
    ["null", null],
    ["undefined", undefined],
    ["a string", "ECONNREFUSED"],
    ["a number", 57],
    ["a code that is not a string", { code: 57 }],
  ])("does not take %s for an outage", (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it("stops on a cause that refers back to itself", () => {
    const error = new Error("loop") as Error & { cause?: unknown };
    error.cause = error;
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it("recognises what pg really throws when nothing listens on the port", async () => {
    const port = await closedPort();
    const client = new pg.Client({ host: "127.0.0.1", port, user: "nobody", database: "nothing" });
    const error = await client.connect().then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeDefined();
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it("recognises what pg really throws when the server closes the connection", async () => {
    const server = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    const client = new pg.Client({ host: "127.0.0.1", port, user: "nobody", database: "nothing" });
    const error = await client.connect().then(
      () => undefined,
      (reason: unknown) => reason,
    );
    await new Promise((resolve) => server.close(resolve));
    expect(isDatabaseUnavailable(error)).toBe(true);
  });
});

describe("isUniqueViolation", () => {
  it("matches 23505, optionally for one constraint", () => {
    const error = Object.assign(withCode("23505"), { constraint: "person_email_key" });
    expect(isUniqueViolation(error)).toBe(true);
    expect(isUniqueViolation(error, "person_email_key")).toBe(true);
    expect(isUniqueViolation(error, "other")).toBe(false);
    expect(isUniqueViolation(withCode("57P01"))).toBe(false);
  });
});

/** A port on which nothing listens: bind one, note it, release it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
