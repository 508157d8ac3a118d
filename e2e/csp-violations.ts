import type { Page } from "@playwright/test";

// What the page's Content-Security-Policy refuses, as a test sees it.

type ReportingWindow = { reportCspViolation(violation: string): void };

/** Every CSP violation the page reports, from the console and from securitypolicyviolation events. */
export async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.text().includes("Content Security Policy")) violations.push(`console: ${message.text()}`);
  });
  await page.exposeFunction("reportCspViolation", (violation: string) => violations.push(`event: ${violation}`));
  await page.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (event) =>
      (window as unknown as ReportingWindow).reportCspViolation(`${event.effectiveDirective} ${event.blockedURI}`),
    ),
  );
  return violations;
}
