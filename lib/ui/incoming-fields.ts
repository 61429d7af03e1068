// The submit form's fields: the names of customerInputSchema (the API's body), with labels and input hints.
export interface IncomingFieldSpec {
  name: string;
  label: string;
  type?: 'text' | 'email' | 'tel' | 'url' | 'number' | 'textarea';
  autoComplete?: string;
  required?: boolean;
  /** Spans the whole row on wide screens. */
  wide?: boolean;
}

export const INCOMING_FIELDS: readonly IncomingFieldSpec[] = [
  { name: 'company_name', label: 'Company name', required: true, autoComplete: 'organization', wide: true },
  { name: 'contact_name', label: 'Contact name', autoComplete: 'name' },
  { name: 'email', label: 'Email', type: 'email', autoComplete: 'email' },
  { name: 'phone', label: 'Phone', type: 'tel', autoComplete: 'tel' },
  { name: 'website', label: 'Website', autoComplete: 'url' },
  { name: 'address_line1', label: 'Address line 1', autoComplete: 'address-line1' },
  { name: 'address_line2', label: 'Address line 2', autoComplete: 'address-line2' },
  { name: 'city', label: 'City', autoComplete: 'address-level2' },
  { name: 'state', label: 'State / province', autoComplete: 'address-level1' },
  { name: 'postal_code', label: 'Postal code', autoComplete: 'postal-code' },
  { name: 'country', label: 'Country', autoComplete: 'country' },
  { name: 'industry', label: 'Industry' },
  { name: 'revenue', label: 'Annual revenue', type: 'number' },
  { name: 'employee_count', label: 'Employees', type: 'number' },
  { name: 'description', label: 'Description', type: 'textarea', wide: true },
];

export const INCOMING_FIELD_NAMES = INCOMING_FIELDS.map((field) => field.name);

export const INCOMING_FIELD_LABELS: Record<string, string> = Object.fromEntries(INCOMING_FIELDS.map((field) => [field.name, field.label]));

/** A record that the demo data's "Acme Corporation" should match: typos and formatting differ, keys agree. */
export const EXAMPLE_INCOMING: Record<string, string> = {
  company_name: 'ACME Corp.',
  contact_name: 'Jon Smith',
  email: 'john.smith@acme.com',
  phone: '(555) 0101',
  website: 'acme.com',
  address_line1: '123 Main St',
  address_line2: '',
  city: 'New York',
  state: 'NY',
  postal_code: '10001',
  country: 'USA',
  industry: 'Manufacturing',
  revenue: '50000000',
  employee_count: '250',
  description: 'Industrial equipment maker',
};
