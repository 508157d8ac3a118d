-- AlterTable
ALTER TABLE "user" ADD COLUMN     "theme" TEXT NOT NULL DEFAULT 'system';


-- Only the themes the app knows (lib/accounts/theme.ts); Prisma cannot declare a CHECK.
ALTER TABLE "user" ADD CONSTRAINT "user_theme_check" CHECK ("theme" IN ('system', 'light', 'dark'));
