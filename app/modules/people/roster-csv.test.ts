import { describe, expect, it } from "vitest";
import { decodeRosterBytes, MAX_COLUMNS, normalizeHeader, parseRosterText } from "./roster-csv";

const encode = (text: string) => new TextEncoder().encode(text);

function parse(text: string) {
  const result = parseRosterText(text);
  if (!result.ok) throw new Error(result.problem.message);
  return result.roster;
}

function fileProblem(text: string) {
  const result = parseRosterText(text);
  if (result.ok) throw new Error("expected a file problem");
  return result.problem.message;
}

describe("decodeRosterBytes", () => {
  it("reads UTF-8 with or without a byte-order mark", () => {
    expect(decodeRosterBytes(encode("email,name\n"))).toEqual({ ok: true, text: "email,name\n" });
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...encode("email,name\n")]);
    expect(decodeRosterBytes(withBom)).toEqual({ ok: true, text: "email,name\n" });
  });

  it("reads UTF-16 files that spreadsheets export", () => {
    const text = "email,name\nzoë@example.com,Zoë\n";
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) utf16[2 + i * 2] = text.charCodeAt(i);
    expect(decodeRosterBytes(utf16)).toEqual({ ok: true, text });
  });

  it("refuses text it cannot decode, naming the fix", () => {
    const latin1 = new Uint8Array([...encode("email,name\nz@example.com,Zo"), 0xeb, 0x0a]);
    const result = decodeRosterBytes(latin1);
    expect(result).toEqual({ ok: false, problem: { message: expect.stringContaining("encoding cannot be read") } });
  });

  it("recognises an Excel workbook and binary data", () => {
    expect(decodeRosterBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]))).toMatchObject({ ok: false, problem: { message: expect.stringContaining(".xlsx") } });
    expect(decodeRosterBytes(new Uint8Array([0x41, 0x00, 0x42]))).toMatchObject({ ok: false, problem: { message: expect.stringContaining("binary") } });
  });

  it("calls an empty or blank file empty", () => {
    expect(decodeRosterBytes(new Uint8Array())).toEqual({ ok: false, problem: { message: "The file is empty." } });
    expect(decodeRosterBytes(encode(" \n\r\n "))).toEqual({ ok: false, problem: { message: "The file is empty." } });
  });
});

describe("parseRosterText", () => {
  it("maps the standard columns and keeps others as custom attributes", () => {
    const roster = parse(
      "email,name,title,manager_email,department,location,level,Cost Center,Start Date\n" +
        "ADA@Example.com , Ada Lovelace ,CTO,,Engineering,London,L9,CC-1,2020-01-01\n" +
        "bob@example.com,Bob,Engineer,ada@example.com,Engineering,,L3,,\n",
    );
    expect(roster.rows).toEqual([
      {
        line: 2,
        email: "ada@example.com",
        name: "Ada Lovelace",
        title: "CTO",
        department: "Engineering",
        location: "London",
        level: "L9",
        managerEmail: null,
        attributes: { "Cost Center": "CC-1", "Start Date": "2020-01-01" },
      },
      {
        line: 3,
        email: "bob@example.com",
        name: "Bob",
        title: "Engineer",
        department: "Engineering",
        location: null,
        level: "L3",
        managerEmail: "ada@example.com",
        attributes: {},
      },
    ]);
    expect(roster.problems).toEqual([]);
  });

  it("matches headers case-insensitively and through common aliases", () => {
    const roster = parse("Work Email;Full Name;Job Title;Manager Email;Dept;Office;Grade\nx@example.com;X;Dev;m@example.com;Ops;Paris;3\n");
    expect(roster.rows[0]).toMatchObject({
      email: "x@example.com",
      name: "X",
      title: "Dev",
      managerEmail: "m@example.com",
      department: "Ops",
      location: "Paris",
      level: "3",
    });
    expect(normalizeHeader("  MANAGER_e-mail ")).toBe("manager e mail");
    const split = parse("E-mail\tFirst Name\tLast Name\tReports To\ny@example.com\tGrace\tHopper\t\n");
    expect(split.rows[0]).toMatchObject({ email: "y@example.com", name: "Grace Hopper", managerEmail: null });
  });

  it("counts lines of the file, through blank lines and quoted line breaks", () => {
    const roster = parse('email,name,notes\n\na@example.com,A,"two\nlines"\nbad-email,B,\n');
    expect(roster.rows.map((row) => row.line)).toEqual([3]);
    expect(roster.problems).toEqual([{ line: 5, email: "bad-email", message: "“bad-email” is not an email address." }]);
  });

  it("gives a reason for each bad row", () => {
    const roster = parse(
      [
        "email,name,manager email",
        ",Nobody,",
        "not-an-email,Bad,",
        "me@example.com,Me,me@example.com",
        "noname@example.com,,",
        "x@example.com,X,boss at example",
        "extra@example.com,Extra,,surprise",
        `long@example.com,${"n".repeat(1001)},`,
      ].join("\n"),
    );
    expect(roster.rows).toEqual([]);
    expect(roster.problems.map(({ line, message }) => [line, message])).toEqual([
      [2, "The email is missing."],
      [3, "“not-an-email” is not an email address."],
      [4, "This person is listed as their own manager."],
      [5, "The name is missing."],
      [6, "The manager email “boss at example” is not an email address."],
      [7, "This row has 4 values but the header has 3 columns. Check for an unquoted comma."],
      [8, "A value is longer than 1,000 characters."],
    ]);
  });

  it("refuses files without the columns it needs", () => {
    expect(fileProblem("name,title\nA,B\n")).toMatch(/No email column/);
    expect(fileProblem("email,title\na@example.com,B\n")).toMatch(/No name column/);
    expect(fileProblem("email,Work Email,name\n")).toMatch(/Two columns both look like email/);
    expect(fileProblem(",,,\n")).toBe("The file is empty.");
  });

  it("refuses too many columns", () => {
    const header = ["email", "name", ...Array.from({ length: MAX_COLUMNS - 1 }, (_, i) => `c${i}`)].join(",");
    expect(fileProblem(`${header}\n`)).toMatch(/101 columns; at most 100/);
  });

  it("names unnamed and repeated custom columns so no value is lost", () => {
    const roster = parse("email,name,,Team,Team\na@example.com,A,x,y,z\n");
    expect(roster.rows[0]!.attributes).toEqual({ "Column 3": "x", Team: "y", "Team (2)": "z" });
  });
});
