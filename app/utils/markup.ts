// Markup or control characters have no place in a name, an answer or a message; refusing them
// keeps stored data clean for every later use (CSV export, mail, badges), not only for HTML.
// Shared by the zod schemas of every public and staff form.
export const MARKUP = /<\s*\/?\s*[a-z!?]|[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/i;
