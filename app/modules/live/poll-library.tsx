// ---- poll library: the staff page's "Avstemninger" section (/admin/events/:id/live). Polls are
// prepared before the evening per programme item (or "any time") in the event's own room, as
// drafts; edited while drafts, duplicated, deleted (a second submit confirms), put in order.
// Plain Remix forms: everything works without JavaScript.
import { Button, Card, Heading, Paragraph, Tag } from "@digdir/designsystemet-react";
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, Link, useNavigation } from "@remix-run/react";
import { useT } from "~/i18n";
import { ErrorSummary, SelectField, TextAreaField, TextField } from "~/modules/admin-events/staff-form";
import { libraryPollSchema } from "./poll-library.schema";
import type { pollLibrary } from "./poll-library.server";
import { POLL_KINDS, POLL_OPTION_MAX, POLL_TITLE_MAX, RESULTS_VISIBILITY } from "./protocol";

type Library = Awaited<ReturnType<typeof pollLibrary>>;
type LibraryPollRow = Library["polls"][number];

const FIELDS = ["title", "kind", "options", "maxChoices", "scaleMax", "resultsVisibility", "programmeItemId"] as const;

export function PollLibraryForm({
  library,
  editing,
  lastResult,
  defaultItem,
}: {
  library: Library;
  editing: LibraryPollRow | null;
  lastResult?: SubmissionResult<string[]> | null;
  defaultItem?: string | null;
}) {
  const t = useT();
  const navigation = useNavigation();
  const labels = {
    title: t("live:create.title"),
    kind: t("live:create.kind"),
    options: t("live:create.options"),
    maxChoices: t("live:create.maxChoices"),
    scaleMax: t("live:create.scale"),
    resultsVisibility: t("live:create.visibility"),
    programmeItemId: t("live:pollLibrary.item"),
  } satisfies Record<(typeof FIELDS)[number], string>;
  const [form, fields] = useForm({
    id: editing ? `poll-form-${editing.id}` : "poll-form-new",
    lastResult: navigation.state === "idle" ? lastResult : undefined,
    defaultValue: editing
      ? {
          title: editing.title,
          kind: editing.kind,
          options: editing.options.map((o) => o.label).join("\n"),
          maxChoices: editing.maxChoices === null ? "" : String(editing.maxChoices),
          scaleMax: editing.scaleMax === null ? "" : String(editing.scaleMax),
          resultsVisibility: editing.resultsVisibility,
          programmeItemId: editing.programmeItemId ?? "",
        }
      : { kind: "SINGLE", resultsVisibility: "LIVE", programmeItemId: defaultItem ?? "" },
    constraint: getZodConstraint(libraryPollSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: libraryPollSchema }),
  });
  const headingId = editing ? "poll-form-heading-edit" : "poll-form-heading";
  return (
    <Card data-color="neutral" className="live-library-form" id="poll-form">
      <Heading level={3} data-size="xs" id={headingId}>
        {editing ? t("live:pollLibrary.editHeading", { title: editing.title }) : t("live:pollLibrary.newHeading")}
      </Heading>
      <ErrorSummary formErrors={form.errors} fields={fields} labels={labels} />
      <Form method="post" className="stacked" aria-labelledby={headingId} {...getFormProps(form)}>
        <input type="hidden" name="intent" value="poll-save" />
        {editing ? <input type="hidden" name="pollId" value={editing.id} /> : null}
        <TextField field={fields.title} label={labels.title} maxLength={POLL_TITLE_MAX} />
        <SelectField field={fields.kind} label={labels.kind} options={POLL_KINDS.map((k) => [k, t(`live:kind.${k}`)])} />
        <TextAreaField
          field={fields.options}
          label={labels.options}
          help={t("live:pollLibrary.optionsHelp", { max: POLL_OPTION_MAX })}
          rows={5}
        />
        <TextField field={fields.maxChoices} label={labels.maxChoices} type="number" min={1} max={20} help={t("live:pollLibrary.maxChoicesHelp")} />
        <TextField field={fields.scaleMax} label={labels.scaleMax} type="number" min={2} max={10} help={t("live:pollLibrary.scaleHelp")} />
        <SelectField
          field={fields.resultsVisibility}
          label={labels.resultsVisibility}
          options={RESULTS_VISIBILITY.map((v) => [v, t(`live:visibility.${v}`)])}
        />
        <SelectField
          field={fields.programmeItemId}
          label={labels.programmeItemId}
          empty={t("live:pollLibrary.anyTime")}
          options={library.items.map((i) => [i.id, i.title])}
        />
        <div className="live-row">
          <Button type="submit" variant="primary" disabled={navigation.state === "submitting"}>
            {editing ? t("live:pollLibrary.save") : t("live:pollLibrary.create")}
          </Button>
          {editing ? (
            <Link to="?#polls-library-heading" className="ds-link">
              {t("live:pollLibrary.cancelEdit")}
            </Link>
          ) : null}
        </div>
      </Form>
    </Card>
  );
}

