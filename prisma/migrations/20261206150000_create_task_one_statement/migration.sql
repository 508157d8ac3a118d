-- One round trip for the common create (lib/tasks/service.ts createTaskForUser): a top-level task
-- with no `after` and no labels, into the Inbox or a named list. Everything else, and every case
-- this function declines (it then returns no row and writes nothing), takes the transaction of
-- several statements, which answers with the errors the API documents.

-- generateKeyBetween(NULL, b) of the fractional-indexing package (4.x, default alphabets: base-62
-- digits, integer heads A-Z (negative lengths) and a-z (positive)), as lib/order.ts keyBetween()
-- makes the key that goes first. NULL for a key that package would refuse (it throws), so that the
-- caller declines and the code in TypeScript throws as before. test/create-one-statement.test.ts checks
-- it against the package for random keys.
CREATE FUNCTION "order_key_before"(b text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  digits constant text := '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  heads constant text := 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  smallest constant text := 'A' || repeat('0', 26);
  head_index int;
  int_length int;
  ib text;
  fb text;
  n int;
  d int;
  i int;
  nines text := ''; -- the digits that borrowed: each 0 becomes z (the largest digit)
  new_head text;
  delta int;
BEGIN
  IF b IS NULL THEN RETURN 'a0'; END IF;
  -- validateOrderKey(): a known head, an integer part as long as the head says, digits only, no
  -- trailing zero in the fraction, not the smallest integer itself.
  IF b = '' OR b = smallest OR b !~ '^[0-9A-Za-z]+$' THEN RETURN NULL; END IF;
  head_index := strpos(heads, left(b, 1)) - 1;
  IF head_index < 0 THEN RETURN NULL; END IF;
  int_length := CASE WHEN head_index < 26 THEN 26 - head_index + 1 ELSE head_index - 26 + 2 END;
  IF length(b) < int_length THEN RETURN NULL; END IF;
  ib := left(b, int_length);
  fb := substr(b, int_length + 1);
  IF right(fb, 1) = '0' THEN RETURN NULL; END IF;
  IF ib = smallest THEN
    -- ib + midpoint('', fb): fb's leading zeros, then a digit below fb's first other one.
    n := length(fb) - length(ltrim(fb, '0'));
    d := strpos(digits, substr(fb, n + 1, 1)) - 1;
    IF d >= 2 THEN RETURN ib || left(fb, n) || substr(digits, (d + 1) / 2 + 1, 1); END IF;
    -- d = 1 (fb has no trailing zero, so a digit follows the zeros)
    IF length(fb) - n > 1 THEN RETURN ib || left(fb, n) || '1'; END IF;
    RETURN ib || left(fb, n) || '0V';
  END IF;
  -- A fraction: the integer part alone comes before it.
  IF fb <> '' THEN RETURN ib; END IF;
  -- decrementInteger(ib)
  FOR i IN REVERSE int_length..2 LOOP
    d := strpos(digits, substr(ib, i, 1)) - 1;
    IF d = 0 THEN
      nines := 'z' || nines;
    ELSE
      RETURN left(ib, i - 1) || substr(digits, d, 1) || nines;
    END IF;
  END LOOP;
  -- Every digit was 0: the previous head (head_index > 0, since ib is not the smallest integer).
  new_head := substr(heads, head_index, 1);
  delta := (CASE WHEN head_index - 1 < 26 THEN 26 - (head_index - 1) + 1 ELSE head_index - 1 - 26 + 2 END) - int_length;
  RETURN new_head || CASE WHEN delta > 0 THEN nines || 'z' WHEN delta < 0 THEN substr(nines, 2) ELSE nines END;
END
$$;

-- The common create in one statement: the caller's single SELECT runs it outside any transaction
-- of its own (the statement is one). Each step as the transaction of lib/tasks/service.ts does it:
--   the actor for the change log (lib/actor.ts setActor()), the user's write lock
--   (lib/user-lock.ts), the list (the Inbox, or the named list if the user's and not archived),
--   the per-user limit of live tasks, the key before the first top-level task of the list
--   (lib/tasks/placement.ts positionAmong(): trashed tasks are not siblings), and the INSERT.
-- The statements after the lock see every create committed before it: in READ COMMITTED each
-- statement of a VOLATILE plpgsql function takes a new snapshot, unlike the caller's statement,
-- whose snapshot was taken before the lock was waited for. That is what makes the count and the
-- first sibling current, as the separate statements after the lock do in the transaction.
-- Returns the new task, or no row, having written nothing, for anything else: an unknown,
-- another user's or an archived list, the limit reached, the id taken (ON CONFLICT DO NOTHING),
-- a key the order function declines. The caller then takes the transaction, which tells which.
-- Column values come from the caller, its defaults (description '', completed false, priority
-- medium) named there as the table's.
CREATE FUNCTION "create_task_fast"(
  p_actor text, p_user_id text, p_list_id uuid, p_id uuid, p_tasks_max int, p_at timestamp(3),
  p_title text, p_description text, p_completed boolean, p_priority "Priority",
  p_due_date date, p_due_at timestamp(3), p_due_time_zone text, p_due_sort timestamp(3),
  p_recurrence text, p_recurrence_mode "RecurrenceMode"
) RETURNS SETOF "task" LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  target uuid;
  first_position text;
  new_position text;
  inserted "task";
BEGIN
  PERFORM set_config('tasks.actor', p_actor, true);
  PERFORM pg_advisory_xact_lock(727002, hashtext(p_user_id));
  IF p_list_id IS NULL THEN
    SELECT l."id" INTO target FROM "list" l WHERE l."userId" = p_user_id AND l."inbox";
  ELSE
    SELECT l."id" INTO target FROM "list" l WHERE l."id" = p_list_id AND l."userId" = p_user_id AND NOT l."archived";
  END IF;
  IF target IS NULL THEN RETURN; END IF;
  IF (SELECT count(*) FROM "task" WHERE "userId" = p_user_id AND "deletedAt" IS NULL) >= p_tasks_max THEN RETURN; END IF;
  SELECT t."position" INTO first_position FROM "task" t
  WHERE t."userId" = p_user_id AND t."listId" = target AND t."parentId" IS NULL AND t."deletedAt" IS NULL
  ORDER BY t."position", t."id" LIMIT 1;
  new_position := "order_key_before"(first_position);
  IF new_position IS NULL THEN RETURN; END IF;
  INSERT INTO "task" AS t ("id", "userId", "listId", "parentId", "position", "createdAt", "updatedAt",
    "title", "description", "completed", "priority", "dueDate", "dueAt", "dueTimeZone", "dueSort", "recurrence", "recurrenceMode")
  VALUES (p_id, p_user_id, target, NULL, new_position, p_at, p_at,
    p_title, p_description, p_completed, p_priority, p_due_date, p_due_at, p_due_time_zone, p_due_sort, p_recurrence, p_recurrence_mode)
  ON CONFLICT ("id") DO NOTHING
  RETURNING t.* INTO inserted;
  IF NOT FOUND THEN RETURN; END IF;
  RETURN NEXT inserted;
END
$$;
