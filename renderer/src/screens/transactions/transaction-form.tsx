import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import type { TransactionRow } from '../../../../shared/api/transaction-schemas';
import type { ApiError } from '../../../../shared/api/errors';
import type { TransactionType } from '../../../../shared/domain/transaction';
import { useCreateTransaction, useUpdateTransaction } from '../../api/hooks';
import { describeTransaction } from './describe-transaction';
import { FIELDS_BY_TYPE, fieldLabel, fieldProps, type FieldName } from './transaction-fields';
import { TypeOptions } from './type-options';
import { validateDraft, type Draft } from './validate-transaction';

function todayLocal(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

function draftFrom(row: TransactionRow | null, accounts: { name: string; currency: string }[]): Draft {
  const account = row?.account ?? accounts[0]?.name ?? '';
  return {
    date: row?.date ?? todayLocal(),
    time: row?.time ?? '',
    account,
    type: row?.type ?? 'buy',
    symbol: row?.symbol ?? '',
    quantity: row?.quantity ?? '',
    price: row?.price ?? '',
    fee: row?.fee ?? '',
    amount: row?.amount ?? '',
    currency: row?.currency ?? accounts.find((a) => a.name === account)?.currency ?? 'USD',
    fxRate: row?.fxRate ?? '',
    note: row?.note ?? '',
  };
}

interface Props {
  accounts: { name: string; currency: string }[];
  editing: TransactionRow | null;
  /** After a save: the message to show and the row as saved, to scroll to. */
  onDone: (message: string, row: TransactionRow) => void;
  onCancel: () => void;
}

export function TransactionForm({ accounts, editing, onDone, onCancel }: Props) {
  const [draft, setDraft] = useState<Draft>(() => draftFrom(editing, accounts));
  const [touched, setTouched] = useState<Set<string>>(() => new Set(editing ? Object.keys(draft) : []));
  const [submitted, setSubmitted] = useState(false);
  const create = useCreateTransaction();
  const update = useUpdateTransaction();
  const saving = create.isPending || update.isPending;
  const serverError = (create.error ?? update.error) as ApiError | Error | null;
  const ids = useId();
  // Opening the form moves focus into it (its first field), so Esc and typing reach it at once.
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('input, select')?.focus();
  }, []);

  const today = todayLocal();
  const validation = useMemo(
    () =>
      validateDraft(
        draft,
        accounts.map((a) => a.name),
        today,
      ),
    [draft, accounts, today],
  );
  const visible = FIELDS_BY_TYPE[draft.type as TransactionType] ?? [];
  const accountCurrency = accounts.find((a) => a.name === draft.account)?.currency ?? null;
  const tradeCurrency = draft.currency.trim().toUpperCase();
  // Only a trade in another currency than its account's has a rate to give.
  const crossCurrency =
    accountCurrency !== null && /^[A-Z]{3}$/.test(tradeCurrency) && tradeCurrency !== accountCurrency;
  const show = (field: string) =>
    submitted || touched.has(field) ? validation.problems[field as keyof Draft] : undefined;

  function set(field: keyof Draft, value: string) {
    setDraft((d) => {
      const next = { ...d, [field]: value };
      if (field === 'account') next.currency = accounts.find((a) => a.name === value)?.currency ?? d.currency;
      if (field === 'type')
        for (const f of ['symbol', 'quantity', 'price', 'fee', 'amount'] as FieldName[])
          if (!FIELDS_BY_TYPE[value as TransactionType].includes(f)) next[f] = '';
      return next;
    });
    setTouched((t) => new Set(t).add(field));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (!validation.value) return;
    // A rate left in the field after the currency or account changed to match means nothing.
    const value = crossCurrency ? validation.value : { ...validation.value, fxRate: null };
    const done = (verb: string) => (row: TransactionRow) => onDone(`${verb} ${describeTransaction(row)}.`, row);
    if (editing) update.mutate({ id: editing.id, transaction: value }, { onSuccess: done('Saved') });
    else create.mutate(value, { onSuccess: done('Added') });
  }

  const input = (field: keyof Draft, label: string, props: Record<string, string> = {}, help?: string) => {
    const problem = show(field);
    const described = [problem ? `${ids}-${field}-error` : '', help ? `${ids}-${field}-help` : ''].join(' ').trim();
    return (
      <div className="field" key={field}>
        <label htmlFor={`${ids}-${field}`}>{label}</label>
        <input
          id={`${ids}-${field}`}
          value={draft[field]}
          aria-invalid={problem ? true : undefined}
          aria-describedby={described === '' ? undefined : described}
          onChange={(e) => set(field, e.target.value)}
          onBlur={() => setTouched((t) => new Set(t).add(field))}
          {...props}
        />
        {help && (
          <span className="field-help" id={`${ids}-${field}-help`}>
            {help}
          </span>
        )}
        {problem && (
          <span className="field-problem" id={`${ids}-${field}-error`}>
            {problem}
          </span>
        )}
      </div>
    );
  };

  return (
    <form
      ref={formRef}
      className="tx-form card"
      onSubmit={submit}
      noValidate
      aria-labelledby={`${ids}-title`}
      // Esc leaves the form as Cancel does, from any field in it.
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <h2 id={`${ids}-title`}>{editing ? `Edit ${describeTransaction(editing)}` : 'New transaction'}</h2>
      <div className="tx-grid">
        {input('date', 'Date', { type: 'date' })}
        <div className="field">
          <label htmlFor={`${ids}-type`}>Type</label>
          <select id={`${ids}-type`} value={draft.type} onChange={(e) => set('type', e.target.value)}>
            <TypeOptions />
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-account`}>Account</label>
          <select id={`${ids}-account`} value={draft.account} onChange={(e) => set('account', e.target.value)}>
            {accounts.map((a) => (
              <option key={a.name} value={a.name}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        {visible.map((field) =>
          input(
            field,
            fieldLabel(draft.type as TransactionType, field),
            fieldProps(draft.type as TransactionType, field),
          ),
        )}
        {input('currency', 'Currency', { maxLength: '3' })}
        {crossCurrency &&
          input(
            'fxRate',
            'Exchange rate (optional)',
            { inputMode: 'decimal', placeholder: `${accountCurrency} per 1 ${tradeCurrency}` },
            `${accountCurrency} per 1 ${tradeCurrency}, as your broker charged it. Left empty, the day's cached rate is used.`,
          )}
        {input('time', 'Time (optional)', { placeholder: 'HH:MM' })}
        {input('note', 'Note')}
      </div>
      <p className="form-problem" role="alert">
        {(submitted && validation.problems.form) || (serverError ? serverError.message : '')}
      </p>
      <div className="form-actions">
        <button type="submit" disabled={saving}>
          {saving ? 'Saving…' : editing ? 'Save changes' : 'Add transaction'}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
