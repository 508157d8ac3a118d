import { getSessionCookie } from "better-auth/cookies";
import { headers } from "next/headers";
import Image from "next/image";
import Link from "next/link";
import dashboard from "@/docs/dashboard.png";
import { ACCOUNT_DELETED } from "@/lib/accounts/delete-account";
import { SiteHeader } from "./_components/SiteHeader";

const FEATURES = [
  { title: "Your data, yours alone", text: "Only you can see or change your tasks. Nothing is shared, sold or shown to anyone else." },
  { title: "Keyboard-first", text: "Add, find and tick off tasks without reaching for the mouse." },
  { title: "Works on your phone", text: "Made for small screens too. Add it to your home screen and it opens like an app." },
  { title: "Fast at 10,000 tasks", text: "Search, sort and scroll stay quick however long your list grows." },
];

export default async function Home({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // The cookie's presence is enough to choose the button (no database): a stale one leads to
  // /tasks, which sends it on to sign in.
  const signedIn = getSessionCookie(await headers()) !== null;
  // Where deleting the account ends (app/settings/actions.ts).
  const deleted = (await searchParams).deleted === "1";
  return (
    <>
      <SiteHeader />
      <main id="main" className="landing">
        <section className="landing-hero" aria-labelledby="landing-title">
          <div className="landing-pitch">
            {deleted && (
              <p className="notice" role="status">
                {ACCOUNT_DELETED}
              </p>
            )}
            <h1 id="landing-title">A calm, fast to-do list</h1>
            <p className="lede">Add what you need to do, give it a priority and a due date, and tick it off, on your phone or your computer.</p>
            <div className="actions">
              {signedIn ? (
                <Link className="button primary large" href="/tasks">
                  Open your tasks
                </Link>
              ) : (
                <>
                  <Link className="button primary large" href="/sign-up">
                    Sign up
                  </Link>
                  <Link className="button large" href="/sign-in">
                    Sign in
                  </Link>
                </>
              )}
            </div>
          </div>
          <Image
            className="landing-shot"
            src={dashboard}
            alt="The Tasks dashboard: a form to add a task, filters, search and sorting, and a list of tasks with priorities and due dates, one of them ticked off."
            sizes="(max-width: 60rem) 100vw, 36rem"
            preload
          />
        </section>
        <section aria-labelledby="features-title">
          <h2 id="features-title" className="visually-hidden">
            Why Tasks
          </h2>
          <ul className="features">
            {FEATURES.map((feature) => (
              <li key={feature.title}>
                <h3>{feature.title}</h3>
                <p>{feature.text}</p>
              </li>
            ))}
          </ul>
        </section>
      </main>
    </>
  );
}
