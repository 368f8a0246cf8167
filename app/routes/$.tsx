// Any address no other route knows: a 404 through the root's error page, so the root loader still
// runs and the page has its language and texts (without it the error page had no catalogs).
export async function loader() {
  throw new Response(null, { status: 404 });
}

export default function NotFound() {
  return null;
}
