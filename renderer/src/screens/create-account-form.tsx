import { useState, type FormEvent } from 'react';
import { calls } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';
import { useCreateAccount } from '../api/hooks';
import './create-account-form.css';

const CURRENCIES = ['USD', 'EUR', 'GBP', 'CHF', 'CAD', 'AUD', 'JPY', 'SEK', 'NOK', 'DKK'];

/** Validates as the user types with the very schema main will apply, so the two never disagree. */
function validate(name: string, currency: string): string | null {
  const result = calls['accounts:create'].input.safeParse({ name, currency });
  return result.success ? null : (result.error.issues[0]?.message ?? 'Check the form.');
}

export function CreateAccountForm() {
  const [name, setName] = useState('');
  const [currency, setCurrency] = useState('USD');
  const [touched, setTouched] = useState(false);
  const create = useCreateAccount();
  const problem = validate(name, currency);
  const serverError =
    create.error instanceof ApiError ? create.error.message : create.error ? String(create.error) : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (problem) return;
    create.mutate(
      { name, currency },
      {
        onSuccess: () => {
          setName('');
          setTouched(false);
        },
      },
    );
  }

  return (
    <form className="create-account" onSubmit={submit} noValidate aria-label="Create an account">
      <div className="field">
        <label htmlFor="account-name">Account name</label>
        <input
          id="account-name"
          value={name}
          placeholder="e.g. Brokerage"
          autoComplete="off"
          aria-invalid={touched && problem !== null}
          aria-describedby="account-error"
          onChange={(event) => {
            setName(event.target.value);
            setTouched(true);
          }}
        />
      </div>
      <div className="field">
        <label htmlFor="account-currency">Currency</label>
        <select id="account-currency" value={currency} onChange={(event) => setCurrency(event.target.value)}>
          {CURRENCIES.map((code) => (
            <option key={code} value={code}>
              {code}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" disabled={create.isPending}>
        {create.isPending ? 'Creating…' : 'Create account'}
      </button>
      <p id="account-error" className="field-error" role="alert">
        {(touched && problem) || serverError || ''}
      </p>
    </form>
  );
}
