import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { createSerializer, type SearchParams } from "nuqs/server";
import { getAuth } from "@/lib/better-auth";
import { TIME_ZONE_COOKIE, validTimeZone } from "@/lib/client/relative-date";
import { countQuerySchema, listQuerySchema } from "@/lib/tasks/schemas";
import { countTasksForUser, listTasksForUser } from "@/lib/tasks/service";
import { LIST_PAGING, listParams, loadView, normalizeView, taskKeys, viewParsers } from "@/lib/tasks/view";
import { AppHeader } from "./_components/AppHeader";
import { TaskDashboard } from "./_components/TaskDashboard";
import { TaskPageProviders } from "./_components/TaskPageProviders";

export const metadata: Metadata = { title: "Your tasks" };

const viewUrl = createSerializer(viewParsers);

// The first page of the view in the URL is read here, on the server, with the same scoped
// service the API uses, and handed to the browser's cache under the key the browser will ask
// for: tasks are in the first HTML, and the browser does not fetch them again.
export default async function TasksPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const [requestHeaders, cookieStore, view] = await Promise.all([headers(), cookies(), loadView(searchParams)]);
  const session = await getAuth().api.getSession({ headers: requestHeaders });
  if (!session) redirect(`/sign-in?next=${encodeURIComponent(viewUrl("/tasks", view))}`);

  const queryClient = new QueryClient();
  const parsed = normalizeView(view);
  await Promise.all([
    queryClient.prefetchInfiniteQuery({
      queryKey: taskKeys.list(parsed),
      queryFn: () => listTasksForUser(session.user.id, listQuerySchema.parse(listParams(parsed))),
      ...LIST_PAGING,
    }),
    queryClient.prefetchQuery({
      queryKey: taskKeys.counts(parsed.q),
      queryFn: () => countTasksForUser(session.user.id, countQuerySchema.parse({ q: parsed.q })),
    }),
  ]);

  return (
    <>
      <AppHeader user={{ name: session.user.name, email: session.user.email }} />
      <noscript>
        <p className="notice page">Tasks needs JavaScript to add, change and search tasks. Turn it on in your browser to use this page.</p>
      </noscript>
      <TaskPageProviders timeZone={validTimeZone(cookieStore.get(TIME_ZONE_COOKIE)?.value)}>
        <HydrationBoundary state={dehydrate(queryClient)}>
          <TaskDashboard />
        </HydrationBoundary>
      </TaskPageProviders>
    </>
  );
}
