import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Button } from "@digdir/designsystemet-react";
import { EventList } from "~/components/event-parts";
import { translator, useT, type Locale, type MessageKey } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { EVENT_KINDS, type EventKind } from "~/modules/events/event-kinds";
import { localizeEvent } from "~/modules/events/event-text";
import { listPastEvents, listUpcomingEvents } from "~/modules/events/events.server";
import { absoluteUrl } from "~/utils/config.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const past = url.searchParams.get("past") === "1";
  const kindParam = url.searchParams.get("kind");
  const kind = (EVENT_KINDS as readonly string[]).includes(kindParam ?? "") ? (kindParam as EventKind) : undefined;
  const now = new Date();
  const locale = await getLocale(request);
  const events = (past ? await listPastEvents(now, kind) : await listUpcomingEvents(now, kind)).map((e) => localizeEvent(e, locale));
  const t = translator(locale);
  return {
    past,
    kind: kind ?? "",
    events,
    feedUrl: absoluteUrl("/calendar.ics"),
    title: t("public:pageTitle", { page: past ? t("home.pastTitle") : t("home.title"), site: t("site.name") }),
    description: t("public:home.metaDescription"),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  ...(data ? [{ title: data.title }, { name: "description", content: data.description }] : []),
];

export default function Index() {
  const { past, kind, events, feedUrl } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="container">
      <h1>{past ? t("home.pastTitle") : t("home.title")}</h1>
      <p>{t("site.tagline")}</p>
      <Form method="get" className="filters">
        {past ? <input type="hidden" name="past" value="1" /> : null}
        <div className="field">
          <label htmlFor="kind">{t("home.filter")}</label>
          <select className="ds-input" id="kind" name="kind" defaultValue={kind}>
            <option value="">{t("home.filterAll")}</option>
            {EVENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" variant="primary">
          {t("home.filter")}
        </Button>
      </Form>
      {events.length === 0 ? <p>{past ? t("home.nonePast") : t("home.none")}</p> : <EventList events={events} />}
      <p className="actions">
        {past ? (
          <Link to="/">{t("home.showUpcoming")}</Link>
        ) : (
          <Link to="/?past=1">{t("home.showPast")}</Link>
        )}
      </p>
      <section aria-labelledby="subscribe-heading">
        <h2 id="subscribe-heading">{t("nav.calendar")}</h2>
        <p>{t("home.subscribeHelp")}</p>
        <p>
          <code className="subscribe-url">{feedUrl}</code>
        </p>
        <p>
          <a href={feedUrl.replace(/^https?:/, "webcal:")}>{t("nav.calendar")}</a>
        </p>
      </section>
    </div>
  );
}
