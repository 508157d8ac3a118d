-- The trash's and the change log's times in UTC, in columns without a zone, as every other time
-- of the app's (test/time-zones.test.ts): Prisma's PostgreSQL adapter writes a time as UTC
-- without a zone and drops the offset of a "timestamptz" it reads, so in a session of another
-- zone "deletedAt" was stored shifted by the zone's offset (and to_jsonb, in the log, showed the
-- shifted time), and "at", right as stored, was read shifted.
ALTER TABLE "task" ALTER COLUMN "deletedAt" TYPE TIMESTAMP(3) USING "deletedAt" AT TIME ZONE 'UTC';
ALTER TABLE "change" ALTER COLUMN "at" TYPE TIMESTAMP(3) USING "at" AT TIME ZONE 'UTC';
-- The trigger names the time itself: CURRENT_TIMESTAMP into a column without a zone would be the
-- session's local time.
ALTER TABLE "change" ALTER COLUMN "at" DROP DEFAULT;

CREATE OR REPLACE FUNCTION "log_change"() RETURNS trigger LANGUAGE plpgsql AS $$
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
  INSERT INTO "change" ("userId", "seq", "at", "actor", "entity", "entityId", "op", "before", "after")
  VALUES (owner, next_seq, now() AT TIME ZONE 'UTC', nullif(current_setting('tasks.actor', true), ''), TG_TABLE_NAME::"ChangeEntity", entity_id,
          (CASE TG_OP WHEN 'INSERT' THEN 'create' WHEN 'UPDATE' THEN 'update' ELSE 'delete' END)::"ChangeOp", old_row, new_row);
  RETURN NULL;
END
$$;
