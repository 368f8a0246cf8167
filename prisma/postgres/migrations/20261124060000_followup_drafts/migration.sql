-- AlterTable
ALTER TABLE "FollowUpItem" ADD COLUMN     "publishedAt" TIMESTAMP(3);


-- Items made before drafts existed were public already.
UPDATE "FollowUpItem" SET "publishedAt" = "createdAt";
