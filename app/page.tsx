import Link from "next/link";

export default function Home() {
  return (
    <main id="main" className="page">
      <section className="hero">
        <h1>Tasks</h1>
        <p>A calm, fast to-do list. Add what you need to do, set priorities and due dates, and tick things off, on your phone or your desktop.</p>
        <p>Your tasks are yours alone: nobody else can see or change them.</p>
        <div className="actions">
          <Link className="button primary" href="/sign-up">
            Sign up
          </Link>
          <Link className="button" href="/sign-in">
            Sign in
          </Link>
        </div>
      </section>
    </main>
  );
}
