-- CreateTable
CREATE TABLE "AccessibilityFeedback" (
    "id" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "pageUrl" TEXT,
    "contactName" TEXT,
    "contactEmail" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'nb',
    "handledAt" TIMESTAMP(3),
    "handledBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AccessibilityFeedback_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AccessibilityFeedback_handledAt_createdAt_idx" ON "AccessibilityFeedback"("handledAt", "createdAt");

