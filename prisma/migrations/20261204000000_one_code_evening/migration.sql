-- AlterTable
ALTER TABLE "PollAnswerChoice" ADD COLUMN "rank" INTEGER;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_LiveRoom" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "programmeItemId" TEXT,
    "title" TEXT NOT NULL,
    "allowAnonymous" BOOLEAN NOT NULL DEFAULT true,
    "preModeration" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "speakerKeyHash" TEXT,
    "onScreenQuestionId" TEXT,
    "screenMode" TEXT NOT NULL DEFAULT 'JOIN',
    "screenPollId" TEXT,
    "currentItemId" TEXT,
    "followProgramme" BOOLEAN NOT NULL DEFAULT true,
    "peakParticipants" INTEGER NOT NULL DEFAULT 0,
    "peakAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "LiveRoom_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LiveRoom_programmeItemId_fkey" FOREIGN KEY ("programmeItemId") REFERENCES "ProgrammeItem" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LiveRoom_currentItemId_fkey" FOREIGN KEY ("currentItemId") REFERENCES "ProgrammeItem" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_LiveRoom" ("allowAnonymous", "code", "createdAt", "eventId", "id", "onScreenQuestionId", "preModeration", "programmeItemId", "screenMode", "screenPollId", "speakerKeyHash", "status", "title", "updatedAt") SELECT "allowAnonymous", "code", "createdAt", "eventId", "id", "onScreenQuestionId", "preModeration", "programmeItemId", "screenMode", "screenPollId", "speakerKeyHash", "status", "title", "updatedAt" FROM "LiveRoom";
DROP TABLE "LiveRoom";
ALTER TABLE "new_LiveRoom" RENAME TO "LiveRoom";
CREATE UNIQUE INDEX "LiveRoom_code_key" ON "LiveRoom"("code");
CREATE UNIQUE INDEX "LiveRoom_programmeItemId_key" ON "LiveRoom"("programmeItemId");
CREATE INDEX "LiveRoom_eventId_idx" ON "LiveRoom"("eventId");
CREATE TABLE "new_Question" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roomId" TEXT NOT NULL,
    "participantId" TEXT NOT NULL,
    "displayName" TEXT,
    "text" TEXT NOT NULL,
    "programmeItemId" TEXT,
    "status" TEXT NOT NULL,
    "flagged" BOOLEAN NOT NULL DEFAULT false,
    "pinned" BOOLEAN NOT NULL DEFAULT false,
    "upvoteCount" INTEGER NOT NULL DEFAULT 0,
    "statusBeforeBlock" TEXT,
    "answeredAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Question_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "LiveRoom" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Question_programmeItemId_fkey" FOREIGN KEY ("programmeItemId") REFERENCES "ProgrammeItem" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Question" ("answeredAt", "createdAt", "displayName", "flagged", "id", "participantId", "pinned", "roomId", "status", "statusBeforeBlock", "text", "updatedAt", "upvoteCount") SELECT "answeredAt", "createdAt", "displayName", "flagged", "id", "participantId", "pinned", "roomId", "status", "statusBeforeBlock", "text", "updatedAt", "upvoteCount" FROM "Question";
DROP TABLE "Question";
ALTER TABLE "new_Question" RENAME TO "Question";
CREATE INDEX "Question_roomId_status_idx" ON "Question"("roomId", "status");
CREATE INDEX "Question_programmeItemId_idx" ON "Question"("programmeItemId");
CREATE TABLE "new_Poll" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roomId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "programmeItemId" TEXT,
    "kind" TEXT NOT NULL,
    "maxChoices" INTEGER,
    "scaleMax" INTEGER,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "resultsVisibility" TEXT NOT NULL DEFAULT 'LIVE',
    "position" INTEGER NOT NULL DEFAULT 0,
    "openedAt" DATETIME,
    "closedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Poll_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "LiveRoom" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Poll_programmeItemId_fkey" FOREIGN KEY ("programmeItemId") REFERENCES "ProgrammeItem" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Poll" ("closedAt", "createdAt", "id", "kind", "maxChoices", "openedAt", "position", "resultsVisibility", "roomId", "scaleMax", "status", "title", "updatedAt") SELECT "closedAt", "createdAt", "id", "kind", "maxChoices", "openedAt", "position", "resultsVisibility", "roomId", "scaleMax", "status", "title", "updatedAt" FROM "Poll";
DROP TABLE "Poll";
ALTER TABLE "new_Poll" RENAME TO "Poll";
CREATE INDEX "Poll_roomId_idx" ON "Poll"("roomId");
CREATE INDEX "Poll_programmeItemId_idx" ON "Poll"("programmeItemId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

