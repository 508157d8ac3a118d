import type { Metadata, Viewport } from "next";
import { cookies } from "next/headers";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { THEME_COOKIE, themeAttribute, toTheme } from "@/lib/accounts/theme";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Tasks", template: "%s · Tasks" },
  description: "Your to-do list, private to you.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request, so that its scripts carry that request's CSP nonce
  // (lib/content-security-policy.ts). A page prerendered at build time would have no nonce, and
  // the browser would refuse to run it.
  await connection();
  // This device's copy of the user's theme (ThemeSync keeps it in step with their profile).
  const theme = (await cookies()).get(THEME_COOKIE)?.value;
  return (
    <html lang="en" data-theme={themeAttribute(toTheme(theme))}>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        {children}
      </body>
    </html>
  );
}
