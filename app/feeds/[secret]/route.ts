import { FEED_MAX_AGE_SECONDS } from "@/lib/calendar-feeds/constants";
import { feedCalendar, feedETag, findFeedBySecret, noteFeedUsed } from "@/lib/calendar-feeds/feed";

// A calendar feed, outside /api and its route wrapper: calendar apps subscribe to a URL and
// cannot send an Authorization header, so the secret in the path is the only credential. An
// unknown, rotated or revoked secret gets a bare 404 that says nothing more.

const notFound = () => new Response(null, { status: 404, headers: { "Cache-Control": "no-store" } });

export async function GET(request: Request, { params }: { params: Promise<{ secret: string }> }): Promise<Response> {
  const feed = await findFeedBySecret((await params).secret);
  if (!feed) return notFound();
  const [etag] = await Promise.all([feedETag(feed), noteFeedUsed(feed)]);
  const headers = { ETag: etag, "Cache-Control": `private, max-age=${FEED_MAX_AGE_SECONDS}` };
  if (request.headers.get("if-none-match")?.split(",").some((tag) => tag.trim() === etag)) return new Response(null, { status: 304, headers });
  const body = await feedCalendar(feed, new URL(request.url).host);
  return new Response(body, { headers: { ...headers, "Content-Type": "text/calendar; charset=utf-8" } });
}
