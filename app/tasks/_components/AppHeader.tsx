import { Brand } from "@/app/_components/Brand";
import { signOutAction } from "@/app/_components/auth-actions";
import { SignOutButton } from "@/app/_components/SignOutButton";
import { ThemeSync } from "@/app/_components/ThemeSync";
import { toTheme } from "@/lib/accounts/theme";

/**
 * The signed-in pages' header: the brand, who is signed in, settings and sign-out. The page
 * passes the user from its server-side session, so the browser asks nothing to show it. Sign-out
 * is a form post to a server action: it works without JavaScript too.
 */
export function AppHeader({ user, current }: { user: { name: string; email: string; theme: string }; current?: "settings" }) {
  return (
    <header className="app-header">
      <ThemeSync theme={toTheme(user.theme)} />
      <Brand href="/tasks" />
      <p className="who">
        <span className="visually-hidden">Signed in as </span>
        <span className="who-name">{user.name}</span> <span className="who-email">{user.email}</span>
      </p>
      <a className="button small settings-link" href="/settings" aria-current={current === "settings" ? "page" : undefined}>
        Settings
      </a>
      <form action={signOutAction}>
        <SignOutButton />
      </form>
    </header>
  );
}
