-- AlterTable
ALTER TABLE "LiveRoom" ADD COLUMN "screenMode" TEXT NOT NULL DEFAULT 'JOIN';
ALTER TABLE "LiveRoom" ADD COLUMN "screenPollId" TEXT;
