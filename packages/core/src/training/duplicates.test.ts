import { describe, expect, it } from 'vitest';
import { findDuplicates, isDuplicate, mergeDuplicates } from './duplicates.js';
import { run } from './test-support.js';

describe('duplicates', () => {
  const fit = run('2024-03-03', 10, { time: '07:00:00', avgHeartRateBpm: 150, file: 'watch.fit' });
  const gpx = run('2024-03-03', 10.15, {
    time: '07:01:30',
    source: 'gpx',
    shoe: 'Pegasus',
    name: 'Morning Run',
    file: 'strava.gpx',
  });
  const other = run('2024-03-03', 10, { time: '07:05:00', source: 'gpx' });

  it('matches start within 2 min and distance within 2%', () => {
    expect(isDuplicate(fit, gpx)).toBe(true);
    expect(isDuplicate(fit, other)).toBe(false);
    expect(isDuplicate(fit, { ...gpx, distanceM: 10300 })).toBe(false);
    expect(findDuplicates([fit, other, gpx])).toEqual([[fit.id, gpx.id]]);
  });

  it('merges into the richest recording and fills gaps from the others', () => {
    const { activities, merged } = mergeDuplicates([gpx, other, fit]);
    expect(activities).toHaveLength(2);
    const kept = activities.find((a) => a.id === fit.id);
    expect(kept).toMatchObject({
      source: 'fit',
      shoe: 'Pegasus',
      name: 'Morning Run',
      avgHeartRateBpm: 150,
    });
    expect(kept?.warnings.join(' ')).toMatch(/strava\.gpx/);
    expect(merged).toEqual([{ keptId: fit.id, mergedIds: [gpx.id] }]);
    expect(fit.warnings).toEqual([]);
  });

  it('treats the same content imported twice as one', () => {
    expect(mergeDuplicates([fit, { ...fit }]).activities).toHaveLength(1);
  });

  it('merges a flood of copies of one run into one, naming only a few of them', () => {
    // 20,000 identical rows, as in a hostile export: each is compared with a
    // bounded number of neighbours, so this stays linear (it was quadratic).
    const copies = Array.from({ length: 20_000 }, (_, i) =>
      run('2024-03-03', 10, { source: 'strava', file: `row-${String(i)}.csv` }),
    );
    const { activities, merged } = mergeDuplicates(copies);
    expect(activities).toHaveLength(1);
    expect(merged[0]?.mergedIds).toHaveLength(19_999);
    const warning = activities[0]?.warnings.at(-1) ?? '';
    expect(warning).toMatch(/19999 other import\(s\).*and 19994 more/);
    expect(warning.length).toBeLessThan(300);
  });

  it('still tells apart runs that start close together but differ in distance', () => {
    const a = run('2024-03-03', 5, { time: '07:00:00' });
    const b = run('2024-03-03', 12, { time: '07:00:30' });
    const c = run('2024-03-03', 5.05, { time: '07:01:00' });
    expect(findDuplicates([a, b, c])).toEqual([[a.id, c.id]]);
  });
});
