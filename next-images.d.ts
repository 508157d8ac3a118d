// The types of static image imports (app/page.tsx imports docs/dashboard.png). next-env.d.ts
// references them too, but `next dev` and `next build` write that file, and a fresh checkout's
// `npm run typecheck` runs before either.
/// <reference types="next/image-types/global" />
