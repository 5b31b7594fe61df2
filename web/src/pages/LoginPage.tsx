import { useState } from 'react';
import type { FormEvent } from 'react';
import { signIn } from '../api/client';
import { ErrorSummary } from '../components/Feedback';
import { TextField } from '../components/Fields';
import { Page } from '../components/Page';

export function LoginPage({
  notice,
  onSignedIn,
}: {
  notice?: string;
  onSignedIn(): Promise<void>;
}) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(email.trim(), password);
      await onSignedIn();
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  return (
    <Page title="Sign in">
      {notice ? <p className="notice">{notice}</p> : null}
      <form className="narrow" onSubmit={(event) => void submit(event)} noValidate>
        <ErrorSummary error={error} title="Could not sign you in" />
        <TextField
          label="Email address"
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <TextField
          label="Password"
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </Page>
  );
}
