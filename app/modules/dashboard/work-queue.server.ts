// What waits for the democracy unit, on the staff overview: requests not yet decided, input
// without a follow-up item, follow-up items still in draft, and unhandled accessibility feedback.
import { db } from "~/utils/db.server";

export type WorkQueue = {
  openRequests: number;
  inputWithoutFollowUp: number;
  draftFollowUps: number;
  openFeedback: number;
};

export async function workQueue(): Promise<WorkQueue> {
  const [openRequests, inputWithoutFollowUp, draftFollowUps, openFeedback] = await Promise.all([
    db().meetingRequest.count({ where: { status: { in: ["RECEIVED", "IN_REVIEW"] } } }),
    db().citizenInput.count({ where: { hiddenAt: null, followUp: null } }),
    db().followUpItem.count({ where: { publishedAt: null } }),
    db().accessibilityFeedback.count({ where: { handledAt: null } }),
  ]);
  return { openRequests, inputWithoutFollowUp, draftFollowUps, openFeedback };
}
