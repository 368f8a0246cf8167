// The staff workspace's frame: every page under /admin renders inside it, and this loader
// refuses anyone who is not signed in. Each child route still checks its own role.
import { Button } from "@digdir/designsystemet-react";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { useT, type MessageKey } from "~/i18n";
import { hasRole, staffHandle, type Role } from "~/modules/auth/roles";
import stylesUrl from "~/modules/admin-events/staff.css?url";
import { requireStaff } from "~/modules/auth/session.server";

export const handle = staffHandle("MODERATOR");

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesUrl }];

export const meta: MetaFunction = () => [{ name: "robots", content: "noindex, nofollow" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, "MODERATOR");
  return { staff };
}

export const headers = () => ({ "Cache-Control": "private, no-store" });

const navLinks: Array<{ to: string; label: MessageKey; role: Role; end?: boolean }> = [
  { to: "/admin", label: "staff-events:nav.overview", role: "MODERATOR", end: true },
  { to: "/admin/events", label: "staff-events:nav.events", role: "ORGANISER" },
  { to: "/admin/series", label: "staff-events:nav.series", role: "ORGANISER" },
  { to: "/admin/speakers", label: "staff-events:nav.speakers", role: "ORGANISER" },
  { to: "/admin/organisations", label: "staff-events:nav.organisations", role: "ORGANISER" },
  { to: "/admin/requests", label: "staff-events:nav.requests", role: "ORGANISER" },
  { to: "/admin/input", label: "staff-events:nav.input", role: "ORGANISER" },
  { to: "/admin/feedback", label: "staff-events:nav.feedback", role: "ORGANISER" },
  { to: "/admin/staff", label: "staff-events:nav.staff", role: "ADMIN" },
  { to: "/admin/privacy", label: "staff-events:nav.privacy", role: "ADMIN" },
  { to: "/admin/audit", label: "staff-events:nav.audit", role: "ADMIN" },
  { to: "/admin/settings", label: "settings:nav", role: "ADMIN" },
];

const ROLE_KEYS: Record<Role, MessageKey> = {
  ADMIN: "staff-events:role.ADMIN",
  ORGANISER: "staff-events:role.ORGANISER",
  MODERATOR: "staff-events:role.MODERATOR",
};

export default function AdminLayout() {
  const { staff } = useLoaderData<typeof loader>();
  const t = useT();
  const role = ROLE_KEYS[staff.role as Role];
  return (
    <div className="container admin">
      <div className="admin-bar">
        <nav aria-label={t("staff-events:nav.label")}>
          <ul className="admin-nav">
            {navLinks
              .filter((l) => hasRole(staff.role, l.role))
              .map((l) => (
                <li key={l.to}>
                  <NavLink to={l.to} end={l.end}>
                    {t(l.label)}
                  </NavLink>
                </li>
              ))}
          </ul>
        </nav>
        <Form method="post" action="/admin/logout" className="admin-user">
          <span>{t("staff-events:nav.user", { name: staff.name, role: role ? t(role) : staff.role })}</span>
          <Button type="submit" variant="tertiary" data-size="sm">
            {t("staff-events:nav.logout")}
          </Button>
        </Form>
      </div>
      <Outlet />
    </div>
  );
}
