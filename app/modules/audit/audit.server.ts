// The audit log: who changed what, when. Write it in the same transaction as the change.
import { db, type Tx } from "~/utils/db.server";

export type Actor = { id: string | null; email: string };

export const SYSTEM_ACTOR: Actor = { id: null, email: "system" };

export async function audit(
  tx: Tx,
  actor: Actor,
  entry: { action: string; targetType: string; targetId?: string | null; summary: string; details?: unknown },
) {
  await tx.auditLog.create({
    data: {
      actorId: actor.id,
      actorEmail: actor.email,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId ?? null,
      summary: entry.summary.slice(0, 500),
      details: JSON.stringify(entry.details ?? {}),
    },
  });
}

export async function listAuditLog(opts: { take?: number; skip?: number; targetType?: string; q?: string } = {}) {
  const where = {
    ...(opts.targetType ? { targetType: opts.targetType } : {}),
    ...(opts.q ? { OR: [{ summary: { contains: opts.q } }, { actorEmail: { contains: opts.q } }] } : {}),
  };
  const [rows, total] = await Promise.all([
    db().auditLog.findMany({ where, orderBy: { at: "desc" }, take: opts.take ?? 50, skip: opts.skip ?? 0 }),
    db().auditLog.count({ where }),
  ]);
  return { rows, total };
}
