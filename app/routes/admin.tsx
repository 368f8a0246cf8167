// The staff workspace's frame: every page under /admin renders inside it, and this loader
// refuses anyone who is not signed in. Each child route still checks its own role.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { hasRole, ROLE_NAMES, staffHandle, type Role } from "~/modules/auth/roles";
import { useT } from "~/i18n";
import { requireStaff } from "~/modules/auth/session.server";

export const handle = staffHandle("MODERATOR");

export const meta: MetaFunction = () => [{ name: "robots", content: "noindex, nofollow" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, "MODERATOR");
  return { staff };
}

export const headers = () => ({ "Cache-Control": "private, no-store" });

const links: Array<{ to: string; label: string; role: Role; end?: boolean }> = [
  { to: "/admin", label: "Oversikt", role: "MODERATOR", end: true },
  { to: "/admin/events", label: "Arrangementer", role: "ORGANISER" },
  { to: "/admin/series", label: "Møteserier", role: "ORGANISER" },
  { to: "/admin/speakers", label: "Foredragsholdere", role: "ORGANISER" },
  { to: "/admin/organisations", label: "Organisasjoner", role: "ORGANISER" },
  { to: "/admin/requests", label: "Forespørsler", role: "ORGANISER" },
  { to: "/admin/input", label: "Innspill", role: "ORGANISER" },
  { to: "/admin/feedback", label: "Tilbakemeldinger", role: "ORGANISER" },
  { to: "/admin/staff", label: "Ansatte", role: "ADMIN" },
  { to: "/admin/privacy", label: "Personvern", role: "ADMIN" },
  { to: "/admin/audit", label: "Endringslogg", role: "ADMIN" },
  { to: "/admin/settings", label: "settings:nav", role: "ADMIN" },
];

export default function AdminLayout() {
  const { staff } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="container admin">
      <div className="admin-bar">
        <nav aria-label="Arbeidsflate for ansatte">
          <ul className="admin-nav">
            {links
              .filter((l) => hasRole(staff.role, l.role))
              .map((l) => (
                <li key={l.to}>
                  <NavLink to={l.to} end={l.end}>
                    {l.label === "settings:nav" ? t("settings:nav") : l.label}
                  </NavLink>
                </li>
              ))}
          </ul>
        </nav>
        <Form method="post" action="/admin/logout" className="admin-user">
          <span>
            {staff.name} ({ROLE_NAMES[staff.role as Role] ?? staff.role})
          </span>
          <button type="submit" className="link-button">
            Logg ut
          </button>
        </Form>
      </div>
      <Outlet />
    </div>
  );
}
