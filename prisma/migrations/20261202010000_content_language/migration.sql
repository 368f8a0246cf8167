-- AlterTable
ALTER TABLE "Event" ADD COLUMN "contentLanguage" TEXT NOT NULL DEFAULT 'nb';
ALTER TABLE "Event" ADD COLUMN "translations" TEXT NOT NULL DEFAULT '{}';
