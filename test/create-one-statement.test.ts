import crypto from "node:crypto";
import fc from "fast-check";
import { generateKeyBetween, generateNKeysBetween } from "fractional-indexing";
import { beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import type { Task } from "@/lib/tasks/service";
import { setUpTestDatabase } from "./support/database";
import { signUpUser, type TestUser } from "./support/http";
import { callApi } from "./support/api";

// The common create in one statement (lib/tasks/service.ts createFirstInList(), the function
// create_task_fast of migration 20261206150000_create_task_one_statement): its order key is the
// one fractional-indexing makes, concurrent creates still each get a place of their own, and the
// change log records one create by the request's device.

const db = setUpTestDatabase();

const DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const HEADS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const SMALLEST = `A${"0".repeat(26)}`;

/** The integer part's length for a head, as fractional-indexing counts it. */
const integerLength = (head: string) => {
  const i = HEADS.indexOf(head);
  return i < 26 ? 26 - i + 1 : i - 26 + 2;
};

const digit = fc.constantFrom(...DIGITS);
const fraction = fc.array(digit, { maxLength: 40 }).map((ds) => ds.join("").replace(/0+$/, ""));

/** Any key the package accepts: a head, its integer digits, a fraction without trailing zeros. */
const anyKey = fc
  .tuple(fc.constantFrom(...HEADS), fc.array(fc.constantFrom("0", "1", "z", ...DIGITS), { minLength: 26, maxLength: 26 }), fraction)
  .map(([head, ints, frac]) => head + ints.slice(0, integerLength(head) - 1).join("") + frac)
  .filter((key) => key !== SMALLEST);

/** Keys near the smallest integer: A000…0 with a fraction (only such keys go below it). */
const nearSmallest = fc
  .tuple(fc.nat({ max: 12 }), fc.array(digit, { minLength: 1, maxLength: 6 }))
  .map(([zeros, rest]) => SMALLEST + "0".repeat(zeros) + rest.join(""))
  .filter((key) => !key.endsWith("0") && key !== SMALLEST);

/** Keys the package made itself: a start, then a walk of first / last / between / n-between steps. */
const madeKey = fc
  .tuple(
    fc.constantFrom<string | null>(null, "a0", "Zz", "a1", "b00", "Azzzzzzzzzzzzzzzzzzzzzzzzzz", `${SMALLEST}1`, `${SMALLEST}0001`, "zzzzzzzzzzzzzzzzzzzzzzzzzzz"),
    fc.array(fc.tuple(fc.constantFrom("before", "after", "between", "n"), fc.nat({ max: 5 })), { maxLength: 30 }),
  )
  .map(([start, steps]) => {
    let keys = [generateKeyBetween(start, null)];
    if (start) keys = [start];
    for (const [step, n] of steps) {
      const first = keys[0];
      const last = keys[keys.length - 1];
      try {
        if (step === "before") keys.unshift(generateKeyBetween(null, first));
        else if (step === "after") keys.push(generateKeyBetween(last, null));
        else if (step === "between" && keys.length > 1) keys.splice(1, 0, generateKeyBetween(keys[0], keys[1]));
        else if (step === "n") keys.splice(1, 0, ...generateNKeysBetween(first, keys[1] ?? null, n + 1));
        else keys.unshift(generateKeyBetween(null, first));
      } catch {
        // the end of the key space ("cannot decrement any more"): stay
      }
    }
    return keys;
  })
  .chain((keys) => fc.constantFrom(...keys));

async function keysBefore(keys: string[]): Promise<(string | null)[]> {
  const rows = await db.prisma.$queryRaw<{ i: number; key: string | null }[]>`
    SELECT k.i::int AS i, "order_key_before"(k.b) AS key FROM unnest(${keys}::text[]) WITH ORDINALITY AS k(b, i) ORDER BY k.i`;
  return rows.map((row) => row.key);
}

describe("order_key_before", () => {
  it("is generateKeyBetween(null, b) of fractional-indexing", async () => {
    const examples = ["a0", "a1", "Zz", "b00", "a0V", `${SMALLEST}1`, `${SMALLEST}01`, `${SMALLEST}2`, `${SMALLEST}11`];
    expect(await keysBefore(examples)).toEqual(examples.map((key) => generateKeyBetween(null, key)));
    const [none] = await db.prisma.$queryRaw<{ key: string }[]>`SELECT "order_key_before"(NULL) AS key`;
    expect(none.key).toBe(generateKeyBetween(null, null));
    for (const arbitrary of [anyKey, nearSmallest, madeKey]) {
      await fc.assert(
        fc.asyncProperty(fc.array(arbitrary, { minLength: 1, maxLength: 50 }), async (keys) => {
          expect(await keysBefore(keys)).toEqual(keys.map((key) => generateKeyBetween(null, key)));
        }),
        { numRuns: 100 },
      );
    }
  });

  it("is null for a key fractional-indexing refuses", async () => {
    const refused = [SMALLEST, "", "a", "a10", "b0", "!0", "A0"];
    for (const key of refused) expect(() => generateKeyBetween(null, key)).toThrow();
    expect(await keysBefore(refused)).toEqual(refused.map(() => null));
  });
});

describe("POST /api/tasks in one statement", () => {
  let user: TestUser;
  let actor: string;
  let inbox: string;
  beforeAll(async () => {
    user = await signUpUser("Quick");
    const [session] = await db.prisma.session.findMany({ where: { userId: user.id } });
    actor = `session:${session.id}`;
    inbox = (await db.prisma.list.findFirstOrThrow({ where: { userId: user.id, inbox: true } })).id;
  });

  it("logs one create by the request's device", async () => {
    const before = await db.prisma.change.count({ where: { userId: user.id } });
    const response = await callApi("POST", "/api/tasks", { token: user.token, body: { title: "Logged" } });
    expect(response.status).toBe(201);
    const task: Task = await response.json();
    const changes = await db.prisma.change.findMany({ where: { userId: user.id }, orderBy: { seq: "asc" }, skip: before });
    expect(changes).toEqual([expect.objectContaining({ actor, entity: "task", entityId: task.id, op: "create", before: null })]);
    expect(changes[0].after).toMatchObject({ id: task.id, title: "Logged", description: "", completed: false, priority: "medium", listId: inbox, parentId: null });
  });

  it("gives 20 concurrent creates into the Inbox each a place of its own, the last to commit first", async () => {
    const since = (await db.prisma.change.aggregate({ where: { userId: user.id }, _max: { seq: true } }))._max.seq ?? 0n;
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => callApi("POST", "/api/tasks", { token: user.token, body: { id: crypto.randomUUID(), title: `Burst ${i}` } })),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(201));
    const created: Task[] = await Promise.all(responses.map((r) => r.json()));
    expect(new Set(created.map((task) => task.position)).size).toBe(20);
    const list = await callApi("GET", `/api/tasks?listId=${inbox}&parentId=none&sort=position&limit=100`, { token: user.token });
    expect(list.status).toBe(200);
    const { tasks }: { tasks: Task[] } = await list.json();
    // Each create goes first, under the user's lock: the order is the order of the change log, newest first.
    const logged = await db.prisma.change.findMany({ where: { userId: user.id, seq: { gt: since }, op: "create" }, orderBy: { seq: "desc" }, select: { entityId: true } });
    expect(logged.map((change) => change.entityId)).toHaveLength(20);
    expect(tasks.slice(0, 20).map((task) => task.id)).toEqual(logged.map((change) => change.entityId));
    expect(tasks.map((task) => task.position)).toEqual(tasks.map((task) => task.position).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it("writes nothing for what it declines, and the transaction answers as before", async () => {
    const other = await signUpUser("Elsewhere");
    const otherInbox = (await db.prisma.list.findFirstOrThrow({ where: { userId: other.id, inbox: true } })).id;
    const listResponse = await callApi("POST", "/api/lists", { token: user.token, body: { name: "Shelved" } });
    expect(listResponse.status).toBe(201);
    const shelved = (await listResponse.json()) as { id: string };
    expect((await callApi("PATCH", `/api/lists/${shelved.id}`, { token: user.token, body: { archived: true } })).status).toBe(200);
    const changes = await db.prisma.change.count({ where: { userId: user.id } });
    const tasks = await db.prisma.task.count({ where: { userId: user.id } });
    const declined = [
      [{ title: "Not mine", listId: otherInbox }, 403],
      [{ title: "Nowhere", listId: crypto.randomUUID() }, 404],
      [{ title: "Shelved", listId: shelved.id }, 422],
    ] as const;
    for (const [body, status] of declined) expect((await callApi("POST", "/api/tasks", { token: user.token, body })).status).toBe(status);
    const [taken] = await db.prisma.task.findMany({ where: { userId: other.id }, take: 1 });
    const theirs = taken ?? (await (await callApi("POST", "/api/tasks", { token: other.token, body: { title: "Theirs" } })).json());
    expect((await callApi("POST", "/api/tasks", { token: user.token, body: { id: theirs.id, title: "Same id" } })).status).toBe(409);
    expect(await db.prisma.change.count({ where: { userId: user.id } })).toBe(changes);
    expect(await db.prisma.task.count({ where: { userId: user.id } })).toBe(tasks);
    // Nothing of the statement stays on the connection: the actor was the transaction's.
    const [setting] = await db.prisma.$queryRaw<{ actor: string | null }[]>(Prisma.sql`SELECT nullif(current_setting('tasks.actor', true), '') AS actor`);
    expect(setting.actor).toBeNull();
  });
});
