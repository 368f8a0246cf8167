-- AlterTable
ALTER TABLE "Registration" ADD COLUMN "anonymisedAt" DATETIME;

-- CreateTable
CREATE TABLE "MeetingRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "token" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "eventId" TEXT,
    "district" TEXT,
    "organisationName" TEXT NOT NULL,
    "organisationNumber" TEXT,
    "contactName" TEXT NOT NULL,
    "contactEmail" TEXT NOT NULL,
    "contactEmailNormalized" TEXT NOT NULL,
    "contactPhone" TEXT,
    "topic" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "preferredTime" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'nb',
    "privacyConsentAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'RECEIVED',
    "response" TEXT NOT NULL DEFAULT '',
    "programmeItemId" TEXT,
    "organisationId" TEXT,
    "decidedAt" DATETIME,
    "anonymisedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "MeetingRequest_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "MeetingRequest_programmeItemId_fkey" FOREIGN KEY ("programmeItemId") REFERENCES "ProgrammeItem" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "MeetingRequest_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MeetingRequestUpdate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "requestId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "message" TEXT NOT NULL DEFAULT '',
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MeetingRequestUpdate_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "MeetingRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CitizenInput" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "theme" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "phase" TEXT NOT NULL,
    "name" TEXT,
    "email" TEXT,
    "emailNormalized" TEXT,
    "phone" TEXT,
    "privacyConsentAt" DATETIME,
    "locale" TEXT NOT NULL DEFAULT 'nb',
    "hiddenAt" DATETIME,
    "anonymisedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CitizenInput_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FollowUpItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "responsibleUnit" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'REGISTERED',
    "statusReason" TEXT NOT NULL DEFAULT '',
    "publicAnswer" TEXT NOT NULL DEFAULT '',
    "sourceInputId" TEXT,
    "sourceQuestionId" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,
    "statusChangedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "FollowUpItem_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "FollowUpItem_sourceInputId_fkey" FOREIGN KEY ("sourceInputId") REFERENCES "CitizenInput" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "FollowUpItem_sourceQuestionId_fkey" FOREIGN KEY ("sourceQuestionId") REFERENCES "Question" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FollowUpUpdate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "itemId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "FollowUpUpdate_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "FollowUpItem" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Event" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "district" TEXT,
    "venueName" TEXT NOT NULL,
    "venueAddress" TEXT NOT NULL,
    "venuePostcode" TEXT NOT NULL,
    "venueCity" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "capacity" INTEGER,
    "confirmedCount" INTEGER NOT NULL DEFAULT 0,
    "registrationOpensAt" DATETIME,
    "registrationClosesAt" DATETIME,
    "livestreamUrl" TEXT,
    "privacyNotice" TEXT NOT NULL DEFAULT '',
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "seriesId" TEXT,
    "reminderHoursBefore" INTEGER DEFAULT 24,
    "reminderSentAt" DATETIME,
    "minutes" TEXT NOT NULL DEFAULT '',
    "minutesPublishedAt" DATETIME,
    "needsRetentionDays" INTEGER NOT NULL DEFAULT 14,
    "personalDataRetentionDays" INTEGER NOT NULL DEFAULT 365,
    "needsPurgedAt" DATETIME,
    "personalDataAnonymisedAt" DATETIME,
    "publishedAt" DATETIME,
    "cancelledAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Event_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "EventSeries" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Event" ("cancelledAt", "capacity", "confirmedCount", "createdAt", "description", "district", "endsAt", "id", "kind", "livestreamUrl", "privacyNotice", "publishedAt", "registrationClosesAt", "registrationOpensAt", "reminderHoursBefore", "reminderSentAt", "sequence", "seriesId", "slug", "startsAt", "status", "summary", "title", "updatedAt", "venueAddress", "venueCity", "venueName", "venuePostcode") SELECT "cancelledAt", "capacity", "confirmedCount", "createdAt", "description", "district", "endsAt", "id", "kind", "livestreamUrl", "privacyNotice", "publishedAt", "registrationClosesAt", "registrationOpensAt", "reminderHoursBefore", "reminderSentAt", "sequence", "seriesId", "slug", "startsAt", "status", "summary", "title", "updatedAt", "venueAddress", "venueCity", "venueName", "venuePostcode" FROM "Event";
DROP TABLE "Event";
ALTER TABLE "new_Event" RENAME TO "Event";
CREATE UNIQUE INDEX "Event_slug_key" ON "Event"("slug");
CREATE INDEX "Event_seriesId_idx" ON "Event"("seriesId");
CREATE INDEX "Event_status_startsAt_idx" ON "Event"("status", "startsAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "MeetingRequest_token_key" ON "MeetingRequest"("token");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingRequest_programmeItemId_key" ON "MeetingRequest"("programmeItemId");

-- CreateIndex
CREATE INDEX "MeetingRequest_status_createdAt_idx" ON "MeetingRequest"("status", "createdAt");

-- CreateIndex
CREATE INDEX "MeetingRequest_contactEmailNormalized_idx" ON "MeetingRequest"("contactEmailNormalized");

-- CreateIndex
CREATE INDEX "MeetingRequestUpdate_requestId_at_idx" ON "MeetingRequestUpdate"("requestId", "at");

-- CreateIndex
CREATE INDEX "CitizenInput_eventId_theme_idx" ON "CitizenInput"("eventId", "theme");

-- CreateIndex
CREATE INDEX "CitizenInput_emailNormalized_idx" ON "CitizenInput"("emailNormalized");

-- CreateIndex
CREATE UNIQUE INDEX "FollowUpItem_sourceInputId_key" ON "FollowUpItem"("sourceInputId");

-- CreateIndex
CREATE UNIQUE INDEX "FollowUpItem_sourceQuestionId_key" ON "FollowUpItem"("sourceQuestionId");

-- CreateIndex
CREATE INDEX "FollowUpItem_eventId_position_idx" ON "FollowUpItem"("eventId", "position");

-- CreateIndex
CREATE INDEX "FollowUpUpdate_itemId_at_idx" ON "FollowUpUpdate"("itemId", "at");

