-- AlterTable
ALTER TABLE "Question" ADD COLUMN     "statusBeforeBlock" TEXT;

-- AlterTable
ALTER TABLE "PollAnswer" ADD COLUMN     "status" TEXT NOT NULL DEFAULT 'SHOWN',
ADD COLUMN     "statusBeforeBlock" TEXT;

-- AlterTable
ALTER TABLE "OrgSettings" ADD COLUMN     "liveFilterWords" TEXT NOT NULL DEFAULT '[]';

-- CreateTable
CREATE TABLE "LiveBlock" (
    "id" TEXT NOT NULL,
    "roomId" TEXT NOT NULL,
    "participantId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LiveBlock_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PollAnswer_pollId_status_idx" ON "PollAnswer"("pollId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "LiveBlock_roomId_participantId_key" ON "LiveBlock"("roomId", "participantId");

-- AddForeignKey
ALTER TABLE "LiveBlock" ADD CONSTRAINT "LiveBlock_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "LiveRoom"("id") ON DELETE CASCADE ON UPDATE CASCADE;
