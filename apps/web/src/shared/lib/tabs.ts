/**
 * Which tab of the phone's bottom tab bar a page belongs to, so the bar
 * highlights it on every route, including the ones under another path
 * (`/plans/:id` is the Plan tab, `/training/activities/:id` Training).
 */

/** The tabs of the bottom tab bar, in order. */
export const TAB_PATHS = ['/today', '/plan', '/check-in', '/training', '/account'] as const;

/** One tab of the bottom tab bar, named by its path. */
export type TabPath = (typeof TAB_PATHS)[number];

/** Path patterns of each tab, first match wins (more specific before less). */
const ROUTES: readonly (readonly [RegExp, TabPath])[] = [
  [/^\/today(\/|$)/, '/today'],
  [/^\/plans\/[^/]+\/(check-in|progress)(\/|$)/, '/check-in'],
  [/^\/(check-in|progress)(\/|$)/, '/check-in'],
  [/^\/plans?(\/|$)/, '/plan'],
  [/^\/assessment\/[^/]+\/plan(\/|$)/, '/plan'],
  [/^\/training(\/|$)/, '/training'],
  [/^\/(account|appointments|reminders)(\/|$)/, '/account'],
];

/** The tab a path belongs to, or null for pages of no tab (the start page, the assessment). */
export function activeTab(pathname: string): TabPath | null {
  for (const [pattern, tab] of ROUTES) if (pattern.test(pathname)) return tab;
  return null;
}
