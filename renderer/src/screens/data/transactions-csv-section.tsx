/**
 * The transactions CSV section (column mapping, presets, import progress, export) is built on
 * the csv:* calls, which land with the CSV work; until then this card says where to go instead.
 */
export function TransactionsCsvSection() {
  return (
    <section className="card" aria-labelledby="tx-csv-title" data-testid="transactions-csv">
      <h2 id="tx-csv-title">Transactions</h2>
      <p className="muted">
        Importing your broker’s CSV of transactions, and exporting yours, arrives with the next update. Until then,
        record transactions on the Transactions screen.
      </p>
    </section>
  );
}
