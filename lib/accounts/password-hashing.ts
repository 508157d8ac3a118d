import { APIError } from "better-auth/api";
import { hashPassword, verifyPassword } from "better-auth/crypto";

// Better Auth hashes passwords with scrypt (N=16384, r=16: 32 MiB and tens of milliseconds each)
// on Node's thread pool, whose 4 threads also serve DNS lookups (the database's host name), file
// reads and zlib. A flood of sign-ins would take every thread and stall all other requests. So
// each server instance hashes at most HASHING_CONCURRENCY passwords at once, queues a few more,
// and turns the rest away at once with 503 and Retry-After.

const HASHING_CONCURRENCY = 2;
const HASHING_QUEUE_LENGTH = 16;
const BUSY_RETRY_AFTER_SECONDS = 1;

/** Runs at most `concurrency` tasks at once; `queueLength` more wait, and run() refuses the rest with 503. */
export class BoundedConcurrency {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly concurrency: number,
    readonly queueLength: number,
  ) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running < this.concurrency) this.running++;
    else if (this.waiting.length < this.queueLength) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else throw new APIError("SERVICE_UNAVAILABLE", { code: "SERVER_BUSY", message: "The server is busy: try again in a moment." }, { "Retry-After": String(BUSY_RETRY_AFTER_SECONDS) });
    try {
      return await task();
    } finally {
      // Hand the slot to the next waiting task, or give it back.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}

/** The hashing slots of this server instance. */
export const passwordHashing = new BoundedConcurrency(HASHING_CONCURRENCY, HASHING_QUEUE_LENGTH);

/** Better Auth's own scrypt hashing, within this instance's hashing slots (`emailAndPassword.password`). */
export const boundedPasswordHashing = {
  hash: (password: string) => passwordHashing.run(() => hashPassword(password)),
  verify: (data: { hash: string; password: string }) => passwordHashing.run(() => verifyPassword(data)),
};
