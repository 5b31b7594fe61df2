/** Consecutive failures that lock an account, and for how long. */
export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_MINUTES = 15;

export interface LoginAttemptState {
  failedLoginCount: number;
  lockedUntil: Date | null;
}

export function isLocked(state: LoginAttemptState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

/** After a failure: count it, and lock when the threshold is reached (the count then restarts). */
export function afterFailedLogin(state: LoginAttemptState, now: Date): LoginAttemptState {
  const failedLoginCount = state.failedLoginCount + 1;
  if (failedLoginCount >= LOCKOUT_THRESHOLD) {
    return { failedLoginCount: 0, lockedUntil: new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) };
  }
  return { failedLoginCount, lockedUntil: state.lockedUntil };
}

export function afterSuccessfulLogin(): LoginAttemptState {
  return { failedLoginCount: 0, lockedUntil: null };
}
