-- AlterTable
ALTER TABLE "LiveRoom" ADD COLUMN     "screenMode" TEXT NOT NULL DEFAULT 'JOIN',
ADD COLUMN     "screenPollId" TEXT;
