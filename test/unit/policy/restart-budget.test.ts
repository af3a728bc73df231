import { describe, expect, it } from 'vitest';
import { createRestartBudget } from '../../../main/core/policy';

describe('createRestartBudget (3 restarts a minute)', () => {
  it('restarts three crashes within a minute and refuses the fourth', () => {
    const budget = createRestartBudget();
    expect([0, 1_000, 2_000, 3_000].map((t) => budget.allowRestart(t))).toEqual([true, true, true, false]);
  });

  it('keeps refusing while the crash loop goes on', () => {
    const budget = createRestartBudget();
    for (const t of [0, 10, 20, 30]) budget.allowRestart(t);
    expect(budget.allowRestart(59_000)).toBe(false);
  });

  it('allows a restart again once old crashes leave the window', () => {
    const budget = createRestartBudget();
    for (const t of [0, 1_000, 2_000]) budget.allowRestart(t);
    expect(budget.allowRestart(60_000)).toBe(true); // the crash at 0 has left the window
    expect(budget.allowRestart(60_500)).toBe(false); // 1 000, 2 000, 60 000, 60 500
  });

  it('treats crashes a minute or more apart as unrelated', () => {
    const budget = createRestartBudget();
    for (let i = 0; i < 20; i += 1) expect(budget.allowRestart(i * 60_000)).toBe(true);
  });

  it('forgets everything on reset', () => {
    const budget = createRestartBudget();
    for (const t of [0, 1, 2, 3]) budget.allowRestart(t);
    budget.reset();
    expect(budget.allowRestart(4)).toBe(true);
  });

  it('honours other limits', () => {
    const budget = createRestartBudget(1, 1_000);
    expect(budget.allowRestart(0)).toBe(true);
    expect(budget.allowRestart(999)).toBe(false);
  });
});
