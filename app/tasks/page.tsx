import type { Metadata } from "next";
import { TaskDashboard } from "./_components/TaskDashboard";

export const metadata: Metadata = { title: "Your tasks" };

export default function TasksPage() {
  return <TaskDashboard />;
}
