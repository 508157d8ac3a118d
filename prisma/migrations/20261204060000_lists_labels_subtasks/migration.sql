-- Lists, labels, subtasks and manual order. Keeps every task: each existing user gets an Inbox,
-- and their tasks move into it in the order the page showed them (newest first).

CREATE TYPE "Color" AS ENUM ('grey', 'red', 'orange', 'yellow', 'green', 'teal', 'blue', 'purple', 'pink');

-- Positions are fractional keys (lib/order.ts), compared byte by byte: the "C" collation, which
-- Prisma can neither declare nor see (test/database-schema.test.ts checks it stays).
CREATE TABLE "list" (
    "id" UUID NOT NULL,
    "userId" TEXT NOT NULL,
    "name" VARCHAR(60) NOT NULL,
    "color" "Color" NOT NULL DEFAULT 'grey',
    "inbox" BOOLEAN,
    "position" TEXT COLLATE "C" NOT NULL,
    "archived" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "list_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "label" (
    "id" UUID NOT NULL,
    "userId" TEXT NOT NULL,
    "name" VARCHAR(40) NOT NULL,
    "color" "Color" NOT NULL DEFAULT 'grey',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "label_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "task_label" (
    "taskId" UUID NOT NULL,
    "labelId" UUID NOT NULL,

    CONSTRAINT "task_label_pkey" PRIMARY KEY ("taskId","labelId")
);

-- Timestamps are UTC wall time in columns without a zone (as Prisma writes them).
INSERT INTO "list" ("id", "userId", "name", "inbox", "position", "createdAt", "updatedAt")
SELECT gen_random_uuid(), "id", 'Inbox', true, 'a0', now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC' FROM "user";

-- Every new account gets its Inbox in the same transaction that creates the user.
CREATE FUNCTION "create_inbox"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "list" ("id", "userId", "name", "inbox", "position", "createdAt", "updatedAt")
  VALUES (gen_random_uuid(), NEW."id", 'Inbox', true, 'a0', now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC');
  RETURN NEW;
END
$$;
CREATE TRIGGER "user_inbox" AFTER INSERT ON "user" FOR EACH ROW EXECUTE FUNCTION "create_inbox"();

ALTER TABLE "task" ADD COLUMN "listId" UUID,
ADD COLUMN "parentId" UUID,
ADD COLUMN "position" TEXT COLLATE "C";

-- Each task into its owner's Inbox. Positions: "d" and four base-62 digits (a valid fractional
-- key with a five-character integer part), numbered newest first, so the manual order starts
-- as the order people saw.
UPDATE "task" SET "listId" = "list"."id", "position" = numbered."key"
FROM "list", (
  SELECT "id", 'd' || string_agg(substr('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', (n / (62 ^ p)::bigint % 62)::int + 1, 1), '' ORDER BY p DESC) AS "key"
  FROM (SELECT "id", row_number() OVER (PARTITION BY "userId" ORDER BY "createdAt" DESC, "id" DESC) AS n FROM "task") AS ranked, generate_series(0, 3) AS p
  GROUP BY "id"
) AS numbered
WHERE numbered."id" = "task"."id" AND "list"."userId" = "task"."userId" AND "list"."inbox";

ALTER TABLE "task" ALTER COLUMN "listId" SET NOT NULL,
ALTER COLUMN "position" SET NOT NULL;

CREATE INDEX "list_userId_position_id_idx" ON "list"("userId", "position", "id");
CREATE UNIQUE INDEX "list_userId_inbox_key" ON "list"("userId", "inbox");
CREATE UNIQUE INDEX "label_userId_name_key" ON "label"("userId", "name");
CREATE INDEX "task_label_labelId_taskId_idx" ON "task_label"("labelId", "taskId");
CREATE INDEX "task_listId_parentId_position_id_idx" ON "task"("listId", "parentId", "position", "id");
CREATE INDEX "task_parentId_position_id_idx" ON "task"("parentId", "position", "id");

ALTER TABLE "list" ADD CONSTRAINT "list_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "label" ADD CONSTRAINT "label_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "task_label" ADD CONSTRAINT "task_label_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "task_label" ADD CONSTRAINT "task_label_labelId_fkey" FOREIGN KEY ("labelId") REFERENCES "label"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "task" ADD CONSTRAINT "task_listId_fkey" FOREIGN KEY ("listId") REFERENCES "list"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "task" ADD CONSTRAINT "task_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE CASCADE;
