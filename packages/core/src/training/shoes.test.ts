import { describe, expect, it } from 'vitest';
import { SHOE_MILEAGE_CAVEAT, shoeMileage } from './shoes.js';
import { run } from './test-support.js';

describe('shoeMileage', () => {
  it('sums runs per shoe, adds the starting distance and checks the runner’s reminder', () => {
    const runs = [
      run('2024-03-01', 10, { shoe: 'Pegasus' }),
      run('2024-03-02', 12, { shoe: 'Pegasus' }),
      run('2024-03-03', 8, { shoe: 'Trail' }),
      run('2024-03-04', 30, { shoe: 'Pegasus', sport: 'cycling' }),
    ];
    const shoes = shoeMileage(runs, [
      { name: 'Pegasus', reminderKm: 600, startKm: 580 },
      { name: 'Racer', reminderKm: 300 },
    ]);
    const peg = shoes.find((s) => s.name === 'Pegasus');
    expect(peg).toMatchObject({ distanceM: 602000, runs: 2, pastReminder: true });
    expect(peg?.lastUsed).toBe('2024-03-02T07:00:00.000Z');
    expect(shoes.find((s) => s.name === 'Trail')).toMatchObject({
      distanceM: 8000,
      reminderKm: null,
      pastReminder: false,
    });
    expect(shoes.find((s) => s.name === 'Racer')).toMatchObject({ runs: 0, pastReminder: false });
    expect(shoes[0]?.name).toBe('Trail');
  });

  it('says plainly that mileage-based replacement is weak evidence', () => {
    expect(SHOE_MILEAGE_CAVEAT).toMatch(/weak evidence/);
    expect(SHOE_MILEAGE_CAVEAT).toMatch(/no study links shoe mileage to back pain/);
  });
});
