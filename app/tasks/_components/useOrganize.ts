"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { createContext, useCallback, useMemo } from "react";
import { listsAndLabelsQuery } from "@/lib/client/task-queries";
import type { Label, List } from "@/lib/client/tasks-api";
import { taskKeys } from "@/lib/tasks/view";

/**
 * The user's lists and labels (the server page put them in the cache), by id, and a way to read
 * them again after a change to them or to their tasks' counts.
 */
export function useOrganize() {
  const client = useQueryClient();
  const { data } = useQuery(listsAndLabelsQuery());
  const lists = useMemo(() => data?.lists ?? [], [data]);
  const labels = useMemo(() => data?.labels ?? [], [data]);
  const listById = useMemo(() => new Map<string, List>(lists.map((list) => [list.id, list])), [lists]);
  const labelById = useMemo(() => new Map<string, Label>(labels.map((label) => [label.id, label])), [labels]);
  const inbox = lists.find((list) => list.inbox);
  const refresh = useCallback(() => client.invalidateQueries({ queryKey: taskKeys.organize }), [client]);
  return { lists, labels, listById, labelById, inboxId: inbox?.id ?? "", refresh };
}

/** What a row needs to name its list and labels; the list only where the view spans lists. */
export interface RowPlaces {
  listById: ReadonlyMap<string, List>;
  labelById: ReadonlyMap<string, Label>;
  showList: boolean;
}
export const RowPlacesContext = createContext<RowPlaces>({ listById: new Map(), labelById: new Map(), showList: false });
