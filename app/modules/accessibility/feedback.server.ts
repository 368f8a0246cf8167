// Feedback from the accessibility statement: stored for staff, who mark it handled (audited).
import { audit, type Actor } from "~/modules/audit/audit.server";
import type { Locale } from "~/i18n";
import { db } from "~/utils/db.server";
import type { FeedbackInput } from "./feedback.schema";

export async function submitFeedback(input: FeedbackInput, locale: Locale) {
  return db().accessibilityFeedback.create({
    data: {
      message: input.message,
      pageUrl: input.pageUrl ?? null,
      contactName: input.contactName ?? null,
      contactEmail: input.contactEmail ?? null,
      locale,
    },
    select: { id: true },
  });
}

export async function listFeedback(opts: { open: boolean }) {
  return db().accessibilityFeedback.findMany({
    where: opts.open ? { handledAt: null } : { handledAt: { not: null } },
    orderBy: { createdAt: "desc" },
    take: 200,
  });
}

/** Marks feedback as handled; true when it changed (a second click changes nothing). */
export async function markFeedbackHandled(actor: Actor, id: string): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const { count } = await tx.accessibilityFeedback.updateMany({
      where: { id, handledAt: null },
      data: { handledAt: new Date(), handledBy: actor.email },
    });
    if (count === 1) {
      await audit(tx, actor, {
        action: "accessibility-feedback.handled",
        targetType: "AccessibilityFeedback",
        targetId: id,
        summary: "Markerte en tilbakemelding om tilgjengelighet som behandlet",
      });
    }
    return count === 1;
  });
}
