/**
 * A respondent over HTTP, knowing only the respondent page's HTML: what a browser without
 * JavaScript sends, read from the form the page shows.
 */

type Field = [name: string, value: string];

const decode = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

function inputs(html: string): Record<string, string>[] {
  return [...html.matchAll(/<input\b([^>]*)>/g)].map(([, attributes]) =>
    Object.fromEntries([...attributes!.matchAll(/([\w-]+)(?:="([^"]*)")?/g)].map(([, name, value]) => [name!, decode(value ?? "")])),
  );
}

/**
 * Answers to every question with choices on the page (one choice each, picked by `seed`), as the
 * page's own "Send my answers" button would send them. Nominations and text are left empty.
 */
export function answersFromPage(html: string, seed: number): Field[] {
  const form = /<form[^>]*data-respondent-form[^>]*>([\s\S]*?)<\/form>/.exec(html)?.[1];
  if (!form) throw new Error(`No respondent form on the page:\n${html.slice(0, 2_000)}`);
  const choices = new Map<string, string[]>();
  for (const input of inputs(form)) {
    if ((input.type === "radio" || input.type === "checkbox") && input.name?.startsWith("q-")) {
      choices.set(input.name, [...(choices.get(input.name) ?? []), input.value ?? ""]);
    }
  }
  if (choices.size === 0) throw new Error("The respondent form has no questions with choices.");
  return [...[...choices].map(([name, values]): Field => [name, values[seed % values.length]!]), ["intent", "submit"]];
}

/** What a page sends back if its form is submitted as it stands: hidden fields and ticked boxes. */
export function fieldsKeptOnPage(html: string): Field[] {
  return inputs(html)
    .filter((input) => input.name && (input.type === "hidden" || ((input.type === "radio" || input.type === "checkbox") && "checked" in input)))
    .map((input): Field => [input.name!, input.value ?? ""]);
}

export const formBody = (fields: Field[]) => new URLSearchParams(fields);
