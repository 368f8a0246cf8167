-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "contentLanguage" TEXT NOT NULL DEFAULT 'nb',
ADD COLUMN     "translations" TEXT NOT NULL DEFAULT '{}';

