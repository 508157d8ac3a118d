import { createLogger, setLoggerForTests } from "@/lib/log";

export interface LogLine {
  level: string;
  msg: string;
  [field: string]: unknown;
}

/**
 * Makes the app's real logger write to memory (at the production default level, info) until
 * stop(). The test config sets LOG_LEVEL=silent, so nothing else reaches the test output.
 */
export function captureLogs() {
  const written: string[] = [];
  setLoggerForTests(createLogger({ write: (line: string) => void written.push(line) }, "info"));
  return {
    /** Every line as written: the raw JSON text, for "never contains" checks */
    get text(): string {
      return written.join("");
    },
    get lines(): LogLine[] {
      return written.map((line) => JSON.parse(line) as LogLine);
    },
    stop(): void {
      setLoggerForTests(undefined);
    },
  };
}
