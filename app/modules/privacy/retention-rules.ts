// The site-wide retention rules (the per-event ones are fields of Event). Shared by the job
// (retention.server.ts) and the page that explains them to staff.

/** An organisation request's contact details are removed this many days after it was decided. */
export const REQUEST_CONTACT_DAYS = 365;
/** Delivered mail is deleted from the outbox after this many days. */
export const SENT_MAIL_DAYS = 30;
/** Mail that could not be delivered is deleted after this many days. */
export const FAILED_MAIL_DAYS = 90;
/** Contact details on accessibility feedback are removed this many days after it was handled. */
export const FEEDBACK_CONTACT_DAYS = 365;
