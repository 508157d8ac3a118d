import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { createSerializer, type SearchParams } from "nuqs/server";
import { sessionActor } from "@/lib/actor";
import { getAuth } from "@/lib/better-auth";
import { feedQuerySchema } from "@/lib/changes/schemas";
import { changesSinceForUser } from "@/lib/changes/service";
import { localDay, pageTimeZone, TIME_ZONE_COOKIE } from "@/lib/client/relative-date";
import { listLabelsForUser } from "@/lib/labels/service";
import { listListsForUser } from "@/lib/lists/service";
import { countQuerySchema, listQuerySchema } from "@/lib/tasks/schemas";
import { countTasksForUser, listTasksForUser } from "@/lib/tasks/service";
import { trashQuerySchema } from "@/lib/trash/schemas";
import { listTrashForUser } from "@/lib/trash/service";
import { LIST_PAGING, listParams, loadView, placeParams, resolveView, taskKeys, viewParsers } from "@/lib/tasks/view";
import { ConfirmEmailNotice } from "../_components/ConfirmEmailNotice";
import { AppHeader } from "./_components/AppHeader";
import { ReminderNotices } from "./_components/ReminderNotices";
import { TaskDashboard } from "./_components/TaskDashboard";
import { TaskPageProviders } from "./_components/TaskPageProviders";

export const metadata: Metadata = { title: "Your tasks" };

const viewUrl = createSerializer(viewParsers);

// The sidebar's lists and labels and the first page of the view in the URL are read here, on
// the server, with the same scoped services the API uses, and handed to the browser's cache
// under the keys the browser will ask for: they are in the first HTML, and the browser does not
// fetch them again.
export default async function TasksPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const [requestHeaders, cookieStore, view] = await Promise.all([headers(), cookies(), loadView(searchParams)]);
  const session = await getAuth().api.getSession({ headers: requestHeaders });
  if (!session) redirect(`/sign-in?next=${encodeURIComponent(viewUrl("/tasks", view))}`);

  const userId = session.user.id;
  // Where the changes feed stands before anything is read: the page follows it from here.
  const { cursor: feedCursor } = await changesSinceForUser(sessionActor(userId, session.session.id), feedQuerySchema.parse({}));
  const queryClient = new QueryClient();
  const [lists, labels] = await Promise.all([listListsForUser(userId), listLabelsForUser(userId)]);
  queryClient.setQueryData(taskKeys.listsAndLabels, { lists, labels });
  const { timeZone, fixed: zoneChosen } = pageTimeZone(session.user.timeZone, cookieStore.get(TIME_ZONE_COOKIE)?.value);
  const today = view.view ? localDay(new Date(), timeZone) : "";
  const resolved = resolveView(view, { inboxId: lists.find((list) => list.inbox)!.id, timeZone, today });
  // A view the user cannot see (a list id that is not theirs) is left to the browser, which shows why.
  if (resolved.place.kind === "trash") {
    await queryClient.prefetchInfiniteQuery({
      queryKey: taskKeys.trash,
      queryFn: () => listTrashForUser(userId, trashQuerySchema.parse({})),
      ...LIST_PAGING,
    });
  } else await Promise.all([
    queryClient.prefetchInfiniteQuery({
      queryKey: taskKeys.list(resolved),
      queryFn: () => listTasksForUser(userId, listQuerySchema.parse(listParams(resolved))),
      ...LIST_PAGING,
    }),
    queryClient.prefetchQuery({
      queryKey: taskKeys.counts(resolved.place, resolved.q),
      queryFn: () => countTasksForUser(userId, countQuerySchema.parse(placeParams(resolved.place, resolved.q))),
    }),
  ]);

  return (
    <>
      <AppHeader user={{ name: session.user.name, email: session.user.email, theme: session.user.theme }} />
      {!session.user.emailVerified && (
        <aside className="banner" aria-label="Confirm your email address">
          <ConfirmEmailNotice email={session.user.email} id="banner-confirm" />
        </aside>
      )}
      <noscript>
        <p className="notice page">Tasks needs JavaScript to add, change and search tasks. Turn it on in your browser to use this page.</p>
      </noscript>
      <TaskPageProviders timeZone={timeZone} fixed={zoneChosen}>
        <ReminderNotices />
        <HydrationBoundary state={dehydrate(queryClient)}>
          <TaskDashboard feedCursor={feedCursor} />
        </HydrationBoundary>
      </TaskPageProviders>
    </>
  );
}
