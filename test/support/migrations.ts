import fs from "node:fs";
import path from "node:path";

/** The SQL of every committed migration, oldest first. */
export function migrationScripts(): string[] {
  const dir = path.resolve("prisma/migrations");
  return fs
    .readdirSync(dir)
    .sort()
    .map((name) => path.join(dir, name, "migration.sql"))
    .filter((file) => fs.existsSync(file))
    .map((file) => fs.readFileSync(file, "utf8"));
}
