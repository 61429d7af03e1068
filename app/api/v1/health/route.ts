import { json, route } from '@/lib/http/handler';
import { getDatabaseHandle } from '@/lib/db';
import { ensureReady } from '@/lib/services/bootstrap';
import { checkHealth } from '@/lib/services/health';
import { unsupportedMethods } from '@/lib/http/methods';

export const dynamic = 'force-dynamic';

export const GET = route({ scope: null }, async () => {
  const report = await checkHealth(async () => {
    await ensureReady();
    return getDatabaseHandle();
  });
  return json(report, { status: report.status === 'healthy' ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = unsupportedMethods('GET');
