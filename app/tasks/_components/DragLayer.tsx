"use client";

import { closestCenter, DndContext, PointerSensor, TouchSensor, useSensor, useSensors, type DragEndEvent } from "@dnd-kit/core";
import { SortableContext, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import type { ComponentProps, ReactNode } from "react";
import type { Task } from "@/lib/client/tasks-api";
import { TaskRow } from "./TaskRow";

// Drag and drop (dnd-kit) for a list in a manual order. TaskList loads this module the first
// time a pointer or a finger comes near the list, not with the page: the page's first
// JavaScript stays without it, and a keyboard moves tasks with Alt+↑/↓ without it.

/** A row that drags by its handle. */
export function SortableRow(props: Omit<ComponentProps<typeof TaskRow>, "drag">) {
  const { setNodeRef, setActivatorNodeRef, listeners, transform, transition, isDragging } = useSortable({ id: props.task.id });
  return <TaskRow {...props} drag={{ setNodeRef, setActivatorNodeRef, listeners, offsetY: transform?.y ?? 0, transition, isDragging }} />;
}

interface SortableListProps {
  tasks: Task[];
  /** The task was dropped where `over` is. */
  onReorder: (task: Task, over: Task) => void;
  children: ReactNode;
}

export function SortableList({ tasks, onReorder, children }: SortableListProps) {
  // A press becomes a drag after 6 px of movement (a tap stays a tap); on touch, after a short hold.
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 8 } }),
  );
  const titleOf = (id: unknown) => tasks.find((task) => task.id === id)?.title ?? "the task";
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const task = tasks.find((t) => t.id === active.id);
    const target = tasks.find((t) => t.id === over?.id);
    if (task && target && task.id !== target.id) onReorder(task, target);
  };
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{
        announcements: {
          onDragStart: ({ active }) => `Picked up “${titleOf(active.id)}”.`,
          onDragOver: ({ active, over }) => (over ? `“${titleOf(active.id)}” is over “${titleOf(over.id)}”.` : undefined),
          onDragEnd: ({ active, over }) => (over ? `Dropped “${titleOf(active.id)}” at “${titleOf(over.id)}”.` : `Dropped “${titleOf(active.id)}”.`),
          onDragCancel: ({ active }) => `Moving “${titleOf(active.id)}” was cancelled.`,
        },
      }}
    >
      <SortableContext items={tasks.map((task) => task.id)} strategy={verticalListSortingStrategy}>
        {children}
      </SortableContext>
    </DndContext>
  );
}
