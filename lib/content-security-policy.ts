// The Content-Security-Policy, with a fresh nonce per request: middleware.ts sets it on every
// response it handles and forwards it on the request, where Next.js finds the nonce and puts it
// on the scripts of the page it renders (its inline bootstrap and RSC payload, and its
// <script src> tags). This module runs in the Edge runtime: Web APIs only.
//
// Why nonces and not hashes (`experimental.sri`): SRI hashes only <script src>; the inline
// `self.__next_f.push(...)` payload of a statically rendered page still needs 'unsafe-inline'
// (tried with `script-src 'self'`: the browser refused the inline scripts and the sign-in form
// never appeared). The price is that every page is rendered per request (app/layout.tsx).

export const CSP_HEADER = "Content-Security-Policy";

const production = process.env.NODE_ENV === "production";

/** 128 random bits, base64: unguessable, and new for every request. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts that a nonced script loads (Next's chunks) may run, nothing else.
    // Browsers without CSP 3 ignore it and fall back to 'self'. React's dev tools need 'unsafe-eval'.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${production ? "" : " 'unsafe-eval'"}`,
    // Inline styles stay allowed: Next's built-in not-found and error pages use style attributes,
    // which no nonce can cover (and a nonce here would disable 'unsafe-inline'). CSS cannot run
    // script, and img-src, font-src and connect-src keep injected CSS from reaching other sites.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    // The reminders' service worker (public/sw.js). Without this the worker falls back to
    // script-src, where 'strict-dynamic' ignores 'self' and refuses it.
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
