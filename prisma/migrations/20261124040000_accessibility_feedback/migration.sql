-- CreateTable
CREATE TABLE "AccessibilityFeedback" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "message" TEXT NOT NULL,
    "pageUrl" TEXT,
    "contactName" TEXT,
    "contactEmail" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'nb',
    "handledAt" DATETIME,
    "handledBy" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "AccessibilityFeedback_handledAt_createdAt_idx" ON "AccessibilityFeedback"("handledAt", "createdAt");

