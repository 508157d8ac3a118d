import { spawn } from "node:child_process";
import path from "node:path";

export interface CliResult {
  code: number | null;
  output: string;
}

/** Runs the project's Prisma CLI (through its Wasm schema engine bridge) and collects its output. */
export function runPrisma(args: string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.resolve("node_modules/.bin/prisma"), args, { env: { ...process.env, ...env } });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}
