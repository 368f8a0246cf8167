// For a test file that needs a database of its own (for example because it counts every row of
// a table): registers hooks that create one, make it the process's database, and drop it after.
import { afterAll, beforeAll } from "vitest";
import { dbFlavour, setDb, type Db } from "~/utils/db.server";
import { connectDatabase } from "../server/db";
import { createTestDatabase, type TestDatabase } from "./databases";

export function useOwnDatabase(label: string) {
  let own: TestDatabase | undefined;
  let client: Db | undefined;
  beforeAll(async () => {
    own = await createTestDatabase(dbFlavour(), label);
    client = await connectDatabase(own.url);
    setDb(client, dbFlavour());
  });
  afterAll(async () => {
    await client?.$disconnect();
    await own?.drop();
  });
}
