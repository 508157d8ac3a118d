#!/usr/bin/env node
// Stands in for Prisma's native `schema-engine` binary (set as PRISMA_SCHEMA_ENGINE_BINARY by
// prisma.config.ts), which the CLI would otherwise download. It speaks the binary's JSON-RPC on
// stdin/stdout and hands every call to Prisma's own engine compiled to Wasm, reaching the
// database through a driver adapter:
//   postgres:// or postgresql://  -> @prisma/adapter-pg
//   pglite:<dir> or pglite:memory -> pglite-prisma-adapter (embedded PostgreSQL)
// Versions of prisma, @prisma/schema-engine-wasm and the adapters are pinned in package.json:
// this file reaches into their internals.
import crypto from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import readline from "node:readline";
import { createPGlite } from "../lib/pglite.mjs";
import { claimPGliteDataDir } from "../lib/pglite-lock.mjs";

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const argValues = (flag) => args.flatMap((arg, i) => (args[i - 1] === flag ? [arg] : []));
const datasource = JSON.parse(argValues("--datasource")[0] ?? "null");
const schemaFiles = argValues("--datamodels");
const openPGlites = new Map();
let lastCall = Promise.resolve();
let nextPrintId = 1_000_000; // ids of our own requests to the CLI, clear of the CLI's ids

// The CLI stops the engine with a signal when it is done. Finish the call under way and close
// PGlite cleanly, then exit normally so the data directory lock is released.
for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"]) {
  process.on(signal, async () => {
    const closed = lastCall.catch(() => {}).then(() => Promise.all([...openPGlites.values()].map((db) => db.close().catch(() => {}))));
    await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 5000))]);
    process.exit(0);
  });
}

async function loadWasmEngine() {
  // JS glue from @prisma/schema-engine-wasm; the Wasm itself preferably from the installed prisma
  // CLI, which ships exactly the engine version the CLI expects.
  const glue = await import("@prisma/schema-engine-wasm/schema_engine_bg");
  const candidates = [
    path.join(path.dirname(require.resolve("prisma/package.json")), "build", "schema_engine_bg.wasm"),
    require.resolve("@prisma/schema-engine-wasm/schema_engine_bg").replace(/\.js$/, ".wasm"),
  ];
  let lastError = new Error("schema_engine_bg.wasm was not found in prisma or @prisma/schema-engine-wasm");
  for (const file of candidates.filter((f) => fs.existsSync(f))) {
    try {
      const instance = new WebAssembly.Instance(new WebAssembly.Module(fs.readFileSync(file)), { "./schema_engine_bg.js": glue });
      glue.__wbg_set_wasm(instance.exports);
      instance.exports.__wbindgen_start();
      return glue;
    } catch (error) {
      lastError = error; // glue and Wasm from different builds do not link; try the next one
    }
  }
  throw lastError;
}

// One PGlite per URL in this process (the engine may ask for a connection more than once).
async function openPGlite(url) {
  if (!openPGlites.has(url)) {
    const dataDir = claimPGliteDataDir(url, `prisma ${args[0] ?? ""}`.trim());
    openPGlites.set(url, await createPGlite({ dataDir }));
  }
  return openPGlites.get(url);
}

// Both adapters run migration scripts wrongly: pglite-prisma-adapter 0.7.2's executeScript()
// does not await the script, so a failing migration would be recorded as applied, and
// @prisma/adapter-pg 7.10 splits it at every ";", even inside a comment, a string or a function
// body. Run the whole script at once, as the native engine does, and report its error.
function runScriptsWhole(adapter, run) {
  adapter.executeScript = async (script) => {
    try {
      await run(adapter.client, script);
    } catch (error) {
      adapter.onError(error);
    }
  };
  return adapter;
}

async function pgliteAdapterFactory(url) {
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  const exec = (pglite, script) => pglite.exec(script);
  const factory = new PrismaPGlite(await openPGlite(url));
  const connect = factory.connect.bind(factory);
  factory.connect = async () => runScriptsWhole(await connect(), exec);
  // The adapter's own shadow database is a PGlite without extensions, on which the migrations
  // fail (CREATE EXTENSION pg_trgm). Create it as every other PGlite, and close it afterwards.
  factory.connectToShadowDb = async () => {
    const shadow = await createPGlite();
    const adapter = runScriptsWhole(await new PrismaPGlite(shadow).connect(), exec);
    adapter.dispose = () => shadow.close();
    return adapter;
  };
  return factory;
}

async function postgresAdapterFactory(url, shadowUrl) {
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const { default: pg } = await import("pg");
  // @prisma/adapter-pg rejects PostgreSQL's internal "char" type (oid 18), which the engine's
  // catalog queries return (pg_class.relkind, ...). Read it as text.
  const addFields = pg.Result.prototype.addFields;
  pg.Result.prototype.addFields = function (fields) {
    for (const field of fields) if (field.dataTypeID === 18) field.dataTypeID = 25;
    return addFields.call(this, fields);
  };
  // Without parameters, pg sends the simple query protocol, which runs several statements.
  const query = (pool, script) => pool.query(script);
  const factory = new PrismaPg({ connectionString: url });
  const connect = factory.connect.bind(factory);
  factory.connect = async () => runScriptsWhole(await connect(), query);
  // adapter-pg's own connectToShadowDb() creates a temporary database but then connects to the
  // main one (its connection string wins over the database name). Create and drop it ourselves.
  factory.connectToShadowDb = async () => {
    if (shadowUrl) return runScriptsWhole(await new PrismaPg({ connectionString: shadowUrl }).connect(), query);
    const name = `prisma_migrate_shadow_db_${crypto.randomUUID().replaceAll("-", "")}`;
    const admin = async (sql) => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(sql);
      } finally {
        await client.end();
      }
    };
    await admin(`CREATE DATABASE "${name}"`);
    const shadow = new URL(url);
    shadow.pathname = `/${name}`;
    const adapter = runScriptsWhole(await new PrismaPg({ connectionString: shadow.toString() }).connect(), query);
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    };
    return adapter;
  };
  return factory;
}

