import { createServer, type AddressInfo, type Server, type Socket } from "node:net";
import { sql } from "kysely";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import * as personal from "~/routes/r.$token";
import { openWave } from "~/modules/surveys/wave-lifecycle.server";
import { call, makeRequest } from "../../../test/fixtures.server";
import { createOrgWithSurvey } from "../../../test/survey-fixtures.server";
import { deliverDueEmails } from "./email.server";

/**
 * Delivery against a real SMTP server (the smtp-server package, in this process), asserting only
 * what it received and what the database keeps, never how messages are put together.
 */

type Received = { from: string; to: string[]; text: string };

const port = await freePort();
const received: Received[] = [];
/** Addresses the server refuses for good at RCPT TO, as a mail server does for an unknown user. */
const unknownUsers = new Set<string>();

const newSmtpServer = () =>
  new SMTPServer({
    authOptional: false,
    allowInsecureAuth: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onAuth: (auth, _session, callback) =>
      auth.username === "earned" && auth.password === "s3cret" ? callback(null, { user: auth.username }) : callback(new Error("Invalid username or password")),
    onRcptTo: (address, _session, callback) =>
      unknownUsers.has(address.address) ? callback(Object.assign(new Error("5.1.1 No such user here"), { responseCode: 550 })) : callback(),
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          text: messageText(Buffer.concat(chunks).toString("utf8")),
        });
        callback();
      });
    },
  });
let smtp: SMTPServer | undefined;

/** A mail server that greets, then drops the connection at the first command. */
let dropper: Server | undefined;
const startDropping = () =>
  new Promise<void>((resolve) => {
    dropper = createServer((socket: Socket) => {
      socket.write("220 mail.test ESMTP\r\n");
      socket.once("data", () => socket.destroy());
      socket.on("error", () => undefined);
    });
    dropper.listen(port, "127.0.0.1", resolve);
  });
const stopDropping = () => new Promise((resolve) => (dropper ? dropper.close(resolve) : resolve(undefined)));
const startSmtp = () =>
  new Promise<void>((resolve) => {
    smtp = newSmtpServer();
    smtp.listen(port, "127.0.0.1", resolve);
  });
const stopSmtp = () => new Promise<void>((resolve) => (smtp ? smtp.close(resolve) : resolve()));

beforeAll(() => {
  process.env.SMTP_URL = `smtp://earned:s3cret@127.0.0.1:${port}`;
  process.env.EMAIL_FROM = "Earned <surveys@earned.test>";
});

afterAll(async () => {
  // Test files may share a worker process: the next one expects the outbox.
  delete process.env.SMTP_URL;
  delete process.env.EMAIL_FROM;
  await stopDropping();
});

beforeEach(() => {
  received.length = 0;
  unknownUsers.clear();
});

const LINK = /https:\/\/earned\.test\/r\/([\w-]+)/;

async function launch({ teamSize = 1 } = {}) {
  const org = await createOrgWithSurvey({ teamSize });
  const outcome = await openWave(db, org.org.id, org.waveId, { baseUrl: "https://earned.test" });
  if (outcome.outcome !== "done") throw new Error(JSON.stringify(outcome));
  return { ...org, addresses: org.people.map((person) => person.email).sort() };
}

/**
 * Time passing: retries wait minutes, growing with each failure. The schema of queued mail is
 * being redesigned; this is the one place in the test that knows where the pause is kept.
 */
async function letRetryPausesElapse() {
  await db
    .updateTable("email_message")
    .set({ next_attempt_at: sql<Date>`now()` })
    .where("status", "=", "queued")
    .execute();
}

/** Every text the database keeps about emails, whatever its columns: where a link would be. */
async function emailRowsAsText(): Promise<string> {
  const rows = await sql`select to_jsonb(m)::text as row from email_message m`.execute(db);
  return rows.rows.map((row) => (row as { row: string }).row).join("\n");
}

const linkAtRest = (text: string) => /\/r\/[\w-]{20,}|[\w-]{43}/.test(text);

