// On the staff overview, for administrators: what the organisation settings still lack.
import { Card } from "@digdir/designsystemet-react";
import { Link } from "@remix-run/react";
import { useT } from "~/i18n";
import type { MissingField } from "./org-settings";
import { settingsKey } from "./settings-form";

export function MissingSettingsNotice({ missing }: { missing: MissingField[] }) {
  const translate = useT();
  const t = (key: string, values?: Record<string, string | number>) => translate(settingsKey(key), values);
  if (missing.length === 0) return null;
  return (
    <Card asChild data-color="warning">
      <section aria-labelledby="missing-settings-heading">
        <h2 id="missing-settings-heading">{t("notice.heading")}</h2>
        <p>{t("notice.intro", { count: missing.length })}</p>
        <ul>
          {missing.map((m) => (
            <li key={m}>{t(`missing.${m}`)}</li>
          ))}
        </ul>
        <p>
          <Link to="/admin/settings">{t("notice.link")}</Link>
        </p>
      </section>
    </Card>
  );
}
