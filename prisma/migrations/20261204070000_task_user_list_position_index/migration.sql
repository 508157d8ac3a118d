-- A list's top-level tasks in manual order (GET /api/tasks?listId=...&parentId=none&sort=position,
-- and the first sibling a new top-level task goes before) as an ordered index scan that stops at
-- the page's end. The index on ("listId", "parentId", "position", "id") cannot give that order:
-- "parentId" IS NULL is no equality to PostgreSQL, so every top-level task of the list was read,
-- had its labels and subtasks joined, and was sorted. Leading with "userId", which every
-- statement names, also keeps the planner from pairing the list's index with a bitmap of all the
-- user's tasks (it cannot know that a list belongs to one user). Counts per list use it too.
CREATE INDEX "task_userId_listId_position_id_idx" ON "task"("userId", "listId", "position", "id");
