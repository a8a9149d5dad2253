/** The audit log: action names and ids, never health data. */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../database.js';
import { auditLog } from '../schema.js';

/** A stored audit entry. */
export type AuditRow = typeof auditLog.$inferSelect;

/** Appends to and reads the audit log. */
export function auditRepository(db: Db) {
  return {
    async record(entry: {
      userId: string | null;
      action: string;
      targetId?: string;
      at: Date;
    }): Promise<void> {
      await db.insert(auditLog).values({
        userId: entry.userId,
        action: entry.action,
        targetId: entry.targetId ?? null,
        at: entry.at,
      });
    },
    async listForUser(userId: string): Promise<AuditRow[]> {
      return db
        .select()
        .from(auditLog)
        .where(eq(auditLog.userId, userId))
        .orderBy(asc(auditLog.at));
    },
  };
}
/** The audit repository. */
export type AuditRepository = ReturnType<typeof auditRepository>;
