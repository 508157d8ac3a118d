/**
 * The app's mark and name in a header, linking to `href`. A plain link, not next/link: it is in
 * every page's header and the error pages, and next/link's client code (~3 KB gzipped) then
 * shipped with each of them, the task page three times over (its header, error.tsx and
 * global-error.tsx are separate chunks).
 */
export function Brand({ href }: { href: string }) {
  return (
    <a className="brand" href={href}>
      {/* eslint-disable-next-line @next/next/no-img-element -- an SVG leaves next/image nothing to optimize, and its client code would ship with every page */}
      <img src="/icon.svg" alt="" width={28} height={28} />
      Tasks
    </a>
  );
}
