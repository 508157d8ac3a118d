// Every embedded database is created here, for the app (lib/db.ts), the Prisma CLI bridge
// (prisma/schema-engine.mjs) and the tests alike. PGlite can only load an extension it was
// created with: the migrations run `CREATE EXTENSION pg_trgm` (search), which otherwise fails
// with "extension is not available". Plain JavaScript so that the bridge can import it too.

/**
 * A PGlite with the extensions the migrations use.
 * @param {Omit<import("@electric-sql/pglite").PGliteOptions, "extensions">} [options]
 */
export async function createPGlite(options = {}) {
  // Imported at run time, outside the bundler (webpackIgnore): the build's file tracing then
  // leaves PGlite's ~20 MB out of every server function, since a deployment on a PostgreSQL
  // server never loads it.
  const [{ PGlite }, { pg_trgm }] = await Promise.all([
    import(/* webpackIgnore: true */ "@electric-sql/pglite"),
    import(/* webpackIgnore: true */ "@electric-sql/pglite/contrib/pg_trgm"),
  ]);
  return PGlite.create({ ...options, extensions: { pg_trgm } });
}
