import type { Metadata } from "next";
import Link from "next/link";
import { StatusPage } from "./_components/StatusPage";

export const metadata: Metadata = { title: "Page not found" };

/** Every unknown address, and notFound() anywhere: answered 404. */
export default function NotFound() {
  return (
    <StatusPage>
      <p className="status-code">404</p>
      <h1>Page not found</h1>
      <p>There is nothing at this address. It may have moved, or there may be a typo in the link.</p>
      <div className="actions">
        <Link className="button primary" href="/tasks">
          Go to your tasks
        </Link>
        <Link className="button" href="/">
          Home page
        </Link>
      </div>
    </StatusPage>
  );
}
