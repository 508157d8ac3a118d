-- Reminders, Web Push subscriptions and in-app notifications (lib/reminders). Times in UTC in
-- columns without a zone, as every other time of the app's (see 20261204120000_change_log_trash).
-- CreateTable
CREATE TABLE "reminder" (
    "id" UUID NOT NULL,
    "userId" TEXT NOT NULL,
    "taskId" UUID NOT NULL,
    "at" TIMESTAMP(3),
    "minutesBefore" INTEGER,
    "sentAt" TIMESTAMP(3),
    "claimedAt" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reminder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "push_subscription" (
    "id" UUID NOT NULL,
    "userId" TEXT NOT NULL,
    "endpoint" VARCHAR(1000) NOT NULL,
    "p256dh" VARCHAR(200) NOT NULL,
    "auth" VARCHAR(100) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "push_subscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification" (
    "id" UUID NOT NULL,
    "userId" TEXT NOT NULL,
    "reminderId" UUID NOT NULL,
    "remindedFor" TIMESTAMP(3) NOT NULL,
    "taskId" UUID NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),

    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "reminder_taskId_idx" ON "reminder"("taskId");

-- CreateIndex
CREATE INDEX "reminder_sentAt_at_idx" ON "reminder"("sentAt", "at");

-- CreateIndex
CREATE INDEX "reminder_userId_idx" ON "reminder"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "push_subscription_endpoint_key" ON "push_subscription"("endpoint");

-- CreateIndex
CREATE INDEX "push_subscription_userId_idx" ON "push_subscription"("userId");

-- CreateIndex
CREATE INDEX "notification_userId_createdAt_idx" ON "notification"("userId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "notification_reminderId_remindedFor_key" ON "notification"("reminderId", "remindedFor");

-- AddForeignKey
ALTER TABLE "reminder" ADD CONSTRAINT "reminder_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reminder" ADD CONSTRAINT "reminder_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "push_subscription" ADD CONSTRAINT "push_subscription_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- A reminder is at a moment or some minutes before its task's due moment, never both or neither.
ALTER TABLE "reminder" ADD CONSTRAINT "reminder_at_or_minutes_before" CHECK (("at" IS NULL) <> ("minutesBefore" IS NULL));

-- A sent reminder relative to its task's due fires again when the due moves to a later moment
-- it has not yet passed: a repeating task completed (moved to its next occurrence), or a due
-- changed by hand. A trigger, so every writer of dueAt (the API, completion, undo, import) does it.
CREATE FUNCTION "rearm_relative_reminders"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "reminder" SET "sentAt" = NULL, "claimedAt" = NULL, "attempts" = 0
  WHERE "taskId" = NEW."id" AND "minutesBefore" IS NOT NULL AND "sentAt" IS NOT NULL
    AND NEW."dueAt" - make_interval(mins => "minutesBefore") > (now() AT TIME ZONE 'UTC');
  RETURN NULL;
END $$;
CREATE TRIGGER "task_rearm_reminders" AFTER UPDATE OF "dueAt" ON "task" FOR EACH ROW
  WHEN (NEW."dueAt" IS NOT NULL AND NEW."dueAt" IS DISTINCT FROM OLD."dueAt") EXECUTE FUNCTION "rearm_relative_reminders"();
