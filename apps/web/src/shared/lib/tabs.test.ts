import { describe, expect, it } from 'vitest';
import { activeTab } from './tabs.js';

describe('activeTab', () => {
  it.each([
    ['/today', '/today'],
    ['/today/session', '/today'],
    ['/plan', '/plan'],
    ['/plans/0d5e', '/plan'],
    ['/assessment/abc/plan', '/plan'],
    ['/check-in', '/check-in'],
    ['/plans/0d5e/check-in', '/check-in'],
    ['/progress', '/check-in'],
    ['/plans/0d5e/progress', '/check-in'],
    ['/training', '/training'],
    ['/training/activities/42', '/training'],
    ['/account', '/account'],
    ['/appointments/7', '/account'],
    ['/reminders/off', '/account'],
    ['/', null],
    ['/assessment/abc', null],
    ['/report/abc', null],
    ['/planner', null],
    ['/todays', null],
  ])('%s is the %s tab', (path, tab) => {
    expect(activeTab(path)).toBe(tab);
  });
});
