import type { ReactNode } from "react";
import { answerField, FORM_ERROR, moreField, nominationField, searchedField, searchField, type FormQuestion, type SubmissionValues } from "~/modules/responses/submission";
import { commentSentence, groupSizeSentence } from "~/modules/anonymity/policy";
import type { Disclosure } from "~/modules/responses/responses.server";
import { LIKERT_LABELS, nominationHelp } from "~/modules/surveys/questions";

export type PersonOption = { id: string; name: string; title: string | null; department: string | null };

type Props = {
  questions: FormQuestion[];
  values?: SubmissionValues;
  errors?: Record<string, string>;
  /** Names of people already chosen, by id. */
  chosen?: PersonOption[];
  /** Results of searches made without JavaScript, per question. */
  searches?: PeopleSearch[];
  /** The question just searched in, without JavaScript: the page returns to its search box. */
  searchedIn?: string;
  /** People offered as a list in every nomination question (the respondent's segment and its managers). */
  nearby?: PersonOption[];
  /** false in the admin preview: nothing can be sent. */
  submittable?: boolean;
};

type PeopleSearch = { questionId: string; query: string; results: PersonOption[] };

/** How many are chosen, against the limit if there is one (public/respondent.js says the same). */
function chosenCount(count: number, limit: number | undefined): string {
  if (count === 0) return limit === undefined ? "Nobody chosen yet." : `Nobody chosen yet (up to ${limit}).`;
  return limit === undefined ? `${count} chosen.` : `${count} of up to ${limit} chosen.`;
}

/**
 * The questionnaire exactly as respondents see it: plain HTML that works without JavaScript
 * (the nomination picker becomes a list of people nearby plus a search with a button), enhanced
 * by /respondent.js.
 */
