/** Accounts. */
import { eq } from 'drizzle-orm';
import type { Db } from '../database.js';
import { users } from '../schema.js';

/** A stored account. */
export type UserRow = typeof users.$inferSelect;

/** Reads and writes accounts. */
export function usersRepository(db: Db) {
  return {
    /** Creates an account; undefined when the email is already taken. */
    async create(input: {
      email: string;
      passwordHash: string;
      now: Date;
    }): Promise<UserRow | undefined> {
      const [row] = await db
        .insert(users)
        .values({ email: input.email, passwordHash: input.passwordHash, createdAt: input.now })
        .onConflictDoNothing({ target: users.email })
        .returning();
      return row;
    },
    async findById(id: string): Promise<UserRow | undefined> {
      const [row] = await db.select().from(users).where(eq(users.id, id));
      return row;
    },
    async findByEmail(email: string): Promise<UserRow | undefined> {
      const [row] = await db.select().from(users).where(eq(users.email, email));
      return row;
    },
    /** Replaces the account's password hash. */
    async setPasswordHash(id: string, passwordHash: string): Promise<void> {
      await db.update(users).set({ passwordHash }).where(eq(users.id, id));
    },
    /** Sets the runner's time zone and daily check-in reminder hour (null: off). */
    async setReminders(
      id: string,
      settings: { timeZone: string | null; checkInReminderHour: number | null },
    ): Promise<UserRow | undefined> {
      const [row] = await db.update(users).set(settings).where(eq(users.id, id)).returning();
      return row;
    },
    /** Deletes the account and, by cascade, every row that belongs to it. True when it existed. */
    async delete(id: string): Promise<boolean> {
      const deleted = await db.delete(users).where(eq(users.id, id)).returning({ id: users.id });
      return deleted.length > 0;
    },
  };
}
/** The accounts repository. */
export type UsersRepository = ReturnType<typeof usersRepository>;
