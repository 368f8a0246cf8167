-- CreateTable
CREATE TABLE "OrgSettings" (
    "id" TEXT NOT NULL DEFAULT 'org',
    "orgNameNb" TEXT NOT NULL DEFAULT '',
    "orgNameNn" TEXT NOT NULL DEFAULT '',
    "orgNameEn" TEXT NOT NULL DEFAULT '',
    "unitNameNb" TEXT NOT NULL DEFAULT '',
    "unitNameNn" TEXT NOT NULL DEFAULT '',
    "unitNameEn" TEXT NOT NULL DEFAULT '',
    "contactEmail" TEXT NOT NULL DEFAULT '',
    "contactPhone" TEXT NOT NULL DEFAULT '',
    "postalAddress" TEXT NOT NULL DEFAULT '',
    "dataController" TEXT NOT NULL DEFAULT '',
    "privacyEmail" TEXT NOT NULL DEFAULT '',
    "mailSenderName" TEXT NOT NULL DEFAULT '',
    "mailSignatureNb" TEXT NOT NULL DEFAULT '',
    "mailSignatureNn" TEXT NOT NULL DEFAULT '',
    "mailSignatureEn" TEXT NOT NULL DEFAULT '',
    "districts" TEXT NOT NULL DEFAULT '[]',
    "defaultVenueCity" TEXT NOT NULL DEFAULT '',
    "brandColor" TEXT NOT NULL DEFAULT '',
    "logo" BYTEA,
    "logoType" TEXT NOT NULL DEFAULT '',
    "shareImage" BYTEA,
    "shareImageType" TEXT NOT NULL DEFAULT '',
    "a11yLastCheckedOn" TIMESTAMP(3),
    "a11yNonConformities" TEXT NOT NULL DEFAULT '',
    "a11yStatementUrl" TEXT NOT NULL DEFAULT '',
    "a11yComplaintUrl" TEXT NOT NULL DEFAULT 'https://www.uutilsynet.no/',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OrgSettings_pkey" PRIMARY KEY ("id")
);

