import type {
  TransactionInput,
  TransactionPageQuery,
  TransactionRow,
  TransactionSort,
} from '../../shared/api/transaction-schemas';
import type { Db } from './connection';
import { buildTransactionSearchIndex, SEARCH_SEPARATOR, type TransactionSearchIndex } from './transaction-search-index';

const SELECT = `
  SELECT t.id, t.date, t.time, a.name AS account, t.type, t.symbol, t.quantity, t.price, t.fee, t.amount,
         t.currency, t.fx_rate AS fxRate, t.note
  FROM transactions t JOIN accounts a ON a.id = t.account_id`;

// What each sortable column orders by. Numbers are decimal text: compared as numbers, blanks last
// in either direction; names case-insensitively. Ties go by date, then id, in the same direction.
const ORDER: Record<TransactionSort, { key: string; blank: string | null }> = {
  date: { key: 't.date', blank: null },
  account: { key: 'a.name COLLATE NOCASE', blank: null },
  type: { key: 't.type', blank: null },
  symbol: { key: 't.symbol', blank: 't.symbol' },
  quantity: { key: 'CAST(t.quantity AS REAL)', blank: 't.quantity' },
  price: { key: 'CAST(t.price AS REAL)', blank: 't.price' },
  fee: { key: 'CAST(t.fee AS REAL)', blank: 't.fee' },
  amount: { key: 'CAST(t.amount AS REAL)', blank: 't.amount' },
  note: { key: 't.note COLLATE NOCASE', blank: null },
};

function orderBy(sort: TransactionSort, dir: 'asc' | 'desc', scan: boolean): string {
  const { key, blank } = ORDER[sort];
  const d = dir === 'asc' ? 'ASC' : 'DESC';
  // `+t.date` keeps SQLite from walking the date index for the order (see pageIdsSql).
  if (sort === 'date') return `${scan ? '+' : ''}t.date ${d}, t.id ${d}`;
  return `${blank ? `${blank} IS NULL, ` : ''}${key} ${d}, t.date ${d}, t.id ${d}`;
}

/** The text a search looks for, as rows' text is compared with it; '' when there is none. */
function searchText(query: TransactionPageQuery): string {
  return query.search?.trim().toLowerCase() ?? '';
}

/** The WHERE clause of a page query and its parameters, from the filter's fields that are set. */
function where(query: TransactionPageQuery): { sql: string; params: Record<string, string>; needsAccounts: boolean } {
  const parts: string[] = [];
  const params: Record<string, string> = {};
  if (query.account) {
    parts.push('t.account_id = (SELECT id FROM accounts WHERE name = @account)');
    params.account = query.account;
  }
  if (query.symbol) {
    parts.push('t.symbol = @symbol');
    params.symbol = query.symbol.toUpperCase();
  }
  if (query.type) {
    parts.push('t.type = @type');
    params.type = query.type;
  }
  if (query.from) {
    parts.push('t.date >= @from');
    params.from = query.from;
  }
  if (query.to) {
    parts.push('t.date <= @to');
    params.to = query.to;
  }
  const search = searchText(query);
  if (search) {
    // The words the table shows for a row: symbol, note, account and type.
    parts.push(`instr(lower(coalesce(t.symbol, '') || ' ' || t.note || ' ' || a.name || ' ' || t.type), @search) > 0`);
    params.search = search;
  }
  return {
    sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '',
    params,
    needsAccounts: search !== undefined && search !== '',
  };
}

/**
 * The ids matching the query, in its order. A search reads every row's text, so the table is
 * read straight through and the matches sorted: walking the date index in order instead reads
 * 50,000 rows one lookup at a time, about twice as slow (issue 20's search, 30 ms against 15).
 * Without a search, the newest-first list reads the index and sorts nothing.
 */
export function pageIdsSql(query: TransactionPageQuery): { sql: string; params: Record<string, string> } {
  const filter = where(query);
  const join = filter.needsAccounts || query.sort === 'account' ? ' JOIN accounts a ON a.id = t.account_id' : '';
  const order = orderBy(query.sort, query.dir, filter.needsAccounts);
  return { sql: `SELECT t.id FROM transactions t${join} ${filter.sql} ORDER BY ${order}`, params: filter.params };
}

