-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN "messageId" TEXT;

-- CreateTable
CREATE TABLE "EventSeries" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "rule" TEXT NOT NULL DEFAULT '{}',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "StaffUser" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "passwordHash" TEXT,
    "oidcIssuer" TEXT,
    "oidcSubject" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "inviteTokenHash" TEXT,
    "inviteExpiresAt" DATETIME,
    "lastSignInAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "StaffSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "staffId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "userAgent" TEXT,
    CONSTRAINT "StaffSession_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "StaffUser" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorEmail" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT,
    "summary" TEXT NOT NULL,
    "details" TEXT NOT NULL DEFAULT '{}'
);

-- CreateTable
CREATE TABLE "AttendeeMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "authorId" TEXT,
    "authorEmail" TEXT NOT NULL,
    "segment" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "recipientCount" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AttendeeMessage_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE
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
    "publishedAt" DATETIME,
    "cancelledAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Event_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "EventSeries" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Event" ("capacity", "confirmedCount", "createdAt", "description", "district", "endsAt", "id", "kind", "livestreamUrl", "privacyNotice", "registrationClosesAt", "registrationOpensAt", "sequence", "slug", "startsAt", "status", "summary", "title", "updatedAt", "venueAddress", "venueCity", "venueName", "venuePostcode") SELECT "capacity", "confirmedCount", "createdAt", "description", "district", "endsAt", "id", "kind", "livestreamUrl", "privacyNotice", "registrationClosesAt", "registrationOpensAt", "sequence", "slug", "startsAt", "status", "summary", "title", "updatedAt", "venueAddress", "venueCity", "venueName", "venuePostcode" FROM "Event";
DROP TABLE "Event";
ALTER TABLE "new_Event" RENAME TO "Event";
CREATE UNIQUE INDEX "Event_slug_key" ON "Event"("slug");
CREATE INDEX "Event_seriesId_idx" ON "Event"("seriesId");
CREATE INDEX "Event_status_startsAt_idx" ON "Event"("status", "startsAt");
CREATE TABLE "new_Registration" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "token" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "emailNormalized" TEXT NOT NULL,
    "phone" TEXT,
    "organisation" TEXT,
    "newsletterConsent" BOOLEAN NOT NULL DEFAULT false,
    "privacyConsentAt" DATETIME NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'nb',
    "icsSequence" INTEGER NOT NULL DEFAULT 0,
    "waitingSince" DATETIME,
    "promotedAt" DATETIME,
    "cancelledAt" DATETIME,
    "checkInCode" TEXT,
    "checkedInAt" DATETIME,
    "checkedInById" TEXT,
    "source" TEXT NOT NULL DEFAULT 'PUBLIC',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Registration_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Registration" ("cancelledAt", "createdAt", "email", "emailNormalized", "eventId", "icsSequence", "id", "locale", "name", "newsletterConsent", "organisation", "phone", "privacyConsentAt", "promotedAt", "status", "token", "updatedAt", "waitingSince") SELECT "cancelledAt", "createdAt", "email", "emailNormalized", "eventId", "icsSequence", "id", "locale", "name", "newsletterConsent", "organisation", "phone", "privacyConsentAt", "promotedAt", "status", "token", "updatedAt", "waitingSince" FROM "Registration";
DROP TABLE "Registration";
ALTER TABLE "new_Registration" RENAME TO "Registration";
CREATE UNIQUE INDEX "Registration_token_key" ON "Registration"("token");
CREATE UNIQUE INDEX "Registration_checkInCode_key" ON "Registration"("checkInCode");
CREATE INDEX "Registration_eventId_status_waitingSince_idx" ON "Registration"("eventId", "status", "waitingSince");
CREATE UNIQUE INDEX "Registration_eventId_emailNormalized_key" ON "Registration"("eventId", "emailNormalized");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "EventSeries_slug_key" ON "EventSeries"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "StaffUser_email_key" ON "StaffUser"("email");

-- CreateIndex
CREATE UNIQUE INDEX "StaffUser_inviteTokenHash_key" ON "StaffUser"("inviteTokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "StaffUser_oidcIssuer_oidcSubject_key" ON "StaffUser"("oidcIssuer", "oidcSubject");

-- CreateIndex
CREATE INDEX "StaffSession_staffId_idx" ON "StaffSession"("staffId");

-- CreateIndex
CREATE INDEX "StaffSession_expiresAt_idx" ON "StaffSession"("expiresAt");

-- CreateIndex
CREATE INDEX "AuditLog_at_idx" ON "AuditLog"("at");

-- CreateIndex
CREATE INDEX "AuditLog_targetType_targetId_idx" ON "AuditLog"("targetType", "targetId");

-- CreateIndex
CREATE INDEX "AttendeeMessage_eventId_idx" ON "AttendeeMessage"("eventId");

-- CreateIndex
CREATE INDEX "OutboxMessage_messageId_status_idx" ON "OutboxMessage"("messageId", "status");

