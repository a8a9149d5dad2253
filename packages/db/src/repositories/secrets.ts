/** Server secrets made once and kept in the database (shared by every instance). */
import { eq } from 'drizzle-orm';
import type { Db } from '../database.js';
import { serverSecrets } from '../schema.js';

/** Reads and creates server secrets. */
export function secretsRepository(db: Db) {
  return {
    /**
     * The secret called `name`; stores `candidate` first when there is none.
     * Two instances racing both read the one stored.
     */
    async getOrCreate(name: string, candidate: string, now: Date): Promise<string> {
      await db
        .insert(serverSecrets)
        .values({ name, value: candidate, createdAt: now })
        .onConflictDoNothing({ target: serverSecrets.name });
      const [row] = await db.select().from(serverSecrets).where(eq(serverSecrets.name, name));
      if (!row) throw new Error(`server secret ${name} missing after insert`);
      return row.value;
    },
  };
}
