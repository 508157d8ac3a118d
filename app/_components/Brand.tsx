import Link from "next/link";

/** The app's mark and name in a header, linking to `href`. */
export function Brand({ href }: { href: string }) {
  return (
    <Link className="brand" href={href}>
      {/* eslint-disable-next-line @next/next/no-img-element -- an SVG leaves next/image nothing to optimize, and its client code would ship with every page */}
      <img src="/icon.svg" alt="" width={28} height={28} />
      Tasks
    </Link>
  );
}