function LibraryPoll({
  poll,
  first,
  last,
  confirmDelete,
}: {
  poll: LibraryPollRow;
  first: boolean;
  last: boolean;
  confirmDelete: boolean;
}) {
  const t = useT();
  const kindText = t(`live:kind.${poll.kind as (typeof POLL_KINDS)[number]}`);
  return (
    <Card asChild data-color="neutral">
      <li id={`library-poll-${poll.id}`}>
        <Heading level={4} data-size="2xs">
          {poll.title}
        </Heading>
        <Paragraph data-size="sm">
          {kindText} · <Tag data-color={poll.status === "OPEN" ? "success" : "neutral"}>{t(`live:pollStatus.${poll.status as "DRAFT" | "OPEN" | "CLOSED"}`)}</Tag>
          {poll.options.length > 0 ? ` · ${poll.options.map((o) => o.label).join(", ")}` : ""}
          {poll.status !== "DRAFT" ? ` · ${t("live:answers", { count: poll.answers })}` : ""}
        </Paragraph>
        <div className="live-row">
          {poll.status === "DRAFT" ? (
            <Link to={`?rediger=${poll.id}#poll-form`} className="ds-link">
              {t("live:pollLibrary.edit", { title: poll.title })}
            </Link>
          ) : null}
          <Form method="post">
            <input type="hidden" name="intent" value="poll-duplicate" />
            <input type="hidden" name="pollId" value={poll.id} />
            <Button type="submit" variant="tertiary" data-size="sm">
              {t("live:pollLibrary.duplicate", { title: poll.title })}
            </Button>
          </Form>
          {(["up", "down"] as const).map((direction) =>
            (direction === "up" ? first : last) ? null : (
              <Form method="post" key={direction}>
                <input type="hidden" name="intent" value="poll-move" />
                <input type="hidden" name="pollId" value={poll.id} />
                <input type="hidden" name="direction" value={direction} />
                <Button type="submit" variant="tertiary" data-size="sm">
                  {direction === "up" ? t("live:pollLibrary.moveUp", { option: poll.title }) : t("live:pollLibrary.moveDown", { option: poll.title })}
                </Button>
              </Form>
            ),
          )}
          {poll.status !== "OPEN" ? (
            <Form method="post">
              <input type="hidden" name="intent" value="poll-delete" />
              <input type="hidden" name="pollId" value={poll.id} />
              {confirmDelete ? <input type="hidden" name="confirm" value="yes" /> : null}
              <Button type="submit" variant={confirmDelete ? "primary" : "tertiary"} data-color="danger" data-size="sm">
                {confirmDelete ? t("live:pollLibrary.deleteYes", { title: poll.title }) : t("live:pollLibrary.delete", { title: poll.title })}
              </Button>
            </Form>
          ) : null}
          {confirmDelete ? (
            <Link to={`?#library-poll-${poll.id}`} className="ds-link">
              {t("live:mod.cancel")}
            </Link>
          ) : null}
        </div>
        {confirmDelete ? (
          <p role="alert" className="small">
            {poll.answers > 0 ? t("live:pollLibrary.deleteWarnAnswers", { count: poll.answers }) : t("live:pollLibrary.deleteWarn")}
          </p>
        ) : null}
      </li>
    </Card>
  );
}

export function PollLibrary({
  library,
  editId,
  lastResult,
  confirmDeleteId,
  notice,
}: {
  library: Library;
  editId: string | null;
  lastResult?: SubmissionResult<string[]> | null;
  confirmDeleteId: string | null;
  notice: string | null;
}) {
  const t = useT();
  const editing = library.polls.find((p) => p.id === editId && p.status === "DRAFT") ?? null;
  const groups = [
    ...library.items.map((i) => ({ id: i.id as string | null, title: i.title })),
    { id: null, title: t("live:pollLibrary.anyTime") },
  ];
  return (
    <section aria-labelledby="polls-library-heading" id="polls-library">
      <Heading level={2} data-size="sm" id="polls-library-heading">
        {t("live:polls.heading")}
      </Heading>
      <Paragraph>{t("live:pollLibrary.intro", { code: library.code })}</Paragraph>
      {notice ? (
        <p role="status" className="live-library-notice">
          {notice}
        </p>
      ) : null}
      {groups.map((g) => {
        const polls = library.polls.filter((p) => p.programmeItemId === g.id);
        const headingId = `library-group-${g.id ?? "any"}`;
        return (
          <section key={g.id ?? "any"} aria-labelledby={headingId} className="live-library-group">
            <Heading level={3} data-size="xs" id={headingId}>
              {g.title} <span className="small">({t("live:pollLibrary.pollCount", { count: polls.length })})</span>
            </Heading>
            {polls.length === 0 ? (
              <Paragraph data-size="sm">{t("live:pollLibrary.empty")}</Paragraph>
            ) : (
              <ol className="live-library-list">
                {polls.map((p, i) => (
                  <LibraryPoll key={p.id} poll={p} first={i === 0} last={i === polls.length - 1} confirmDelete={confirmDeleteId === p.id} />
                ))}
              </ol>
            )}
          </section>
        );
      })}
      {/* A fresh form once a poll is added or removed (the browser would keep the last one's choices); kept after a refusal. */}
      <PollLibraryForm key={editing?.id ?? `new-${library.polls.map((p) => p.id).join()}`} library={library} editing={editing} lastResult={lastResult} />
    </section>
  );
}
