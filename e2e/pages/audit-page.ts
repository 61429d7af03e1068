import { expect, type Page } from '@playwright/test';

export class AuditPage {
  constructor(readonly page: Page) {}
  async gotoEntity(entityType: string, entityId: number) {
    await this.page.goto(`/audit-log?entity_type=${entityType}&entity_id=${entityId}`);
    await expect(this.page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
  }
  row(action: string) {
    return this.page.locator(`[data-testid="audit-row"][data-action="${action}"]`);
  }
}
