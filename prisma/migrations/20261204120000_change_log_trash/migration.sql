-- The change log (issue 15): every insert, update and delete of a user's tasks, lists, labels
-- and task labels is appended to "change" by a trigger, in the same transaction as the change,
-- whatever code path made it. Nothing updates or deletes a "change" row; deleting the account
-- erases its log (the foreign key's cascade).

-- Trash: a deleted task keeps its row, with the time it was deleted, for 30 days. Times in UTC in
-- columns without a zone, as every other time of the app's (test/time-zones.test.ts): Prisma's
-- PostgreSQL adapter writes a time as UTC without a zone and drops the offset of a timestamptz
-- it reads, so a timestamptz column would be shifted in a session of another zone.
ALTER TABLE "task" ADD COLUMN "deletedAt" TIMESTAMP(3);
CREATE INDEX "task_userId_deletedAt_idx" ON "task"("userId", "deletedAt");

-- Each user's change counter. Every change takes the next number under this row's lock, held
-- until its transaction ends: one user's writes commit in the order of their numbers, with no
-- gaps, so a reader that has seen number N has seen every change up to N (the changes feed).
CREATE TABLE "user_sync" (
    "userId" TEXT NOT NULL,
    "seq" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "user_sync_pkey" PRIMARY KEY ("userId")
);
ALTER TABLE "user_sync" ADD CONSTRAINT "user_sync_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
INSERT INTO "user_sync" ("userId") SELECT "id" FROM "user";

CREATE TYPE "ChangeEntity" AS ENUM ('task', 'list', 'label', 'task_label');
CREATE TYPE "ChangeOp" AS ENUM ('create', 'update', 'delete');

CREATE TABLE "change" (
    "userId" TEXT NOT NULL,
    "seq" BIGINT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "actor" TEXT,
    "entity" "ChangeEntity" NOT NULL,
    "entityId" UUID NOT NULL,
    "op" "ChangeOp" NOT NULL,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "change_pkey" PRIMARY KEY ("userId","seq")
);
CREATE INDEX "change_userId_entityId_seq_idx" ON "change"("userId", "entityId", "seq");
CREATE INDEX "change_userId_actor_seq_idx" ON "change"("userId", "actor", "seq");
ALTER TABLE "change" ADD CONSTRAINT "change_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- One row of a change: its owner and id (a task label's are its task's), and the fields before
-- and after (an update keeps only the fields it changed, "updatedAt" aside, and is not logged
-- when it changed nothing else). Who made it: the transaction's "tasks.actor" setting
-- (lib/actor.ts), NULL for the system (migrations, trash expiry).
CREATE FUNCTION "log_change"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_row jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END;
  new_row jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END;
  any_row jsonb := coalesce(new_row, old_row);
  owner text;
  entity_id uuid;
  next_seq bigint;
BEGIN
  IF TG_TABLE_NAME = 'task_label' THEN
    entity_id := (any_row->>'taskId')::uuid;
    -- Gone when its task is being deleted for good: that task's own entry says so.
    SELECT "userId" INTO owner FROM "task" WHERE "id" = entity_id;
    IF owner IS NULL THEN RETURN NULL; END IF;
    old_row := old_row - 'taskId';
    new_row := new_row - 'taskId';
  ELSE
    entity_id := (any_row->>'id')::uuid;
    owner := any_row->>'userId';
    old_row := old_row - 'userId';
    new_row := new_row - 'userId';
  END IF;
  IF TG_OP = 'UPDATE' THEN
    SELECT jsonb_object_agg(o.key, o.value), jsonb_object_agg(o.key, new_row->o.key) INTO old_row, new_row
    FROM jsonb_each(old_row) AS o WHERE o.key <> 'updatedAt' AND o.value IS DISTINCT FROM new_row->o.key;
    IF old_row IS NULL THEN RETURN NULL; END IF;
  END IF;
  -- No row when the account is being deleted (its log goes with it).
  UPDATE "user_sync" AS s SET "seq" = s."seq" + 1 FROM "user" AS u
  WHERE s."userId" = owner AND u."id" = owner RETURNING s."seq" INTO next_seq;
  IF next_seq IS NULL THEN RETURN NULL; END IF;
  -- The time in UTC, named here: CURRENT_TIMESTAMP into a column without a zone would be the
  -- session's local time.
  INSERT INTO "change" ("userId", "seq", "at", "actor", "entity", "entityId", "op", "before", "after")
  VALUES (owner, next_seq, now() AT TIME ZONE 'UTC', nullif(current_setting('tasks.actor', true), ''), TG_TABLE_NAME::"ChangeEntity", entity_id,
          (CASE TG_OP WHEN 'INSERT' THEN 'create' WHEN 'UPDATE' THEN 'update' ELSE 'delete' END)::"ChangeOp", old_row, new_row);
  RETURN NULL;
END
$$;
CREATE TRIGGER "task_log" AFTER INSERT OR UPDATE OR DELETE ON "task" FOR EACH ROW EXECUTE FUNCTION "log_change"();
CREATE TRIGGER "list_log" AFTER INSERT OR UPDATE OR DELETE ON "list" FOR EACH ROW EXECUTE FUNCTION "log_change"();
CREATE TRIGGER "label_log" AFTER INSERT OR UPDATE OR DELETE ON "label" FOR EACH ROW EXECUTE FUNCTION "log_change"();
CREATE TRIGGER "task_label_log" AFTER INSERT OR DELETE ON "task_label" FOR EACH ROW EXECUTE FUNCTION "log_change"();

-- A new account gets its counter before its Inbox, so that the Inbox's creation is logged.
CREATE OR REPLACE FUNCTION "create_inbox"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "user_sync" ("userId") VALUES (NEW."id");
  INSERT INTO "list" ("id", "userId", "name", "inbox", "position", "createdAt", "updatedAt")
  VALUES (gen_random_uuid(), NEW."id", 'Inbox', true, 'a0', now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC');
  RETURN NEW;
END
$$;