export function createTransactionsRepo(db: Db) {
  const all = db.prepare<[], TransactionRow>(`${SELECT} ORDER BY t.date, t.id`);
  const income = db.prepare<[], TransactionRow>(
    `${SELECT} WHERE t.type IN ('dividend', 'interest', 'tax') ORDER BY t.date, t.id`,
  );
  const byId = db.prepare<[number], TransactionRow>(`${SELECT} WHERE t.id = ?`);
  const accountId = db.prepare<[string], { id: number }>('SELECT id FROM accounts WHERE name = ?');
  const ensureInstrument = db.prepare<[string, string]>(
    'INSERT INTO instruments (symbol, currency) VALUES (?, ?) ON CONFLICT (symbol) DO NOTHING',
  );
  const insert = db.prepare(`
    INSERT INTO transactions (id, account_id, date, time, type, symbol, quantity, price, fee, amount, currency, fx_rate, note, created_at)
    VALUES (@id, @accountId, @date, @time, @type, @symbol, @quantity, @price, @fee, @amount, @currency, @fxRate, @note, @createdAt)`);
  const update = db.prepare(`
    UPDATE transactions SET account_id = @accountId, date = @date, time = @time, type = @type, symbol = @symbol,
      quantity = @quantity, price = @price, fee = @fee, amount = @amount, currency = @currency,
      fx_rate = @fxRate, note = @note
    WHERE id = @id`);
  const remove = db.prepare<[number]>('DELETE FROM transactions WHERE id = ?');

  // One prepared statement per shape of query (filters set, sort, direction): a few dozen at most.
  const statements = new Map<string, ReturnType<Db['prepare']>>();
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  const countAll = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM transactions');
  const byIds = db.prepare<[string], TransactionRow>(`${SELECT} WHERE t.id IN (SELECT value FROM json_each(?))`);
  // Any change by this connection (total_changes) or another (data_version) drops the orders.
  const changes = db.prepare<[], { n: number }>('SELECT total_changes() AS n');
  // Unsearched orders and searches apart, so that a few searches typed one letter at a time do
  // not push out the order the searches are filtered from.
  const orders = new Map<string, Float64Array>();
  const searches = new Map<string, Float64Array>();
  let ordersStamp = '';

  // undefined: not built since the last change; null: cannot be built (see the index).
  let searchIndex: TransactionSearchIndex | null | undefined;

  /** Forgets the orders and the search index when the database has changed since they were made. */
  function checkStamp(): void {
    const stamp = `${String(db.pragma('data_version', { simple: true }))}|${changes.get()?.n ?? 0}`;
    if (stamp !== ordersStamp) {
      orders.clear();
      searches.clear();
      searchIndex = undefined;
      ordersStamp = stamp;
    }
  }

  const orderKey = (query: TransactionPageQuery) => {
    const { sql, params } = pageIdsSql(query);
    return { sql, params, key: `${sql}|${JSON.stringify(params)}` };
  };

  /**
   * A search's matches in the order of the same filter without the search, when the table has
   * that order already (it shows it before anyone types): the index says which rows match in a
   * few ms and the order is kept, so nothing is read or sorted. Otherwise SQL does it all.
   */
  function searchedIds(query: TransactionPageQuery, search: string): Float64Array | null {
    if (search.includes(SEARCH_SEPARATOR)) return null;
    const unsearched = orders.get(orderKey({ ...query, search: undefined }).key);
    if (!unsearched) return null;
    if (searchIndex === undefined) searchIndex = buildTransactionSearchIndex(db);
    const matched = searchIndex?.matching(search);
    if (!matched) return null;
    return unsearched.filter((id) => matched.has(id));
  }

  function orderedIds(query: TransactionPageQuery): Float64Array {
    checkStamp();
    const { sql, params, key } = orderKey(query);
    const search = searchText(query);
    const kept = search ? searches : orders;
    let ids = kept.get(key);
    if (!ids) {
      ids =
        (search ? searchedIds(query, search) : null) ??
        Float64Array.from(prepared(sql).pluck().all(params) as number[]);
      // A few orders at once (the table's current one, and the one before a sort click).
      if (kept.size >= 4) kept.clear();
      kept.set(key, ids);
    }
    return ids;
  }

  function params(input: TransactionInput, id: number | null, createdAt: string) {
    const account = accountId.get(input.account);
    if (!account) throw new UnknownAccountError(input.account);
    if (input.symbol) ensureInstrument.run(input.symbol, input.currency);
    return { ...input, fxRate: input.fxRate ?? null, id, accountId: account.id, createdAt };
  }

  return {
    all: (): TransactionRow[] => all.all(),
    /** The dividend, interest and tax records, for the income view. */
    income: (): TransactionRow[] => income.all(),
    /**
     * One page of the rows matching the query, how many match, and how many there are. The
     * matching ids are put in order once per filter and sort and kept until the database
     * changes: scrolling then reads a page by id (milliseconds) instead of sorting, or skipping
     * with OFFSET, hundreds of thousands of rows for each page (2 s deep in 500,000).
     */
    page(query: TransactionPageQuery): { rows: TransactionRow[]; total: number; all: number } {
      const ids = orderedIds(query);
      const pageIds = ids.slice(query.offset, query.offset + query.limit);
      const found = new Map(byIds.all(JSON.stringify(Array.from(pageIds))).map((row) => [row.id, row]));
      const rows = Array.from(pageIds, (id) => found.get(id)).filter((row) => row !== undefined);
      return { rows, total: ids.length, all: countAll.get()?.n ?? 0 };
    },
    /**
     * Where the row `id` stands in the query's order (0-based), or null when the filter leaves it
     * out: the table scrolls to a row it has just added or edited by reading the page around it.
     */
    position(query: TransactionPageQuery, id: number): number | null {
      const index = orderedIds(query).indexOf(id);
      return index < 0 ? null : index;
    },
    /**
     * Builds the search index ahead of the first search (tens of ms at 50,000 rows), for a quiet
     * moment after the table has loaded; a change to the database drops it again.
     */
    warmSearch(): void {
      if (!db.open) return;
      checkStamp();
      if (searchIndex === undefined) searchIndex = buildTransactionSearchIndex(db);
    },
    get: (id: number): TransactionRow | undefined => byId.get(id),
    /** `id` is given only when restoring a deleted row, so undo puts it back where it was. */
    insert(input: TransactionInput, createdAt: string, id: number | null = null): number {
      return Number(insert.run(params(input, id, createdAt)).lastInsertRowid);
    },
    update(id: number, input: TransactionInput): boolean {
      return update.run(params(input, id, '')).changes > 0;
    },
    remove: (id: number): boolean => remove.run(id).changes > 0,
  };
}

export class UnknownAccountError extends Error {
  constructor(readonly account: string) {
    super(`There is no account named "${account}".`);
    this.name = 'UnknownAccountError';
  }
}
