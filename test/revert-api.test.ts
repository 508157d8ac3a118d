import { beforeAll, describe, expect, it } from "vitest";
import type { RevertPreview, RevertResult } from "@/lib/changes/revert";
import type { FeedPage } from "@/lib/changes/service";
import { callApi } from "./support/api";
import { setUpTestDatabase } from "./support/database";
import { callAuth, cookiesOf, PASSWORD, signUpUser, tokenFor, type TestUser } from "./support/http";
import { createTask, expectError, expectJson, getTask, patchTask } from "./support/organize";

// "Revert everything this device did since ...": POST /api/changes/revert through the real route,
// with a second real session of the same user standing in for the other device.

const db = setUpTestDatabase();

/** The same user signed in once more: another device, with its own session and token. */
async function anotherDevice(user: TestUser): Promise<TestUser> {
  const response = await callAuth("/sign-in/email", { body: { email: user.email, password: PASSWORD } });
  expect(response.status).toBe(200);
  const cookie = cookiesOf(response);
  return { ...user, cookie, token: await tokenFor(cookie) };
}

/** The actor name the log gives a device: read from its own first change in the feed. */
async function actorOf(device: TestUser): Promise<string> {
  const feed = await expectJson<FeedPage>(await callApi("GET", "/api/changes?since=0&limit=1000", { token: device.token }));
  const mine = feed.changes.find((change) => change.mine);
  if (!mine?.actor) throw new Error("the device has made no change yet");
  return mine.actor;
}

const revert = (device: TestUser, body: Record<string, unknown>) => callApi("POST", "/api/changes/revert", { token: device.token, body });

let laptop: TestUser;
let phone: TestUser;
beforeAll(async () => {
  laptop = await signUpUser("Reverter");
  phone = await anotherDevice(laptop);
});

describe("reverting a device's changes", () => {
  it("previews, then undoes exactly what that device did since the time, newest first, and leaves the others' changes", async () => {
    const kept = await createTask(laptop, { title: "Laptop's task" });
    const shared = await createTask(laptop, { title: "Shared" });
    const since = new Date(Date.now() - 1000).toISOString();
    const made = await createTask(phone, { title: "Phone's task" });
    await patchTask(phone, kept.id, { title: "Renamed by the phone", priority: "high" });
    await patchTask(phone, shared.id, { title: "Phone's name" });
    await patchTask(laptop, shared.id, { title: "Laptop's name after" }); // changed since: must stay
    const phoneActor = await actorOf(phone);

    const head = () => db.prisma.userSync.findUniqueOrThrow({ where: { userId: laptop.id } }).then((sync) => sync.seq);
    const seqBefore = await head();
    const preview = await expectJson<RevertPreview>(await revert(laptop, { actor: phoneActor, since, preview: true }));
    expect(preview.changes.map((change) => change.entityId)).toEqual([shared.id, kept.id, made.id]);
    expect(preview.changes.every((change) => change.actor === phoneActor && !change.mine)).toBe(true);
    expect(preview.names[kept.id]).toBe("Renamed by the phone");
    expect(await head(), "a preview writes nothing").toBe(seqBefore);

    const result = await expectJson<RevertResult>(await revert(laptop, { actor: phoneActor, since }));
    expect(result.undone).toBe(2);
    expect(result.skipped).toEqual([{ seq: preview.changes[0].seq, reason: expect.stringContaining("title") }]);
    expect(await getTask(laptop, kept.id)).toMatchObject({ title: "Laptop's task", priority: "medium" });
    expect((await getTask(laptop, shared.id)).title).toBe("Laptop's name after");
    await expectError(await callApi("GET", `/api/tasks/${made.id}`, { token: laptop.token }), 404, "not_found"); // in the trash
  });

  it("refuses a malformed actor or time, and touches nothing of another user's", async () => {
    const stranger = await signUpUser("Stranger");
    const theirs = await createTask(stranger, { title: "Not yours" });
    const strangerActor = await actorOf(stranger);
    for (const body of [{ actor: "nobody", since: new Date().toISOString() }, { actor: strangerActor, since: "yesterday" }, { actor: strangerActor }, { actor: strangerActor, since: new Date().toISOString(), extra: 1 }]) {
      await expectError(await revert(laptop, body), 422, "validation_failed");
    }
    // The stranger's actor name finds none of the stranger's changes through the laptop's account.
    const preview = await expectJson<RevertPreview>(await revert(laptop, { actor: strangerActor, since: new Date(0).toISOString(), preview: true }));
    expect(preview.changes).toEqual([]);
    expect(await expectJson<RevertResult>(await revert(laptop, { actor: strangerActor, since: new Date(0).toISOString() }))).toEqual({ undone: 0, skipped: [] });
    expect((await getTask(stranger, theirs.id)).title).toBe("Not yours");
    expect((await callApi("POST", "/api/changes/revert", { body: { actor: strangerActor, since: new Date(0).toISOString() } })).status).toBe(401);
  });
});
