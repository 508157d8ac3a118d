import { StatusPage } from "./StatusPage";

/**
 * What app/error.tsx and app/global-error.tsx show: what happened, a way to try again and a way
 * home. The digest is the server's id for the error, in its log line, for anyone reporting it.
 * "Home page" is a plain link: after an error a full page load is the surer way back, and
 * next/link's client code would ship with every page (error.tsx and global-error.tsx are loaded
 * with each).
 */
export function ErrorMessage({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : undefined;
  return (
    <>
      <title>Something went wrong · Tasks</title>
      <StatusPage>
        {/* Announced: the error may replace a page the reader was already on. */}
        <div role="alert">
          <h1>Something went wrong</h1>
          <p>This page could not be shown just now. Try again; if it keeps happening, come back in a few minutes.</p>
        </div>
        {digest && <p className="hint">Error reference: {digest}</p>}
        <div className="actions">
          <button className="button primary" type="button" onClick={retry}>
            Try again
          </button>
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- see above */}
          <a className="button" href="/">
            Home page
          </a>
        </div>
      </StatusPage>
    </>
  );
}
