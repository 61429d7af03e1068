import { json, route } from '@/lib/http/handler';
import { unsupportedMethods } from '@/lib/http/methods';
import { appHealth } from '@/lib/services/health';

export const dynamic = 'force-dynamic';

/** 200 when healthy or degraded (serving; `problems` says what is slow), 503 when the database is unreachable. */
export const GET = route({ scope: null }, async () => {
  const report = await appHealth();
  return json(report, { status: report.status === 'unhealthy' ? 503 : 200, headers: { 'Cache-Control': 'no-store' } });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = unsupportedMethods('GET');
