import { Brand } from "@/app/_components/Brand";

/** The header of the public pages (landing, sign-in, sign-up, errors): the brand, a link home. */
export function SiteHeader() {
  return (
    <header className="site-header">
      <Brand href="/" />
    </header>
  );
}
