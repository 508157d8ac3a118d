// Exclusive use of an on-disk PGlite data directory. PGlite has no lock of its own: a second
// instance on the same directory (another process, or a second copy of a module in this one)
// silently diverges, loses writes and can leave the directory unopenable. Plain JavaScript so
// that both the app (lib/db.ts) and the Prisma CLI bridge (prisma/schema-engine.mjs) use it.
import fs from "node:fs";
import path from "node:path";

/** @param {number} pid */
function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === "EPERM";
  }
}

/** @param {string} file @returns {{ pid?: number, holder?: string, since?: string }} */
function readLock(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return {};
  }
}

/**
 * Takes `<dataDir>.lock` for this process, or throws an error naming the process that holds it.
 * The lock is released when this process exits; a lock left by a killed process is taken over.
 * @param {string} dataDir absolute path of the PGlite data directory
 * @param {string} holder who takes it, for the error another process will see
 */
export function lockPGliteDataDir(dataDir, holder) {
  const file = `${dataDir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify({ pid: process.pid, holder, since: new Date().toISOString() }), { flag: "wx" });
      process.once("exit", () => {
        if (readLock(file).pid === process.pid) fs.rmSync(file, { force: true });
      });
      return;
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== "EEXIST") throw error;
    }
    const lock = readLock(file);
    if (lock.pid === process.pid) {
      throw new Error(`The embedded database ${dataDir} was opened twice by this process (pid ${process.pid}); it must be opened once.`);
    }
    if (lock.pid && isAlive(lock.pid)) {
      throw new Error(
        `The embedded database ${dataDir} is in use by process ${lock.pid} (${lock.holder ?? "unknown"}, since ${lock.since ?? "?"}). ` +
          "Only one process may open it at a time: stop that process first (the dev server, `next start`, or a Prisma command).",
      );
    }
    fs.rmSync(file, { force: true }); // left behind by a process that no longer runs
  }
  throw new Error(`Could not take the lock ${file}.`);
}

/**
 * The PGlite data directory a `pglite:<dir>` URL names, ready to open by this process: an
 * on-disk one gets its parent folder and this process's lock; `pglite:memory` (or `pglite:`)
 * is an in-memory database, which needs neither.
 * @param {string} url
 * @param {string} holder who opens it, for the error another process will see
 * @returns {string} an absolute path, or "memory://"
 */
export function claimPGliteDataDir(url, holder) {
  const location = url.replace(/^pglite:(\/\/)?/, "");
  if (location === "" || location === "memory") return "memory://";
  const dataDir = path.resolve(location);
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  lockPGliteDataDir(dataDir, holder);
  return dataDir;
}
