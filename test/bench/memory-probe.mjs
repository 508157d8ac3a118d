// Loaded into `next start` by `npm run bench -- --memory <s>` (NODE_OPTIONS=--expose-gc --import
// this file): on SIGUSR2 it runs a full garbage collection and writes process.memoryUsage() as
// JSON to BENCH_MEMORY_FILE, so that the bench reads the live heap, not garbage waiting for a GC.
import { writeFileSync } from "node:fs";

const file = process.env.BENCH_MEMORY_FILE;
if (file) {
  process.on("SIGUSR2", () => {
    globalThis.gc?.();
    writeFileSync(file, JSON.stringify({ at: Date.now(), ...process.memoryUsage() }));
  });
}