export function RespondentForm({ questions, values = {}, errors = {}, chosen = [], searches = [], searchedIn, nearby = [], submittable = true }: Props) {
  const names = new Map(chosen.map((person) => [person.id, person]));
  const errorIds = questions.filter((question) => errors[question.id]);
  const hasSearch = submittable && questions.some((question) => question.kind === "nomination");
  return (
    <form method="post" noValidate className="space-y-6" data-respondent-form data-fresh={Object.keys(values).length === 0 ? "true" : undefined}>
      {hasSearch ? (
        // The form's first submit button is the one Enter presses in a text box. Without it, Enter
        // in any search box would run the first question's search; this one searches the box that
        // has new text (see handleRespondentPost). The page script handles Enter itself.
        <button type="submit" name="intent" value="search" tabIndex={-1} aria-hidden="true" className="sr-only" data-default-search>
          Search
        </button>
      ) : null}
      {errors[FORM_ERROR] || errorIds.length > 0 ? (
        <div role="alert" className="rounded-lg bg-red-50 p-4 text-sm text-red-900 ring-1 ring-inset ring-red-200">
          <p className="font-semibold">{errors[FORM_ERROR] ?? "Some answers need another look. Nothing has been sent yet."}</p>
          {errorIds.length > 0 ? (
            <ul className="mt-2 list-disc pl-5">
              {errorIds.map((question) => (
                <li key={question.id}>
                  <a href={`#question-${question.id}`} className="underline">
                    Question {questions.indexOf(question) + 1}: {errors[question.id]}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <p className="text-sm text-slate-600" data-progress>
        {questions.length} questions. Questions marked <span aria-hidden="true">*</span>
        <span className="sr-only">required</span> need an answer.
      </p>
      <ol className="space-y-6">
        {questions.map((question, index) => (
          <li key={question.id}>
            <QuestionBlock
              question={question}
              number={index + 1}
              values={values}
              error={errors[question.id]}
              chosen={(values[nominationField(question.id)] ?? []).map((id) => names.get(id) ?? { id, name: "Someone no longer in the list", title: null, department: null })}
              search={searches.find((search) => search.questionId === question.id)}
              searchedIn={searchedIn === question.id}
              nearby={nearby}
              submittable={submittable}
            />
          </li>
        ))}
      </ol>
      {submittable ? (
        <div className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
          <button type="submit" name="intent" value="submit" className="btn-primary w-full py-3 text-base sm:w-auto">
            Send my answers
          </button>
          <p className="mt-3 text-sm text-slate-600">You can send once. After that, this link stops working.</p>
        </div>
      ) : null}
    </form>
  );
}

function QuestionBlock({
  question,
  number,
  values,
  error,
  chosen,
  search,
  searchedIn,
  nearby,
  submittable,
}: {
  question: FormQuestion;
  number: number;
  values: SubmissionValues;
  error?: string;
  chosen: PersonOption[];
  search?: PeopleSearch;
  searchedIn: boolean;
  nearby: PersonOption[];
  submittable: boolean;
}) {
  const name = answerField(question.id);
  const current = values[name] ?? [];
  const errorId = `error-${question.id}`;
  const helpId = `help-${question.id}`;
  // A nomination question always states its real limit, whatever its help text was written for.
  const description = question.kind === "nomination" ? nominationHelp(question.description, question.options.maxNominations) : question.description;
  const describedBy = [description ? helpId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  const legend = (
    <legend className="float-left w-full text-base font-semibold text-slate-900">
      <span className="mr-1 text-slate-500">{number}.</span> {question.prompt}
      {question.required ? (
        <>
          <span aria-hidden="true" className="text-red-700">
            {" "}
            *
          </span>
          <span className="sr-only"> (required)</span>
        </>
      ) : null}
    </legend>
  );
  const help = description ? (
    <p id={helpId} className="mt-1 text-sm text-slate-600">
      {description}
    </p>
  ) : null;
  const errorText = error ? (
    <p id={errorId} className="mt-2 text-sm font-medium text-red-800">
      {error}
    </p>
  ) : null;
  const shell = (body: ReactNode) => (
    <fieldset
      id={`question-${question.id}`}
      data-question={question.kind}
      data-required={question.required ? "true" : undefined}
      aria-describedby={describedBy}
      aria-invalid={error ? true : undefined}
      className={`rounded-xl bg-white p-5 shadow-sm ring-1 ${error ? "ring-2 ring-red-500" : "ring-slate-200"}`}
    >
      {legend}
      <div className="clear-left">
        {help}
        <div className="mt-4">{body}</div>
        {errorText}
      </div>
    </fieldset>
  );

  switch (question.kind) {
    case "likert":
      return shell(
        <div className="grid gap-2 sm:grid-cols-5">
          {LIKERT_LABELS.map((label, i) => (
            <label key={label} className="flex cursor-pointer items-center gap-3 rounded-lg p-3 ring-1 ring-slate-200 has-[:checked]:bg-indigo-50 has-[:checked]:ring-2 has-[:checked]:ring-indigo-600 sm:flex-col sm:gap-1 sm:text-center">
              <input type="radio" name={name} value={i + 1} defaultChecked={current[0] === String(i + 1)} className="h-4 w-4" />
              <span className="text-sm">{label}</span>
            </label>
          ))}
        </div>,
      );
    case "scale":
      return shell(
        <div>
          {/* One line even on a phone: a scale broken over two rows reads as two scales. */}
          <div className="grid grid-cols-11 gap-0.5 sm:gap-1">
            {Array.from({ length: 11 }, (_, value) => (
              <label key={value} className="flex min-w-0 cursor-pointer flex-col items-center gap-1 rounded-lg py-2 ring-1 ring-slate-200 has-[:checked]:bg-indigo-50 has-[:checked]:ring-2 has-[:checked]:ring-indigo-600">
                <input type="radio" name={name} value={value} defaultChecked={current[0] === String(value)} className="h-4 w-4" />
                <span className="text-sm tabular-nums">
                  {value}
                  {value === 0 ? <span className="sr-only"> (not at all likely)</span> : value === 10 ? <span className="sr-only"> (extremely likely)</span> : null}
                </span>
              </label>
            ))}
          </div>
          <div aria-hidden="true" className="mt-2 flex justify-between text-xs text-slate-600">
            <span>0 = not at all likely</span>
            <span>10 = extremely likely</span>
          </div>
        </div>,
      );
    case "single_choice":
    case "multiple_choice":
      return shell(
        <div className="space-y-2">
          {(question.options.choices ?? []).map((choice, i) => (
            <label key={choice} className="flex cursor-pointer items-center gap-3 rounded-lg p-3 ring-1 ring-slate-200 has-[:checked]:bg-indigo-50 has-[:checked]:ring-2 has-[:checked]:ring-indigo-600">
              <input type={question.kind === "single_choice" ? "radio" : "checkbox"} name={name} value={i} defaultChecked={current.includes(String(i))} className="h-4 w-4" />
              <span className="text-sm">{choice}</span>
            </label>
          ))}
        </div>,
      );
    case "text": {
      const max = question.options.maxLength ?? 1000;
      return shell(
        <div>
          <label htmlFor={`text-${question.id}`} className="sr-only">
            Your answer
          </label>
          <textarea
            id={`text-${question.id}`}
            name={name}
            rows={4}
            maxLength={max}
            defaultValue={current.join("\n")}
            data-counter={`counter-${question.id}`}
            className="input"
            aria-describedby={describedBy}
          />
          <p id={`counter-${question.id}`} className="mt-1 text-xs text-slate-600">
            Up to {max.toLocaleString("en")} characters. Avoid details that would identify you.
          </p>
        </div>,
      );
    }
    case "nomination":
      return shell(<NominationPicker question={question} values={values} chosen={chosen} search={search} searchedIn={searchedIn} nearby={nearby} submittable={submittable} />);
  }
}

/**
 * Choosing people for one question. Without JavaScript: tick people near you, search (the
 * results are added as checkboxes), tick "I would name more" at a limit. Every question is its
 * own choice, so the same person may be chosen in each; within a question a person has one
 * checkbox only (a nearby person found by search points to theirs), since a person sent twice
 * is refused.
 */
function NominationPicker({
  question,
  values,
  chosen,
  search,
  searchedIn,
  nearby,
  submittable,
}: {
  question: FormQuestion;
  values: SubmissionValues;
  chosen: PersonOption[];
  search?: PeopleSearch;
  searchedIn: boolean;
  nearby: PersonOption[];
  submittable: boolean;
}) {
  const limit = question.options.maxNominations;
  const field = nominationField(question.id);
  const picked = new Set(values[field] ?? []);
  const nearbyIds = new Set(nearby.map((person) => person.id));
  const nearId = (personId: string) => `near-${question.id}-${personId}`;
  const results = (search?.results ?? []).filter((person) => !picked.has(person.id));
  const describe = (person: PersonOption) => [person.title, person.department].filter(Boolean).join(" · ");
  // The search leaves out whoever is chosen in this question, so "nobody matches" would mislead.
  const alreadyChosen = (query: string) =>
    [...chosen, ...nearby.filter((person) => picked.has(person.id))].some((person) => `${person.name} ${person.title ?? ""}`.toLowerCase().includes(query.toLowerCase()));
  return (
    <div data-nomination data-max={limit} data-question-id={question.id}>
      <p className="text-sm text-slate-600" data-nomination-count aria-live="polite">
        {chosenCount(picked.size, limit)}
      </p>
      {nearby.length > 0 ? (
        <fieldset className="mt-3" data-nearby>
          <legend className="text-sm font-medium text-slate-900">People near you</legend>
          <p className="text-xs text-slate-600">Your group and the managers around it. You may be in this list too: choosing yourself is not counted.</p>
          <ul className={`mt-2 grid gap-1 sm:grid-cols-2 ${nearby.length > 10 ? "max-h-80 overflow-y-auto rounded-lg p-1 ring-1 ring-slate-200" : ""}`}>
            {nearby.map((person) => (
              <li key={person.id}>
                <label className="flex cursor-pointer items-start gap-2 rounded-md px-2 py-1.5 text-sm hover:bg-slate-50 has-[:checked]:bg-indigo-50">
                  <input type="checkbox" id={nearId(person.id)} name={field} value={person.id} defaultChecked={picked.has(person.id)} className="mt-0.5 h-4 w-4 shrink-0" />
                  <span>
                    {person.name}
                    {person.title ? <span className="text-slate-600"> · {person.title}</span> : null}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      ) : null}
      <ul className="mt-2 flex flex-wrap gap-2" data-chosen aria-label={nearby.length > 0 ? "Others chosen" : "Chosen people"}>
        {chosen
          .filter((person) => !nearbyIds.has(person.id))
          .map((person) => (
            <li key={person.id}>
              <label className="inline-flex cursor-pointer items-center gap-2 rounded-full bg-indigo-50 px-3 py-1.5 text-sm ring-1 ring-indigo-200">
                <input type="checkbox" name={field} value={person.id} defaultChecked className="h-4 w-4" />
                {person.name}
                {person.title ? <span className="text-slate-600">· {person.title}</span> : null}
              </label>
            </li>
          ))}
      </ul>
      <label htmlFor={`search-${question.id}`} className="mt-3 block text-sm font-medium text-slate-900">
        {nearby.length > 0 ? "Someone else? Find them by name" : "Find a person by name"}
      </label>
      <div className="mt-1 flex gap-2" data-search>
        <input
          id={`search-${question.id}`}
          name={searchField(question.id)}
          type="search"
          defaultValue={search?.query}
          placeholder="Type a name"
          autoComplete="off"
          autoFocus={searchedIn || undefined}
          className="input"
        />
        {submittable ? (
          <button type="submit" name="intent" value={`search:${question.id}`} className="btn-secondary" data-search-button>
            Search
          </button>
        ) : null}
      </div>
      {search ? <input type="hidden" name={searchedField(question.id)} value={search.query} /> : null}
      {search ? (
        <div className="mt-3" data-search-results>
          {results.length === 0 ? (
            <p className="text-sm text-slate-600">
              {alreadyChosen(search.query)
                ? `Everyone matching “${search.query}” is chosen already.`
                : `Nobody matches “${search.query}”. Try part of a first or last name.`}
            </p>
          ) : (
            <fieldset>
              <legend className="text-sm text-slate-700">Tick the people you mean, then carry on:</legend>
              <ul className="mt-2 space-y-1">
                {results.map((person) => (
                  <li key={person.id}>
                    {nearbyIds.has(person.id) ? (
                      <span className="flex items-center gap-2 text-sm">
                        <a href={`#${nearId(person.id)}`} className="underline">
                          {person.name}
                        </a>
                        <span className="text-slate-600">is in People near you, above</span>
                      </span>
                    ) : (
                      <label className="flex cursor-pointer items-center gap-2 text-sm">
                        <input type="checkbox" name={field} value={person.id} className="h-4 w-4" />
                        {person.name}
                        <span className="text-slate-600">{describe(person)}</span>
                      </label>
                    )}
                  </li>
                ))}
              </ul>
            </fieldset>
          )}
        </div>
      ) : null}
      {limit !== undefined ? (
        <div className="mt-4 rounded-lg bg-slate-50 p-3" data-more>
          <label className="flex cursor-pointer items-start gap-2 text-sm">
            <input type="checkbox" name={moreField(question.id)} value="1" defaultChecked={values[moreField(question.id)]?.[0] === "1"} aria-describedby={`more-hint-${question.id}`} className="mt-0.5 h-4 w-4 shrink-0" />
            <span>I would name more people</span>
          </label>
          <p id={`more-hint-${question.id}`} className="ml-6 mt-1 text-xs text-slate-600">
            Tick this if the limit of {limit} left out people you would have named. It counts once you have chosen {limit}, and tells the
            organization whether the limit is too low.
          </p>
        </div>
      ) : null}
    </div>
  );
}

/** What is stored, what is shown, and who could hold this link: the truth, before anyone answers. */
export function PrivacyNote({ disclosure }: { disclosure: Disclosure }) {
  return (
    <details className="rounded-xl bg-white p-4 text-sm shadow-sm ring-1 ring-slate-200" open={disclosure.adminsHoldLink || disclosure.openLink ? true : undefined}>
      <summary className="cursor-pointer font-semibold text-slate-900">What we store, who sees what, and who holds this link</summary>
      <div className="mt-3 space-y-2 text-slate-700">
        {disclosure.adminsHoldLink ? (
          <p className="rounded-lg bg-amber-50 p-3 text-amber-950 ring-1 ring-amber-200">
            <strong>The people who run this survey handed out the links themselves</strong> (as a list, or from a test outbox), so they could
            open this link too: see whether it has been used, or answer with it. Your answers are still stored without your name.
          </p>
        ) : null}
        {disclosure.openLink ? (
          <p className="rounded-lg bg-amber-50 p-3 text-amber-950 ring-1 ring-amber-200">
            <strong>This is a shared link.</strong> Anyone holding it can answer, including the people who run the survey, so answers given
            here are counted apart from those of invited people and nobody's team is known.
          </p>
        ) : null}
        <p>
          <strong>Stored:</strong> your answers and the group they count in (your team, or a wider group when your team is small). Not your
          name, email or link, not when you answered (not even the day), not your IP address or browser.
        </p>
        <p>
          <strong>Before anything is shown:</strong> your answers wait, sealed, until at least {disclosure.k} people in your group have
          answered, and are then released together with theirs. If the survey closes first, they join a wider group, or are deleted unread
          if even that is too small.
        </p>
        <p>
          <strong>Shown:</strong> {groupSizeSentence(disclosure.k)} {commentSentence(disclosure.k, disclosure.commentMinimum)} People you
          choose are never told who chose them.
        </p>
        <p>
          Whoever operates Earned for your organization holds the key to the sealed answers and could read them before they are released;
          after release, nobody can tie them to you.
        </p>
        {disclosure.privateReport ? (
          <p>
            <strong>Given back:</strong> when the survey closes, everyone invited gets a private report by email, whether or not they
            answered: how often colleagues chose you (never who), how that compares with the organization, and what leaders can see about
            you.
          </p>
        ) : null}
        <p>Your answers are kept in this browser tab until you send them, so a reload loses nothing; nothing reaches us before you send.</p>
      </div>
    </details>
  );
}
