-- The change log is append-only, and the database says so: no statement may update a "change"
-- row, and one may be deleted only with its account (the foreign key's cascade, which runs after
-- the "user" row is gone). Whatever code or person runs SQL, the history cannot be rewritten.
CREATE FUNCTION "change_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM "user" WHERE "id" = OLD."userId") THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'the change log is append-only: % of a change is refused', lower(TG_OP) USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER "change_append_only" BEFORE UPDATE OR DELETE ON "change" FOR EACH ROW EXECUTE FUNCTION "change_append_only"();
