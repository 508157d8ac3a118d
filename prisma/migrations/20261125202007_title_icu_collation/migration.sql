-- Titles sort as people expect: by letter first, then accent, then case ("Äpfel", "apple juice",
-- "Apple pie", "banana", "Banana"), not by byte as under the C collation. A column collation
-- serves ORDER BY, the keyset cursor's comparison and the (userId, title, id) index alike, so
-- the three agree. "und-x-icu" is deterministic: PostgreSQL 15 refuses LIKE/ILIKE (search) on a
-- nondeterministic collation. Prisma can neither declare a column collation nor see one in its
-- diff, so test/database-schema.test.ts checks that it stays. Rebuilds the indexes on title.
ALTER TABLE "task" ALTER COLUMN "title" TYPE VARCHAR(200) COLLATE "und-x-icu";
