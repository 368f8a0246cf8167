-- CreateTable
CREATE TABLE "PollHiddenWord" (
    "pollId" TEXT NOT NULL,
    "word" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PollHiddenWord_pkey" PRIMARY KEY ("pollId","word")
);

-- AddForeignKey
ALTER TABLE "PollHiddenWord" ADD CONSTRAINT "PollHiddenWord_pollId_fkey" FOREIGN KEY ("pollId") REFERENCES "Poll"("id") ON DELETE CASCADE ON UPDATE CASCADE;

