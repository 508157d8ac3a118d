import { z } from "zod";

// Scalar checks its configuration with zod (some of it as its modules load), and zod's object
// parsers first probe whether they may compile themselves with `new Function`: a caught error,
// but the browser reports it as a CSP violation (script-src forbids eval, and must). Jitless,
// zod never tries; the parse is a little slower, which a configuration checked once cannot
// notice. A module of its own, imported before Scalar's, so that it runs first.
z.config({ jitless: true });
