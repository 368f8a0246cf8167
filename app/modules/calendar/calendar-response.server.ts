export function calendarResponse(body: string, filename: string, opts: { inline?: boolean } = {}): Response {
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `${opts.inline ? "inline" : "attachment"}; filename="${filename}"`,
      "Cache-Control": "public, max-age=300",
    },
  });
}
