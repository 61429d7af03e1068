// Steward sign-in forms (the web UI's /login): an API key when keys are required, a display name when open.
import { z } from 'zod';

export const signInSchema = z.object({
  apiKey: z.string({ message: 'Paste your API key' }).trim().min(1, 'Paste your API key (create one with npm run api-keys -- create)').max(200, 'That is longer than any API key'),
  from: z.string().optional(),
});

export const stewardNameSchema = z.object({
  name: z.string({ message: 'Enter a name' }).trim().min(1, 'Enter the name your decisions are recorded under').max(40, 'Use at most 40 characters'),
  from: z.string().optional(),
});
