// Plain values: the settings page's import form reads them too.

/** The largest document POST /api/import accepts: under the 4.5 MB that Vercel lets a function receive. */
export const IMPORT_MAX_BYTES = 4 * 1024 * 1024;
