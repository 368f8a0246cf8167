// "Rapport etter møtet" on the staff live page: the figures of sessionReport (session-report.server.ts)
// as plain tables with labels, the whole event first, then each room with activity (its polls and,
// for the event's own room, each programme item). Wide tables scroll in their own box on a phone.
import { Heading, Paragraph, Table } from "@digdir/designsystemet-react";
import { TableScroll } from "~/components/ui/table-scroll";
import { useLocale, useT } from "~/i18n";
import { formatDateTime } from "~/utils/format";
import type { QuestionCounts, SessionReport } from "./session-report.server";

// Single fetch keeps dates as dates; a string is accepted too (a JSON client).
type Report = SessionReport;

const QUESTION_ROWS = [
  ["asked", "asked"],
  ["approved", "approved"],
  ["answered", "answered"],
  ["hiddenOrWithdrawn", "hidden"],
  ["pending", "pending"],
  ["upvotes", "upvotes"],
] as const;

function Figures({ id, caption, hideCaption = false, peak, peakAt, active, questions, extra = [] }: {
  id: string;
  caption: string;
  /** The caption repeats a visible heading: kept for screen readers only */
  hideCaption?: boolean;
  peak: number;
  peakAt: Date | string | null;
  active: number;
  questions: QuestionCounts;
  extra?: Array<[string, number]>;
}) {
  const t = useT();
  const locale = useLocale();
  const rows: Array<[string, string | number]> = [
    [t("live:report.peak"), peak],
    [t("live:report.peakAt"), peakAt ? formatDateTime(new Date(peakAt), locale) : "–"],
    [t("live:report.active"), active],
    ...QUESTION_ROWS.map(([key, label]): [string, number] => [t(`live:report.${label}`), questions[key]]),
    ...extra,
  ];
  return (
    <Table id={id} className="live-report-figures" data-size="sm">
      <caption className={hideCaption ? "visually-hidden" : undefined}>{caption}</caption>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell scope="col">{t("live:report.metric")}</Table.HeaderCell>
          <Table.HeaderCell scope="col">{t("live:report.value")}</Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {rows.map(([label, value]) => (
          <Table.Row key={label}>
            <Table.HeaderCell scope="row">{label}</Table.HeaderCell>
            <Table.Cell>{value}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}

const percent = (n: number | null, locale: string) => (n === null ? "–" : `${locale === "en" ? n : String(n).replace(".", ",")} %`);

function RoomReport({ room }: { room: Report["rooms"][number] }) {
  const t = useT();
  const locale = useLocale();
  const name = t("live:report.roomHeading", { room: room.title, code: room.code });
  return (
    <section aria-labelledby={`report-room-${room.code}`} className="live-report-room">
      <Heading level={3} data-size="xs" id={`report-room-${room.code}`}>
        {name}
      </Heading>
      <Figures
        id={`report-figures-${room.code}`}
        caption={name}
        hideCaption
        peak={room.peakParticipants}
        peakAt={room.peakAt}
        active={room.activeParticipants}
        questions={room.questions}
      />
      {room.polls.length > 0 ? (
        <TableScroll label={t("live:report.pollsHeading", { room: room.title })}>
          <Table id={`report-polls-${room.code}`} data-size="sm">
            <caption>{t("live:report.pollsHeading", { room: room.title })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t("live:report.poll")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("live:report.kind")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("live:report.answeredPoll")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("live:report.share")}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {room.polls.map((p) => (
                <Table.Row key={p.id}>
                  <Table.HeaderCell scope="row">{p.title}</Table.HeaderCell>
                  <Table.Cell>{t(`live:csvKind.${p.kind}`)}</Table.Cell>
                  <Table.Cell>{p.answered}</Table.Cell>
                  <Table.Cell>{percent(p.shareOfPeak, locale)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      ) : null}
      {/* Only questions and polls without an item: the room's own figures say it all. */}
      {room.items.some((item) => item.programmeItemId !== null) ? (
        <TableScroll label={t("live:report.itemsHeading", { room: room.title })}>
          <Table id={`report-items-${room.code}`} data-size="sm">
            <caption>{t("live:report.itemsHeading", { room: room.title })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t("live:report.item")}</Table.HeaderCell>
                {QUESTION_ROWS.map(([, label]) => (
                  <Table.HeaderCell scope="col" key={label}>
                    {t(`live:report.${label}`)}
                  </Table.HeaderCell>
                ))}
                <Table.HeaderCell scope="col">{t("live:report.polls")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("live:report.pollAnswers")}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {room.items.map((item) => (
                <Table.Row key={item.programmeItemId ?? "none"}>
                  <Table.HeaderCell scope="row">{item.title ?? t("live:report.noItem")}</Table.HeaderCell>
                  {QUESTION_ROWS.map(([key]) => (
                    <Table.Cell key={key}>{item.questions[key]}</Table.Cell>
                  ))}
                  <Table.Cell>{item.polls}</Table.Cell>
                  <Table.Cell>{item.pollAnswers}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      ) : null}
    </section>
  );
}

const hadActivity = (r: Report["rooms"][number]) => r.peakParticipants > 0 || r.questions.asked > 0 || r.polls.length > 0 || r.activeParticipants > 0;

export function SessionReportSection({ report, csvHref }: { report: Report; csvHref: string }) {
  const t = useT();
  const rooms = report.rooms.filter(hadActivity);
  return (
    <section aria-labelledby="report-heading" className="live-report" id="report">
      <Heading level={2} data-size="sm" id="report-heading">
        {t("live:report.heading")}
      </Heading>
      <Paragraph>{t("live:report.intro")}</Paragraph>
      <p>
        <a href={csvHref} download>
          {t("live:report.export")}
        </a>
      </p>
      <Figures
        id="report-figures-event"
        caption={t("live:report.whole")}
        peak={report.event.peakParticipants}
        peakAt={report.event.peakAt}
        active={report.event.activeParticipants}
        questions={report.event.questions}
        extra={[
          [t("live:report.polls"), report.event.polls],
          [t("live:report.pollAnswers"), report.event.pollAnswers],
        ]}
      />
      {rooms.length === 0 ? <Paragraph>{t("live:report.none")}</Paragraph> : rooms.map((r) => <RoomReport key={r.id} room={r} />)}
    </section>
  );
}
