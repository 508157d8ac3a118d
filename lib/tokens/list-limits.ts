import { InsufficientScopeError } from "../auth";
import { getPrisma } from "../db";

// A personal access token limited to some lists reaches only the tasks in them. The route wrapper
// lets such a token call only the endpoints that say how they keep to its lists (`withinLists` in
// their spec, made of the checks here); any other endpoint refuses it. The checks run before the
// service, which still decides 403 and 404 for rows that are not the user's.

const outside = (what: string) => new InsufficientScopeError(null, `This access token is limited to some lists: ${what}.`);

/** The list must be one of the token's. */
export function assertListWithin(lists: readonly string[], listId: string, field: string): void {
  if (!lists.includes(listId)) throw outside(`${field} names a list outside them`);
}

/** The task (live or in the trash) must be in one of the token's lists; one that is not the user's is left to the service. */
export async function assertTaskWithin(userId: string, lists: readonly string[], taskId: string, field: string): Promise<void> {
  const task = await getPrisma().task.findUnique({ where: { id: taskId }, select: { userId: true, listId: true } });
  if (task && task.userId === userId && !lists.includes(task.listId)) throw outside(`${field} names a task in another list`);
}

/** Where a new task goes: its parent's list, the list it names, or the Inbox. */
export async function assertNewTaskWithin(userId: string, lists: readonly string[], body: { listId?: string; parentId?: string | null }): Promise<void> {
  if (body.parentId) await assertTaskWithin(userId, lists, body.parentId, "parentId");
  if (body.listId) return assertListWithin(lists, body.listId, "listId");
  if (body.parentId) return;
  const inbox = await getPrisma().list.findFirst({ where: { userId, inbox: true }, select: { id: true } });
  if (!inbox || !lists.includes(inbox.id)) throw outside("send the listId of one of them (the Inbox is not)");
}

/** A read of tasks must name one of the token's lists (`listId=`): the result then holds no other. */
export function assertReadWithin(lists: readonly string[], listId: string | undefined): void {
  if (listId === undefined) throw outside("name one of them with listId=");
  assertListWithin(lists, listId, "listId");
}

/** A change to a task: the task, and any list or parent it moves to, must be within. */
export async function assertChangeWithin(userId: string, lists: readonly string[], taskId: string, body: { listId?: string; parentId?: string | null } | undefined): Promise<void> {
  await assertTaskWithin(userId, lists, taskId, "The task");
  if (body?.listId) assertListWithin(lists, body.listId, "listId");
  if (body?.parentId) await assertTaskWithin(userId, lists, body.parentId, "parentId");
}
