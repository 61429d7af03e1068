// The dashboard's URL search params: how many days back the figures look.
import { z } from 'zod';

export const DASHBOARD_WINDOWS = [7, 30, 90] as const;
export type DashboardWindow = (typeof DASHBOARD_WINDOWS)[number];
/** A month shows a trend without a crowded daily axis. */
export const DEFAULT_DASHBOARD_WINDOW: DashboardWindow = 30;

const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** An unknown window falls back to the default instead of failing the page. */
export const dashboardParamsSchema = z.object({
  days: z.preprocess(
    firstValue,
    z.coerce
      .number()
      .refine((days): days is DashboardWindow => (DASHBOARD_WINDOWS as readonly number[]).includes(days))
      .catch(DEFAULT_DASHBOARD_WINDOW),
  ),
});
