-- AlterTable
ALTER TABLE "Question" ADD COLUMN "statusBeforeBlock" TEXT;
ALTER TABLE "PollAnswer" ADD COLUMN "status" TEXT NOT NULL DEFAULT 'SHOWN';
ALTER TABLE "PollAnswer" ADD COLUMN "statusBeforeBlock" TEXT;
ALTER TABLE "OrgSettings" ADD COLUMN "liveFilterWords" TEXT NOT NULL DEFAULT '[]';

-- CreateTable
CREATE TABLE "LiveBlock" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roomId" TEXT NOT NULL,
    "participantId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LiveBlock_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "LiveRoom" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "PollAnswer_pollId_status_idx" ON "PollAnswer"("pollId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "LiveBlock_roomId_participantId_key" ON "LiveBlock"("roomId", "participantId");
