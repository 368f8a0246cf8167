-- AlterTable
ALTER TABLE "FollowUpItem" ADD COLUMN "publishedAt" DATETIME;


-- Items made before drafts existed were public already.
UPDATE "FollowUpItem" SET "publishedAt" = "createdAt";
