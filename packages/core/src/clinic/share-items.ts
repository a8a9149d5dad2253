/**
 * What a runner can share with a clinic, item by item, and its wording.
 * Pure data and string functions with no imports, so the web may import it
 * (eslint.config.js allows these names).
 */
/** The items a runner can share with a clinic, each consented separately. */
export const SHARE_ITEMS = ['assessment', 'plan', 'checkins', 'training'] as const;
/** One shareable item. */
export type ShareItem = (typeof SHARE_ITEMS)[number];
/** What a runner shares: one switch per item. */
export type ShareScopes = Record<ShareItem, boolean>;

/** Each shareable item in words, as the runner and the clinician read it. */
export const SHARE_ITEM_LABELS: Record<ShareItem, string> = {
  assessment: 'assessment',
  plan: 'plan',
  checkins: 'check-ins',
  training: 'imported training',
};

/** An item id in words; an unknown id as it is. */
export function shareItemLabel(id: string): string {
  const item = SHARE_ITEMS.find((i) => i === id);
  return item === undefined ? id : SHARE_ITEM_LABELS[item];
}

/** The items shared, in words ("assessment, plan"); "nothing" when none. */
export function describeShared(scopes: ShareScopes): string {
  const items = SHARE_ITEMS.filter((item) => scopes[item]).map((item) => SHARE_ITEM_LABELS[item]);
  return items.length === 0 ? 'nothing' : items.join(', ');
}
