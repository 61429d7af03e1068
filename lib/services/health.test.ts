import { describe, expect, it } from 'vitest';
import { checkHealth } from './health';

describe('checkHealth', () => {
  it('reports unhealthy without leaking the failure when the database cannot be opened', async () => {
    const report = await checkHealth(async () => {
      throw new Error('connect ECONNREFUSED 127.0.0.1:5999 password=secret');
    });
    expect(report.status).toBe('unhealthy');
    expect(report.database_connected).toBe(false);
    expect(JSON.stringify(report)).not.toMatch(/ECONNREFUSED|secret/);
    expect(report.embedding_provider).toEqual({ name: 'local', configured: true });
  });
});
