import {
  afterFailedLogin,
  afterSuccessfulLogin,
  isLocked,
  LOCKOUT_MINUTES,
  LOCKOUT_THRESHOLD,
} from './login-lockout.rule';

describe('login lockout', () => {
  const now = new Date('2026-03-01T10:00:00Z');

  it.each([
    [0, 1, false],
    [LOCKOUT_THRESHOLD - 2, LOCKOUT_THRESHOLD - 1, false],
    [LOCKOUT_THRESHOLD - 1, 0, true],
  ])('after %i failures, one more gives count %i, locked %s', (before, count, locked) => {
    const state = afterFailedLogin({ failedLoginCount: before, lockedUntil: null }, now);
    expect(state.failedLoginCount).toBe(count);
    expect(isLocked(state, now)).toBe(locked);
  });

  it('unlocks after the lockout period', () => {
    const locked = afterFailedLogin(
      { failedLoginCount: LOCKOUT_THRESHOLD - 1, lockedUntil: null },
      now,
    );
    expect(isLocked(locked, new Date(now.getTime() + LOCKOUT_MINUTES * 60_000 - 1))).toBe(true);
    expect(isLocked(locked, new Date(now.getTime() + LOCKOUT_MINUTES * 60_000))).toBe(false);
  });

  it('a success clears the count', () => {
    expect(afterSuccessfulLogin()).toEqual({ failedLoginCount: 0, lockedUntil: null });
  });
});
