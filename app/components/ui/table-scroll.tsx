// A wide table's own scroll box: on a narrow screen the box scrolls sideways, never the page.
// A box that scrolls must be reachable by keyboard (axe scrollable-region-focusable, WCAG 2.1.1), so it
// is a named region in the tab order; arrow keys then scroll it. The name is usually the table's caption.
import type { ReactNode } from "react";

export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be focusable
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
