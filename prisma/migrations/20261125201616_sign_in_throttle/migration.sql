-- CreateTable
CREATE TABLE "signInThrottle" (
    "email" TEXT NOT NULL,
    "failures" INTEGER NOT NULL,
    "lastFailureAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "signInThrottle_pkey" PRIMARY KEY ("email")
);

-- CreateIndex
CREATE INDEX "signInThrottle_lastFailureAt_idx" ON "signInThrottle"("lastFailureAt");
