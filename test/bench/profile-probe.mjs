// Loaded into `next start` by `npm run bench -- --profile <route>` (NODE_OPTIONS=--import this
// file): the first SIGUSR2 starts V8's CPU profiler, the next stops it and writes the profile
// (the .cpuprofile JSON of `node --cpu-prof`) to BENCH_PROFILE_FILE. Only the measured load is
// profiled then, not the start-up or the sign-ups that seed the bench.
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";

const file = process.env.BENCH_PROFILE_FILE;
if (file) {
  const session = new Session();
  session.connect();
  let running = false;
  process.on("SIGUSR2", async () => {
    if (!running) {
      running = true;
      await session.post("Profiler.enable");
      await session.post("Profiler.start");
      return;
    }
    running = false;
    const { profile } = await session.post("Profiler.stop");
    writeFileSync(file, JSON.stringify(profile));
  });
}
