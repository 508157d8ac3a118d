-- Trigram indexes serve the list API's substring search (ILIKE '%text%', any case) on title and
-- description. Prisma cannot declare the extension they need without its preview feature, which
-- reports it as drift forever, so it is created here. pg_trgm is a trusted extension: a database
-- owner may create it (PostgreSQL 13+); the embedded database must be created with it
-- (lib/pglite.mjs).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "task_title_idx" ON "task" USING GIN ("title" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "task_description_idx" ON "task" USING GIN ("description" gin_trgm_ops);
