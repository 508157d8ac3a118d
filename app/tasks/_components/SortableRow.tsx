"use client";

import { useSortable } from "@dnd-kit/sortable";
import type { ComponentProps } from "react";
import { TaskRow } from "./TaskRow";

/** A row that can be dragged by its handle within a sortable list (TaskList). */
export function SortableRow(props: Omit<ComponentProps<typeof TaskRow>, "drag">) {
  const { setNodeRef, setActivatorNodeRef, listeners, transform, transition, isDragging } = useSortable({ id: props.task.id });
  return <TaskRow {...props} drag={{ setNodeRef, setActivatorNodeRef, listeners, offsetY: transform?.y ?? 0, transition, isDragging }} />;
}
