-- Due dates that mean what people meant (issue 13): a whole day ("dueDate", a DATE with no time
-- zone) or a moment ("dueAt", UTC like every time of the app's) with the zone its wall-clock time
-- belongs to ("dueTimeZone"); "dueSort", the due's wall-clock time, orders "by due date"; and a
-- recurrence rule. Until now a due date was one instant, the last second of the chosen day in the
-- zone of the browser that chose it (lib/client/due-dates.ts, removed with this migration).

CREATE TYPE "RecurrenceMode" AS ENUM ('schedule', 'completion');

DROP INDEX "task_userId_dueDate_id_idx";

ALTER TABLE "task" ADD COLUMN "dueDay" DATE,
ADD COLUMN "dueAt" TIMESTAMP(3),
ADD COLUMN "dueTimeZone" VARCHAR(64),
ADD COLUMN "dueSort" TIMESTAMP(3),
ADD COLUMN "recurrence" VARCHAR(200),
ADD COLUMN "recurrenceMode" "RecurrenceMode",
ADD COLUMN "completedOccurrence" VARCHAR(32);

-- The conversion changes no task as its owner sees it, so it is not a change of theirs: the log
-- (and the changes feed that devices follow) is left out of it.
ALTER TABLE "task" DISABLE TRIGGER "task_log";

-- Which day each stored instant was:
-- * The owner chose a time zone (a profile setting): the instant's day there. The last second of
--   a day (23:59:59 or later there, or one second before the next day where the clocks jumped
--   past midnight) was a day picked in the forms: it becomes that whole day. Any
--   other time (an API client's "2026-12-31T17:00:00Z") stays that moment, in the owner's zone.
-- * No zone on record: an instant one second before a quarter hour was the end of a day at some
--   offset between UTC-10 and UTC+14. The offsets 24 hours apart share their instants; those of
--   people (Hawaii's -10, New Zealand's +12 and +13) win over the near-empty -12, -11 and +14. So a
--   next second after 10:00 UTC ends the day it falls on, and one at or before 10:00 the day
--   before. Any other instant stays that moment, in UTC.
WITH owner_zone AS (
  SELECT t."id", t."dueDate" AS instant, z."name" AS zone,
         date_trunc('second', t."dueDate") + interval '1 second' AS next_second
  FROM "task" t
  JOIN "user" u ON u."id" = t."userId"
  LEFT JOIN pg_timezone_names z ON z."name" = u."timeZone"
  WHERE t."dueDate" IS NOT NULL
), converted AS (
  SELECT "id", instant, coalesce(zone, 'UTC') AS zone,
    CASE
      WHEN zone IS NOT NULL THEN
        CASE WHEN ((instant AT TIME ZONE 'UTC') AT TIME ZONE zone)::time >= time '23:59:59'
            OR (((instant + interval '1 second') AT TIME ZONE 'UTC') AT TIME ZONE zone)::date > ((instant AT TIME ZONE 'UTC') AT TIME ZONE zone)::date
          THEN ((instant AT TIME ZONE 'UTC') AT TIME ZONE zone)::date END
      WHEN extract(second FROM next_second) = 0 AND extract(minute FROM next_second)::int % 15 = 0 THEN
        CASE WHEN next_second::time > time '10:00' THEN next_second::date ELSE next_second::date - 1 END
    END AS day
  FROM owner_zone
)
UPDATE "task" t SET
  "dueDay" = c.day,
  "dueAt" = CASE WHEN c.day IS NULL THEN c.instant END,
  "dueTimeZone" = CASE WHEN c.day IS NULL THEN c.zone END,
  "dueSort" = CASE WHEN c.day IS NULL THEN (c.instant AT TIME ZONE 'UTC') AT TIME ZONE c.zone ELSE c.day + time '23:59:59.999' END
FROM converted c WHERE t."id" = c."id";

ALTER TABLE "task" DROP COLUMN "dueDate";
ALTER TABLE "task" RENAME COLUMN "dueDay" TO "dueDate";

ALTER TABLE "task" ENABLE TRIGGER "task_log";

CREATE INDEX "task_userId_dueSort_id_idx" ON "task"("userId", "dueSort", "id");
CREATE INDEX "task_userId_dueDate_idx" ON "task"("userId", "dueDate");
CREATE INDEX "task_userId_dueAt_idx" ON "task"("userId", "dueAt");
