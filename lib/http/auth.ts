// Who is calling: an API key from Authorization: Bearer, or (when AUTH_MODE is open) an anonymous
// caller with every scope, identified by its address for rate limiting.
import { authRequired } from '../env';
import { AppError } from '../errors';
import { API_SCOPES, hasScope, verifyApiKey, type ApiScope, type Principal } from '../services/api-keys';
import type { Database } from '../db/client';
import { guardAuthentication } from './auth-failures';
import { clientAddress } from './client-address';

export async function authenticate(request: Request, db: () => Promise<Database>): Promise<Principal> {
  const header = request.headers.get('authorization');
  const address = clientAddress(request.headers);
  if (header) {
    return guardAuthentication(address, async () => {
      const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
      if (!match) throw new AppError('unauthorized', 'Send the API key as "Authorization: Bearer <key>"');
      return verifyApiKey(await db(), match[1]);
    });
  }
  if (authRequired()) {
    throw new AppError('unauthorized', 'This API needs a key: send "Authorization: Bearer <key>" (create one with npm run api-keys -- create)');
  }
  return { id: `anonymous:${address}`, actor: 'anonymous', scopes: API_SCOPES };
}

export function requireScope(principal: Principal, scope: ApiScope): void {
  if (!hasScope(principal, scope)) {
    throw new AppError('forbidden', `This API key lacks the "${scope}" scope needed here (it has: ${principal.scopes.join(', ') || 'none'})`);
  }
}
