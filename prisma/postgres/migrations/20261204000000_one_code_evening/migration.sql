-- AlterTable
ALTER TABLE "LiveRoom" ADD COLUMN     "currentItemId" TEXT,
ADD COLUMN     "followProgramme" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "peakAt" TIMESTAMP(3),
ADD COLUMN     "peakParticipants" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Question" ADD COLUMN     "programmeItemId" TEXT;

-- AlterTable
ALTER TABLE "Poll" ADD COLUMN     "programmeItemId" TEXT;

-- AlterTable
ALTER TABLE "PollAnswerChoice" ADD COLUMN     "rank" INTEGER;

-- CreateIndex
CREATE INDEX "Question_programmeItemId_idx" ON "Question"("programmeItemId");

-- CreateIndex
CREATE INDEX "Poll_programmeItemId_idx" ON "Poll"("programmeItemId");

-- AddForeignKey
ALTER TABLE "LiveRoom" ADD CONSTRAINT "LiveRoom_currentItemId_fkey" FOREIGN KEY ("currentItemId") REFERENCES "ProgrammeItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Question" ADD CONSTRAINT "Question_programmeItemId_fkey" FOREIGN KEY ("programmeItemId") REFERENCES "ProgrammeItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Poll" ADD CONSTRAINT "Poll_programmeItemId_fkey" FOREIGN KEY ("programmeItemId") REFERENCES "ProgrammeItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