async function adapterFactory(url, shadowUrl) {
  const { bindMigrationAwareSqlAdapterFactory } = await import("@prisma/driver-adapter-utils");
  if (/^pglite:/.test(url)) return bindMigrationAwareSqlAdapterFactory(await pgliteAdapterFactory(url));
  if (/^postgres(ql)?:\/\//.test(url)) return bindMigrationAwareSqlAdapterFactory(await postgresAdapterFactory(url, shadowUrl));
  throw Object.assign(new Error(`Unsupported database URL scheme "${String(url).split(":")[0]}:" (use postgres:// or pglite:)`), { code: "P1013" });
}

function logError(message, errorCode) {
  const fields = { message, ...(errorCode ? { error_code: errorCode } : {}) };
  process.stderr.write(`\n${JSON.stringify({ timestamp: new Date().toISOString(), level: "ERROR", target: "schema_engine::logger", fields })}\n`);
}

// `schema-engine cli <command>`: migrate dev and db push use it to check for or create the database.
async function runCliCommand(command) {
  const url = datasource?.url;
  if (/^pglite:/.test(url)) {
    await openPGlite(url); // PGlite creates its database when it opens the directory
    return 0;
  }
  const { default: pg } = await import("pg");
  const connectTo = async (connectionString, sql) => {
    const client = new pg.Client({ connectionString });
    await client.connect();
    try {
      if (sql) await client.query(sql);
    } finally {
      await client.end();
    }
  };
  try {
    if (command === "can-connect-to-database") await connectTo(url);
    else if (command === "create-database") {
      const server = new URL(url);
      const name = decodeURIComponent(server.pathname.slice(1));
      server.pathname = "/postgres";
      await connectTo(server.toString(), `CREATE DATABASE "${name.replaceAll('"', '""')}"`);
    } else {
      logError(`schema-engine bridge: "cli ${command}" is not supported`, "P1000");
      return 1;
    }
    return 0;
  } catch (error) {
    logError(error.message, error.code === "3D000" ? "P1003" : "P1001");
    return 1;
  }
}

function toRpcError(error) {
  const code = typeof error?.code === "string" ? error.code : undefined;
  const message = error?.message ?? String(error);
  return {
    code: 4466,
    message: "An error happened. Check the data field for details.",
    data: { is_panic: !code && /RuntimeError|unreachable|panicked/.test(message), message, meta: error?.meta ?? null, ...(code ? { error_code: code } : {}) },
  };
}

async function call(engine, method, params, send) {
  if (method === "getDatabaseVersion") return engine.version(params ?? null);
  if (method === "createDatabase") return { databaseName: "" };
  if (method === "diff") {
    const { stdout, ...result } = await engine.diff(params);
    if (stdout) send({ jsonrpc: "2.0", id: nextPrintId++, method: "print", params: { content: stdout.replace(/\n$/, "") } });
    return result;
  }
  if (typeof engine[method] !== "function") throw new Error(`schema-engine bridge: the Wasm engine has no method "${method}"`);
  try {
    return await engine[method](params);
  } catch (error) {
    // Wasm engine quirk: when devDiagnostic did not need the shadow database, a following
    // evaluateDataLoss/createMigration fails with this message. One more devDiagnostic primes it.
    if (!/shadow DB must be provided through an external factory/.test(error?.message ?? "") || !params?.migrationsList) throw error;
    await engine.devDiagnostic({ migrationsList: params.migrationsList, filters: params.filters });
    return engine[method](params);
  }
}

async function main() {
  if (args.includes("--version") || args.includes("-V")) {
    process.stdout.write(`schema-engine-cli ${(await loadWasmEngine()).version()} (wasm bridge)\n`);
    return 0;
  }
  const cli = args.indexOf("cli");
  if (cli !== -1) return runCliCommand(args[cli + 1]);

  const wasm = await loadWasmEngine();
  const factory = await adapterFactory(datasource?.url ?? process.env.DATABASE_URL, datasource?.shadowDatabaseUrl);
  const datamodels = schemaFiles.length ? schemaFiles.map((file) => [file, fs.readFileSync(file, "utf8")]) : undefined;
  const engine = await wasm.SchemaEngine.new({ datamodels }, () => {}, factory);
  const send = (message) => process.stdout.write(`${JSON.stringify(message)}\n`);

  const input = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  input.on("line", (line) => {
    if (!line.trim()) return;
    const request = JSON.parse(line);
    if (!request.method) return; // the CLI's answer to one of our "print" requests
    // One call at a time, in order, as the native engine does.
    lastCall = lastCall.then(async () => {
      try {
        send({ jsonrpc: "2.0", id: request.id, result: (await call(engine, request.method, request.params, send)) ?? null });
      } catch (error) {
        send({ jsonrpc: "2.0", id: request.id, error: toRpcError(error) });
      }
    });
  });
  await new Promise((resolve) => input.on("close", resolve));
  await lastCall;
  engine.free();
  await Promise.all([...openPGlites.values()].map((db) => db.close()));
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    logError(error?.message ?? String(error), error?.code);
    process.exit(1);
  },
);
