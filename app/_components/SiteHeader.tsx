import Image from "next/image";
import Link from "next/link";

/** The header of the public pages (landing, sign-in, sign-up, errors): the brand, a link home. */
export function SiteHeader() {
  return (
    <header className="site-header">
      <Link className="brand" href="/">
        <Image src="/icon.svg" alt="" width={28} height={28} />
        Tasks
      </Link>
    </header>
  );
}