describe("email delivery through SMTP", () => {
  it("delivers each invitation once, with a link that opens the form, and keeps no link afterwards", async () => {
    await startSmtp();
    try {
      const wave = await launch({ teamSize: 2 });
      expect(await deliverDueEmails(db)).toEqual({ sent: wave.addresses.length, failed: 0 });
      expect(received.flatMap((message) => message.to).sort()).toEqual(wave.addresses);
      expect(received.every((message) => message.from === "surveys@earned.test")).toBe(true);
      const tokens = new Set<string>();
      for (const message of received) {
        const token = LINK.exec(message.text)?.[1];
        expect(token, message.text).toBeDefined();
        tokens.add(token!);
        const page = await call(() => personal.loader({ request: makeRequest(`/r/${token}`), params: { token }, context: {} }));
        expect(page.status).toBe(200);
        expect(page.data).toMatchObject({ form: { state: "open", surveyName: "Pulse" } });
      }
      expect(tokens.size).toBe(wave.addresses.length);
      // Nothing is sent twice.
      expect(await deliverDueEmails(db)).toEqual({ sent: 0, failed: 0 });
      expect(received).toHaveLength(wave.addresses.length);
      const atRest = await emailRowsAsText();
      for (const token of tokens) expect(atRest).not.toContain(token);
      expect(linkAtRest(atRest)).toBe(false);
    } finally {
      await stopSmtp();
    }
  });

  it("retries after a refused connection and delivers once the server is back", async () => {
    const wave = await launch();
    expect(await deliverDueEmails(db)).toEqual({ sent: 0, failed: wave.addresses.length });
    expect(received).toHaveLength(0);
    await startSmtp();
    try {
      // Not before the pause: the next attempt waits.
      expect(await deliverDueEmails(db)).toEqual({ sent: 0, failed: 0 });
      await letRetryPausesElapse();
      expect(await deliverDueEmails(db)).toEqual({ sent: wave.addresses.length, failed: 0 });
      expect(received.flatMap((message) => message.to).sort()).toEqual(wave.addresses);
      for (const message of received) {
        const token = LINK.exec(message.text)![1]!;
        expect((await call(() => personal.loader({ request: makeRequest(`/r/${token}`), params: { token }, context: {} }))).status).toBe(200);
      }
    } finally {
      await stopSmtp();
    }
  });

  it("retries after the server drops the connection mid-conversation", async () => {
    const wave = await launch();
    await startDropping();
    expect(await deliverDueEmails(db)).toEqual({ sent: 0, failed: wave.addresses.length });
    await stopDropping();
    await startSmtp();
    try {
      await letRetryPausesElapse();
      expect(await deliverDueEmails(db)).toEqual({ sent: wave.addresses.length, failed: 0 });
      expect(received.flatMap((message) => message.to).sort()).toEqual(wave.addresses);
    } finally {
      await stopSmtp();
    }
  });

  it("keeps no link at rest for a message that fails for good after its retries", async () => {
    const wave = await launch();
    // The server stays away through every attempt.
    for (let attempt = 1; attempt <= 6; attempt++) {
      expect((await deliverDueEmails(db)).failed).toBe(wave.addresses.length);
      await letRetryPausesElapse();
    }
    expect(linkAtRest(await emailRowsAsText())).toBe(false);
    await startSmtp();
    try {
      await letRetryPausesElapse();
      expect(await deliverDueEmails(db)).toEqual({ sent: 0, failed: 0 });
      expect(received).toHaveLength(0);
    } finally {
      await stopSmtp();
    }
  });

  it("keeps no link at rest for a recipient the mail server refuses for good, and delivers the others", async () => {
    const wave = await launch();
    const [refused, ...others] = wave.addresses;
    unknownUsers.add(refused!);
    await startSmtp();
    try {
      expect(await deliverDueEmails(db)).toEqual({ sent: others.length, failed: 1 });
      expect(received.flatMap((message) => message.to).sort()).toEqual(others);
      expect(linkAtRest(await emailRowsAsText())).toBe(false);
      // Refused for good: not tried again.
      await letRetryPausesElapse();
      unknownUsers.clear();
      expect(await deliverDueEmails(db)).toEqual({ sent: 0, failed: 0 });
    } finally {
      await stopSmtp();
    }
  });
});

/** The text of a received message: its body, quoted-printable decoded when it says so. */
function messageText(raw: string): string {
  const split = raw.indexOf("\r\n\r\n");
  const headers = raw.slice(0, split);
  const body = raw.slice(split + 4);
  if (!/Content-Transfer-Encoding:\s*quoted-printable/i.test(headers)) return body;
  const bytes = body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, "latin1").toString("utf8");
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port: free } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return free;
}
