import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { AppError } from '../errors';
import { customerInputSchema } from '../schemas/customer';

const session = vi.hoisted(() => ({ uiActionContext: vi.fn() }));
vi.mock('./session', () => session);
vi.mock('../logger', () => ({ logger: () => ({ error: vi.fn() }), safeError: (error: unknown) => error }));

const { stewardAction, validatedAction, withFormState } = await import('./steward-action');

const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(entries)) data.append(key, value);
  return data;
};

const ctx = { db: {} as never, actor: 'dana' };

beforeEach(() => {
  session.uiActionContext.mockReset().mockResolvedValue(ctx);
});

describe('stewardAction', () => {
  it('parses the form, passes the steward context and returns the service result', async () => {
    const action = stewardAction('review', z.object({ note: z.string() }), async (context, input) => ({ actor: context.actor, note: input.note }));
    expect(await action(form({ note: 'checked' }))).toEqual({ ok: true, data: { actor: 'dana', note: 'checked' } });
    expect(session.uiActionContext).toHaveBeenCalledWith('review');
  });

  it('says which scope is missing, and flags a conflict so the form can offer a reload', async () => {
    const action = stewardAction('review', z.object({}), async () => {
      throw new AppError('conflict', 'Someone else decided first.');
    });
    expect(await action(form({}))).toEqual({ ok: false, conflict: true, message: 'Someone else decided first.' });
    session.uiActionContext.mockRejectedValue(new AppError('forbidden', 'Your API key lacks the "review" scope needed here (it has: read).'));
    expect(await action(form({}))).toMatchObject({ ok: false, conflict: false, message: expect.stringContaining('lacks the "review" scope') });
  });

  it('hides what broke on our side behind the fallback', async () => {
    const action = stewardAction('write', z.object({}), async () => {
      throw new Error('relation "customers" does not exist');
    }, { fallback: 'Matching failed on our side.' });
    expect(await action(form({}))).toEqual({ ok: false, conflict: false, message: 'Matching failed on our side.' });
  });

  it('with labelled fields: reads only those fields, and phrases each problem beside its field', async () => {
    const run = vi.fn(async (_context: unknown, record: z.output<typeof customerInputSchema>) => record);
    const action = stewardAction('write', customerInputSchema, run, { fields: { company_name: 'Company name', email: 'Email' } });
    expect(await action(form({ email: 'not-an-email' }))).toEqual({
      ok: false,
      conflict: false,
      message: 'Some fields need attention; see the messages beside them.',
      fieldErrors: { company_name: 'Company name must not be empty', email: 'Email must be a valid email address' },
    });
    const stored = await action(form({ company_name: 'Acme', source_id: 'crafted', date_of_birth: '1980-01-01' }));
    expect(stored).toMatchObject({ ok: true, data: { companyName: 'Acme', sourceId: null, dateOfBirth: null } });
  });
});

describe('validatedAction', () => {
  const signIn = (failure: unknown) =>
    validatedAction(z.object({ apiKey: z.string({ message: 'Paste your API key' }).min(1, 'Paste your API key') }), async () => {
      throw failure;
    }, { errorField: 'apiKey', fallback: 'Signing in failed on our side.' });

  it('needs no session, and puts invalid input and errors the steward can fix beside the one field', async () => {
    expect(await signIn(null)(form({}))).toEqual({ ok: false, conflict: false, message: 'Paste your API key', fieldErrors: { apiKey: 'Paste your API key' } });
    const refused = await signIn(new AppError('unauthorized', 'The API key is unknown or revoked'))(form({ apiKey: 'cm_x' }));
    expect(refused).toEqual({ ok: false, conflict: false, message: 'The API key is unknown or revoked', fieldErrors: { apiKey: 'The API key is unknown or revoked' } });
    expect(session.uiActionContext).not.toHaveBeenCalled();
  });

  it('keeps a failure on our side above the form', async () => {
    expect(await signIn(new AppError('service_unavailable', 'The database is unreachable'))(form({ apiKey: 'cm_x' }))).toEqual({ ok: false, conflict: false, message: 'The database is unreachable' });
    expect(await signIn(new Error('boom'))(form({ apiKey: 'cm_x' }))).toEqual({ ok: false, conflict: false, message: 'Signing in failed on our side.' });
  });
});

describe('withFormState', () => {
  it('takes useActionState arguments and ignores the previous state', async () => {
    const action = withFormState(validatedAction(z.object({ name: z.string() }), async ({ name }) => name));
    expect(await action({ ok: true, data: 'before' }, form({ name: 'after' }))).toEqual({ ok: true, data: 'after' });
  });
});
