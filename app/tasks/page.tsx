import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getAuth } from "@/lib/better-auth";
import { TaskDashboard } from "./_components/TaskDashboard";

export const metadata: Metadata = { title: "Your tasks" };

export default async function TasksPage() {
  const session = await getAuth().api.getSession({ headers: await headers() });
  if (!session) redirect("/sign-in?next=%2Ftasks");
  return <TaskDashboard user={{ name: session.user.name, email: session.user.email }} />;
}
