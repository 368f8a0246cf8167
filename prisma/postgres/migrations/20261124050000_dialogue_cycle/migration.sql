-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "minutes" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "minutesPublishedAt" TIMESTAMP(3),
ADD COLUMN     "needsPurgedAt" TIMESTAMP(3),
ADD COLUMN     "needsRetentionDays" INTEGER NOT NULL DEFAULT 14,
ADD COLUMN     "personalDataAnonymisedAt" TIMESTAMP(3),
ADD COLUMN     "personalDataRetentionDays" INTEGER NOT NULL DEFAULT 365;

-- AlterTable
ALTER TABLE "Registration" ADD COLUMN     "anonymisedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "MeetingRequest" (
    "id" TEXT NOT NULL,
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
    "privacyConsentAt" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'RECEIVED',
    "response" TEXT NOT NULL DEFAULT '',
    "programmeItemId" TEXT,
    "organisationId" TEXT,
    "decidedAt" TIMESTAMP(3),
    "anonymisedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MeetingRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingRequestUpdate" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "message" TEXT NOT NULL DEFAULT '',
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MeetingRequestUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CitizenInput" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "theme" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "phase" TEXT NOT NULL,
    "name" TEXT,
    "email" TEXT,
    "emailNormalized" TEXT,
    "phone" TEXT,
    "privacyConsentAt" TIMESTAMP(3),
    "locale" TEXT NOT NULL DEFAULT 'nb',
    "hiddenAt" TIMESTAMP(3),
    "anonymisedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CitizenInput_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FollowUpItem" (
    "id" TEXT NOT NULL,
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
    "statusChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FollowUpItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FollowUpUpdate" (
    "id" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FollowUpUpdate_pkey" PRIMARY KEY ("id")
);

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

-- AddForeignKey
ALTER TABLE "MeetingRequest" ADD CONSTRAINT "MeetingRequest_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingRequest" ADD CONSTRAINT "MeetingRequest_programmeItemId_fkey" FOREIGN KEY ("programmeItemId") REFERENCES "ProgrammeItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingRequest" ADD CONSTRAINT "MeetingRequest_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingRequestUpdate" ADD CONSTRAINT "MeetingRequestUpdate_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "MeetingRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CitizenInput" ADD CONSTRAINT "CitizenInput_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUpItem" ADD CONSTRAINT "FollowUpItem_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUpItem" ADD CONSTRAINT "FollowUpItem_sourceInputId_fkey" FOREIGN KEY ("sourceInputId") REFERENCES "CitizenInput"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUpItem" ADD CONSTRAINT "FollowUpItem_sourceQuestionId_fkey" FOREIGN KEY ("sourceQuestionId") REFERENCES "Question"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUpUpdate" ADD CONSTRAINT "FollowUpUpdate_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "FollowUpItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

