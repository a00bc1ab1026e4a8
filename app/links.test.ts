import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Issue 17. A relative link ("import", "..", "?page=2") is resolved when it is clicked, against
 * the router's current state — and between the moment the next page's data arrives and the moment
 * React draws it, that state is already the next page's. A click on the old page in that window
 * went to a path that does not exist (404). Every in-app link therefore names its full path.
 * (e2e/links-during-navigation.spec.ts makes the click in that window.)
 */
const ROOT = path.resolve(import.meta.dirname);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx$/.test(name) && !/\.test\./.test(name) ? [full] : [];
  });
}

/** Link targets written in the source that depend on where the router is when clicked. */
export function relativeTargets(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/\b(?:to|action)=(?:"([^"]*)"|\{`([^`]*)`\})/g)) {
    const target = match[1] ?? match[2]!;
    if (!target.startsWith("/") && !target.startsWith("${")) found.push(match[0]);
  }
  for (const match of source.matchAll(/relative="path"|navigate\((?:"[^/"][^"]*"|`[^/$`][^`]*`)/g)) found.push(match[0]);
  return found;
}

describe("in-app links", () => {
  it("finds the relative forms it is meant to catch", () => {
    expect(relativeTargets(`<Link to="import">`)).toEqual([`to="import"`]);
    expect(relativeTargets("<Link to={`?wave=${n}`}>")).toEqual(["to={`?wave=${n}`}"]);
    expect(relativeTargets(`<Link to=".." relative="path">`)).toEqual([`to=".."`, `relative="path"`]);
    expect(relativeTargets(`<Link to="/login"> <Link to={\`/o/\${slug}\`}> <Link to={\`\${base}/x\`}>`)).toEqual([]);
  });

  it("name their full path in every route and component", () => {
    const offenders = sourceFiles(ROOT).flatMap((file) =>
      relativeTargets(readFileSync(file, "utf8")).map((target) => `${path.relative(ROOT, file)}: ${target}`),
    );
    expect(offenders).toEqual([]);
  });
});
