import { execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

// A PostgreSQL server of one test's own, which the test may stop and start (the shared server of
// TEST_DATABASE_URL must stay up for the other test files). Needs the PostgreSQL server binaries
// and root (to run them as the postgres user), as on CI.

const BIN = process.env.POSTGRES_BIN ?? "/usr/lib/postgresql/15/bin";

export const canRunPrivatePostgres = () => process.getuid?.() === 0 && fs.existsSync(path.join(BIN, "pg_ctl"));

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface PrivatePostgres {
  url: string;
  stop(): void;
  start(): void;
  destroy(): void;
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tasks-pg-"));
  fs.chmodSync(dir, 0o777);
  const dataDir = path.join(dir, "data");
  const port = await freePort();
  const asPostgres = (tool: string, args: string[]) =>
    execFileSync("runuser", ["-u", "postgres", "--", path.join(BIN, tool), ...args], { stdio: "pipe", timeout: 60_000 });
  asPostgres("initdb", ["-D", dataDir, "-A", "trust", "-U", "postgres", "--no-sync"]);
  const options = `-c port=${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${dir} -c fsync=off`;
  const start = () => asPostgres("pg_ctl", ["-D", dataDir, "-w", "-l", path.join(dir, "log"), "-o", options, "start"]);
  const stop = () => asPostgres("pg_ctl", ["-D", dataDir, "-w", "-m", "fast", "stop"]);
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start,
    stop,
    destroy() {
      try {
        stop();
      } catch {
        // already stopped
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
