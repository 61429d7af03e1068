// Keeps an unresolved record's state in step with its candidates: "to review" while one is open, else
// "no match: decide". Called wherever candidates disappear behind a record's back (a customer deleted).
import { appendAuditEvent } from '../db/queries/audit';
import { lockIncoming, setIncomingStatus } from '../db/queries/incoming';
import { countOpenCandidates } from '../db/queries/matches';
import { isOpen, openState } from '../domain/resolution';
import type { ServiceContext } from './context';

/** Re-derives matched / no_match for these records (each locked in turn); audits every change. */
export async function refreshOpenStates(ctx: ServiceContext, incomingIds: number[], reason: string): Promise<void> {
  for (const id of [...new Set(incomingIds)].sort((a, b) => a - b)) {
    const incoming = await lockIncoming(ctx.db, id);
    if (!incoming || !isOpen(incoming.processingStatus)) continue;
    const next = openState(await countOpenCandidates(ctx.db, id));
    if (next === incoming.processingStatus) continue;
    await setIncomingStatus(ctx.db, id, next);
    await appendAuditEvent(ctx.db, {
      actor: ctx.actor,
      action: `incoming.${next}`,
      entityType: 'incoming_customer',
      entityId: String(id),
      before: { status: incoming.processingStatus },
      after: { status: next, reason },
      requestId: ctx.requestId,
    });
  }
}
