// Merge by block: an address or a contact moves as one unit, so a merge never writes half of one
// address beside half of another. Pure; the service writes the patch and the UI previews it.

/** Blocks of business fields (camelCase, as stored), in the order a steward reads them. */
export const MERGE_BLOCKS = {
  company_name: ['companyName'],
  contact: ['contactName', 'email', 'phone'],
  address: ['addressLine1', 'addressLine2', 'city', 'state', 'postalCode', 'country'],
  website: ['website'],
  industry: ['industry'],
  revenue: ['revenue'],
  employee_count: ['employeeCount'],
  description: ['description'],
} as const;

export type MergeBlock = keyof typeof MERGE_BLOCKS;
export type MergeField = (typeof MERGE_BLOCKS)[MergeBlock][number];
export const MERGE_BLOCK_NAMES = Object.keys(MERGE_BLOCKS) as MergeBlock[];

export const MERGE_BLOCK_LABELS: Record<MergeBlock, string> = {
  company_name: 'Company name',
  contact: 'Contact (name, email, phone)',
  address: 'Address (street, line 2, city, state, postal code, country)',
  website: 'Website',
  industry: 'Industry',
  revenue: 'Revenue',
  employee_count: 'Employees',
  description: 'Description',
};

/** The API's snake_case name of each field (audit snapshots and stored resolutions use these). */
export const MERGE_FIELD_API_NAMES: Record<MergeField, string> = {
  companyName: 'company_name', contactName: 'contact_name', email: 'email', phone: 'phone', addressLine1: 'address_line1',
  addressLine2: 'address_line2', city: 'city', state: 'state', postalCode: 'postal_code', country: 'country', website: 'website',
  industry: 'industry', revenue: 'revenue', employeeCount: 'employee_count', description: 'description',
};

/** The block a single field name belongs to, for a message that says what to send instead. */
export function blockOfField(snakeField: string): MergeBlock | undefined {
  return MERGE_BLOCK_NAMES.find((block) => MERGE_BLOCKS[block].some((field) => MERGE_FIELD_API_NAMES[field] === snakeField));
}

export function mergeFieldOfApiName(apiName: string): MergeField | undefined {
  return (Object.keys(MERGE_FIELD_API_NAMES) as MergeField[]).find((field) => MERGE_FIELD_API_NAMES[field] === apiName);
}

export function blockFieldNames(block: MergeBlock): string[] {
  return MERGE_BLOCKS[block].map((field) => MERGE_FIELD_API_NAMES[field]);
}

export type MergeValue = string | number | null;
export type MergeRecord = { [F in MergeField]?: MergeValue | undefined };

const present = (value: MergeValue | undefined): boolean => value !== null && value !== undefined && String(value).trim() !== '';

export function blockHasValue(record: MergeRecord, block: MergeBlock): boolean {
  return MERGE_BLOCKS[block].some((field) => present(record[field]));
}

/** Case and spacing do not make a block "different". */
function sameBlock(a: MergeRecord, b: MergeRecord, block: MergeBlock): boolean {
  const text = (value: MergeValue | undefined) => (present(value) ? String(value).trim().toLowerCase().replace(/\s+/g, ' ') : '');
  return MERGE_BLOCKS[block].every((field) => text(a[field]) === text(b[field]));
}

export interface BlockChoice {
  block: MergeBlock;
  /** Ticked by default: the customer has nothing in this block and the incoming record has something. */
  preselected: boolean;
}

/** Blocks a merge could take: the incoming record has something there that differs from the customer's. */
export function blockChoices(customer: MergeRecord, incoming: MergeRecord): BlockChoice[] {
  return MERGE_BLOCK_NAMES.filter((block) => blockHasValue(incoming, block) && !sameBlock(customer, incoming, block)).map((block) => ({
    block,
    preselected: !blockHasValue(customer, block),
  }));
}

/** Without a choice, the incoming record fills only the blocks the customer has nothing in. */
export function defaultBlocks(customer: MergeRecord, incoming: MergeRecord): MergeBlock[] {
  return blockChoices(customer, incoming).filter((choice) => choice.preselected).map((choice) => choice.block);
}

/**
 * The fields a merge writes: every field of each chosen block takes the incoming value (an empty one
 * too, so the block stays one address), and only fields whose value changes are listed.
 */
export function mergePatch(customer: MergeRecord, incoming: MergeRecord, blocks: readonly MergeBlock[]): Partial<Record<MergeField, MergeValue>> {
  const patch: Partial<Record<MergeField, MergeValue>> = {};
  for (const block of blocks) {
    if (!blockHasValue(incoming, block)) continue;
    for (const field of MERGE_BLOCKS[block]) {
      const value = present(incoming[field]) ? incoming[field]! : null;
      const current = present(customer[field]) ? customer[field]! : null;
      if (value !== current) patch[field] = value;
    }
  }
  return patch;
}

/** The customer as the merge would leave it. */
export function mergedRecord<R extends MergeRecord>(customer: R, incoming: MergeRecord, blocks: readonly MergeBlock[]): R {
  return { ...customer, ...mergePatch(customer, incoming, blocks) };
}

/** Only the mergeable fields of a stored row: what a client component may be handed (no embeddings). */
export function mergeRecordOf(row: { [F in MergeField]?: MergeValue | undefined }): MergeRecord {
  const record: MergeRecord = {};
  for (const block of MERGE_BLOCK_NAMES) for (const field of MERGE_BLOCKS[block]) record[field] = row[field] ?? null;
  return record;
}
