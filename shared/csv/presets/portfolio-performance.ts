// Portfolio Performance's CSV export of account and portfolio transactions (File › Export › CSV),
// with English or German headers. PP writes the booked cash value per row; Tiltfolio keeps
// per-share prices, so trades get their price back as (value ∓ fees and taxes) ÷ shares.
import type { TransactionType } from '../../domain/transaction';
import { Decimal } from '../../engine/decimal';
import type { NumberFormat } from '../number-format';
import type { Cells, Draft, Preset, SourceColumn } from '../preset-types';
import { readWord, wordTable } from '../type-words';

type Key =
  | 'date'
  | 'time'
  | 'type'
  | 'value'
  | 'currency'
  | 'shares'
  | 'fees'
  | 'taxes'
  | 'ticker'
  | 'isin'
  | 'wkn'
  | 'securityName'
  | 'note'
  | 'securitiesAccount'
  | 'cashAccount'
  | 'grossAmount'
  | 'grossCurrency'
  | 'exchangeRate';

type Language = 'en' | 'de' | 'fr' | 'es' | 'it' | 'nl';

// PP's own header names (CSVColumn_* in name.abuchen.portfolio/messages_*.properties), then
// older or hand-made alternatives. PP writes one language, the user's; each preset reads them all.
const HEADERS: Record<Key, Partial<Record<Language, string>> & { other?: readonly string[] }> = {
  date: { en: 'Date', de: 'Datum', fr: 'Date', es: 'Fecha', it: 'Data', nl: 'Datum' },
  // PP writes the time into the date cell; a separate column comes from hand-made files.
  time: { en: 'Time', de: 'Uhrzeit' },
  type: { en: 'Type', de: 'Typ', fr: 'Type', es: 'Tipo', it: 'Tipo', nl: 'Transactietype' },
  value: { en: 'Value', de: 'Wert', fr: 'Valeur', es: 'Valor', it: 'Valore', nl: 'Waarde (netto)' },
  currency: {
    en: 'Transaction Currency',
    de: 'Buchungswährung',
    fr: "Devise de l'opération",
    es: 'Divisa de la transacción',
    // PP's Italian name has two spaces.
    it: 'Valuta  Operazione',
    nl: 'Transactievaluta',
    other: ['Valuta Operazione', 'Currency', 'Währung'],
  },
  shares: { en: 'Shares', de: 'Stück', fr: 'Parts', es: 'Cantidad', it: 'Azioni', nl: 'Aantal' },
  fees: { en: 'Fees', de: 'Gebühren', fr: 'Frais', es: 'Comisiones', it: 'Commissioni', nl: 'Kosten' },
  taxes: { en: 'Taxes', de: 'Steuern', fr: 'Impôts / Taxes', es: 'Impuestos', it: 'Tasse', nl: 'Belasting' },
  ticker: {
    en: 'Ticker Symbol',
    de: 'Ticker-Symbol',
    fr: 'Symbole boursier',
    es: 'Símbolo del ticker',
    it: 'Simbolo Titolo',
    nl: 'Tickersymbool',
    other: ['Symbol'],
  },
  isin: { en: 'ISIN', de: 'ISIN', fr: 'ISIN', es: 'ISIN', it: 'ISIN', nl: 'ISIN' },
  wkn: { en: 'WKN', de: 'WKN', fr: 'WKN', es: 'WKN', it: 'WKN', nl: 'WKN' },
  securityName: {
    en: 'Security Name',
    de: 'Wertpapiername',
    fr: 'Nom du titre',
    es: 'Nombre del valor',
    it: 'Nome Titolo',
    nl: 'Effect',
    other: ['Wertpapier'],
  },
  note: { en: 'Note', de: 'Notiz', fr: 'Note', es: 'Nota', it: 'Note', nl: 'Opmerking' },
  // PP exports one file per account and names no account column; these come from hand-made files.
  securitiesAccount: { en: 'Securities Account', de: 'Depot', other: ['Wertpapierdepot'] },
  cashAccount: { en: 'Cash Account', de: 'Konto', other: ['Referenzkonto', 'Account'] },
  // The gross value in the security's currency and PP's rate, for a trade or dividend in another
  // currency than the account's (CSVColumn_GrossAmount, _CurrencyGrossAmount, _ExchangeRate).
  grossAmount: {
    en: 'Gross Amount',
    de: 'Bruttobetrag',
    fr: 'Montant brut',
    es: 'Valor bruto',
    it: 'Importo Lordo',
    nl: 'Waarde (bruto)',
  },
  grossCurrency: {
    en: 'Currency Gross Amount',
    de: 'Währung Bruttobetrag',
    fr: 'Montant brut en devise',
    es: 'Divisa del importe bruto',
    it: 'Importo lordo valuta',
    nl: 'Valuta (bruto)',
  },
  exchangeRate: {
    en: 'Exchange Rate',
    de: 'Wechselkurs',
    fr: 'Taux de change',
    es: 'Tipo de cambio',
    it: 'Tasso di cambio',
    nl: 'Wisselkoers',
  },
};

const DESCRIPTIONS: Record<Key, { description: string; required?: boolean }> = {
  date: { required: true, description: 'booking date; a time after it is read too' },
  time: { description: 'HH:MM (optional)' },
  type: { required: true, description: 'the PP transaction type (see the table below)' },
  value: { required: true, description: 'the booked cash value; its sign tells a trade from its cash side' },
  currency: { required: true, description: 'ISO code of the value' },
  shares: { description: 'number of shares (trades, deliveries, security transfers)' },
  fees: { description: 'fees charged with the transaction' },
  taxes: { description: 'taxes charged with the transaction' },
  ticker: { description: 'the symbol Tiltfolio keeps' },
  isin: { description: 'used as the symbol when the ticker is empty' },
  wkn: { description: 'used as the symbol when ticker and ISIN are empty' },
  securityName: { description: 'named in messages only' },
  note: { description: 'kept as the note' },
  securitiesAccount: { description: 'the account (preferred)' },
  cashAccount: { description: 'the account otherwise' },
  grossAmount: { description: "the gross value in the security's currency (a trade or dividend in another currency)" },
  grossCurrency: { description: 'the currency of the gross amount' },
  exchangeRate: { description: "account currency per 1 unit of the gross amount's currency: the fx_rate" },
};

const LANGUAGES: readonly Language[] = ['en', 'de', 'fr', 'es', 'it', 'nl'];

/** The columns with `first`'s header names first: the docs show them, and detection counts a match on a first name double. */
function columnsFor(first: Language): Record<Key, SourceColumn> {
  const entries = (Object.keys(HEADERS) as Key[]).map((key) => {
    const names = HEADERS[key];
    const ordered = [first, ...LANGUAGES.filter((l) => l !== first)].flatMap((l) => names[l] ?? []);
    const headers = [...new Set([...ordered, ...(names.other ?? [])])];
    return [key, { ...DESCRIPTIONS[key], headers }];
  });
  return Object.fromEntries(entries) as Record<Key, SourceColumn>;
}

interface PpType {
  type: TransactionType;
  /** Trades and deliveries move shares; they need a symbol and a share count. */
  shares: boolean;
  /** The PP type name kept in the note, where Tiltfolio's type says less than PP's did. */
  keepName?: boolean;
  /**
   * PP names a cash transfer between its cash accounts and a security transfer between its
   * securities accounts alike in most languages: the row's shares tell them apart.
   */
  securityTransfer?: 'transfer_in' | 'transfer_out';
}

const buy: PpType = { type: 'buy', shares: true };
const sell: PpType = { type: 'sell', shares: true };
const dividend: PpType = { type: 'dividend', shares: false };
const deposit: PpType = { type: 'deposit', shares: false };
const withdrawal: PpType = { type: 'withdrawal', shares: false };
const interest: PpType = { type: 'interest', shares: false };
const interestCharge: PpType = { type: 'fee', shares: false, keepName: true };
const fees: PpType = { type: 'fee', shares: false };
const taxes: PpType = { type: 'tax', shares: false };
const refund: PpType = { type: 'interest', shares: false, keepName: true };
const transferIn: PpType = { type: 'deposit', shares: false, keepName: true, securityTransfer: 'transfer_in' };
const transferOut: PpType = { type: 'withdrawal', shares: false, keepName: true, securityTransfer: 'transfer_out' };
const securityIn: PpType = { type: 'transfer_in', shares: true, keepName: true };
const securityOut: PpType = { type: 'transfer_out', shares: true, keepName: true };
const deliveryIn: PpType = { type: 'transfer_in', shares: true };
const deliveryOut: PpType = { type: 'transfer_out', shares: true };

// PP's type names (account.* and portfolio.* in model/labels_*.properties), per language.
const TYPES = wordTable<PpType>({
  // English; "Removal" is what PP wrote before it said "Withdrawal".
  Buy: buy,
  Sell: sell,
  Dividend: dividend,
  Deposit: deposit,
  Withdrawal: withdrawal,
  Removal: withdrawal,
  Interest: interest,
  'Interest Charge': interestCharge,
  Fees: fees,
  Taxes: taxes,
  'Fees Refund': refund,
  'Tax Refund': refund,
  'Transfer (Inbound)': transferIn,
  'Transfer (Outbound)': transferOut,
  'Delivery (Inbound)': deliveryIn,
  'Delivery (Outbound)': deliveryOut,
  // German
  Kauf: buy,
  Verkauf: sell,
  Dividende: dividend,
  Einlage: deposit,
  Entnahme: withdrawal,
  Zinsen: interest,
  Zinsbelastung: interestCharge,
  Gebühren: fees,
  Steuern: taxes,
  Gebührenerstattung: refund,
  Steuerrückerstattung: refund,
  'Umbuchung (Eingang)': transferIn,
  'Umbuchung (Ausgang)': transferOut,
  Einlieferung: deliveryIn,
  Auslieferung: deliveryOut,
  // French
  Achat: buy,
  Vente: sell,
  Dividendes: dividend,
  Dépôt: deposit,
  Retrait: withdrawal,
  Intérêts: interest,
  "Frais d'Intérêts": interestCharge,
  Frais: fees,
  'Impôts / Taxes': taxes,
  'Remboursement de Frais': refund,
  'Remboursement Impôts / Taxes': refund,
  'Transfert (Entrant)': transferIn,
  'Transfert (Sortant)': transferOut,
  'Distribution (Entrante)': deliveryIn,
  'Distribution (Sortante)': deliveryOut,
  // Spanish: cash transfers and security transfers have names of their own.
  Compra: buy,
  Venta: sell,
  Dividendo: dividend,
  Depósito: deposit,
  Retirada: withdrawal,
  Intereses: interest,
  'Cargo por intereses': interestCharge,
  Comisiones: fees,
  Impuestos: taxes,
  'Reembolso de comisiones': refund,
  'Devolución de impuestos': refund,
  'Transferencia (entrada)': transferIn,
  'Transferencia (salida)': transferOut,
  'Traspaso (entrada)': securityIn,
  'Traspaso (salida)': securityOut,
  'Entrega (entrante)': deliveryIn,
  'Entrega (saliente)': deliveryOut,
  // Italian ("Compra" and "Dividendo" as in Spanish)
  Vendi: sell,
  Deposito: deposit,
  Prelievo: withdrawal,
  Interessi: interest,
  'Interessi passivi': interestCharge,
  Commissioni: fees,
  Tasse: taxes,
  'Rimborso commissioni': refund,
  'Rimborso tasse': refund,
  'Trasferimento (in entrata)': transferIn,
  'Trasferimento (in uscita)': transferOut,
  'Trasferimento Titoli (in entrata)': deliveryIn,
  'Trasferimento Titoli (in uscita)': deliveryOut,
  // Dutch ("Dividend" as in English)
  Aankoop: buy,
  Verkoop: sell,
  Storting: deposit,
  Onttrekking: withdrawal,
  Creditrente: interest,
  Debetrente: interestCharge,
  Kosten: fees,
  Belasting: taxes,
  'Terugbetaling kosten': refund,
  Belastingteruggave: refund,
  'Inkomende overboeking': transferIn,
  'Uitgaande overboeking': transferOut,
  'Inkomende levering': deliveryIn,
  'Uitgaande levering': deliveryOut,
});

const EXPECTED =
  'Buy, Sell, Dividend, Deposit, Withdrawal, Interest, Interest Charge, Fees, Fees Refund, Taxes, Tax Refund, ' +
  'Transfer (Inbound/Outbound), Delivery (Inbound/Outbound), or their German, French, Spanish, Italian or Dutch names';

const TIME_CELL = /^(\d{1,2}):([0-5]\d)/;

/** "0", "0.000", "0,00": a share cell that holds nothing. */
function isZero(text: string): boolean {
  return /^[-+]?[0.,\s\u00a0\u202f']*$/.test(text) && /0/.test(text);
}

function ppPreset(name: string, label: string, numberFormat: NumberFormat, language: Language): Preset<Key> {
  return {
    name,
    label,
    builtIn: true,
    delimiter: null,
    dateFormat: 'day-first',
    numberFormat,
    columns: columnsFor(language),
    accountColumns: ['securitiesAccount', 'cashAccount'],
    fieldSources: {
      date: 'date',
      type: 'type',
      quantity: 'shares',
      price: 'value',
      amount: 'value',
      fee: 'fees',
      symbol: 'ticker',
      currency: 'currency',
      fxRate: 'exchangeRate',
      note: 'note',
    },
    notes: [
      "The taxes column of a Buy, Sell, Dividend or Interest row is added to its fee (a trade's taxes in its cost or proceeds, a dividend's withheld tax in its fee). Buy/Sell: price = (value − fees − taxes) ÷ shares, or (value + fees + taxes) ÷ shares for a sale, rounded to 10 decimal places; the amount is left for the ledger to work out.",
      'Dividend and Interest: the amount is the gross (value + fees + taxes) and the fee holds fees + taxes, so cash moves by the value PP booked.',
      'Taxes (Steuern, Impôts / Taxes, Impuestos, Tasse, Belasting) become tax, with the security when the row names one; Interest Charge becomes fee; Fees Refund and Tax Refund become interest; a cash Transfer (Inbound/Outbound) becomes deposit/withdrawal; the PP type is kept at the start of the note.',
      'Delivery (Inbound/Outbound) and a security Transfer (Inbound/Outbound) (a row with shares) become transfer_in/transfer_out: a transfer_out and a transfer_in of the same shares on the same day move the lots with their cost; an unmatched inbound one books the value as its cost basis.',
      "PP's two exports: the securities account export holds the trades; the account export holds deposits, dividends, interest, fees and taxes, and the cash side of each trade (Buy with a negative value, Sell with a positive one). That cash side is imported as the trade when the file carries the trade's fees and shares (PP 0.78 and later), and then matches the same trade from the other export as a duplicate; from older exports, which lack them, it is left out and counted. Import both files into one account, in either order.",
      "A Buy, Sell or Dividend whose Currency Gross Amount differs from its Transaction Currency is in another currency than its account: it is imported in the gross amount's currency with the rate as its fx_rate. PP's Exchange Rate is account currency per 1 unit of the security's currency (PP checks amount = forex × rate), as Tiltfolio's fx_rate is. Price = Gross Amount ÷ shares (a dividend's amount is the Gross Amount); fees and taxes, which PP writes in the account currency, are divided by the rate (10 decimal places).",
      "PP writes the rate with 4 decimals. When Gross Amount × Exchange Rate gives the account-currency gross (Value ∓ fees and taxes) to the cent, the rate is taken as written; otherwise the exact (Value ∓ fees and taxes) ÷ Gross Amount, to 10 decimal places, so the account's cash moves by PP's Value. A rate more than 0.003 from that (PP's own tolerance) is refused.",
      'Dropped: Offset Account, Security Name (used in messages only).',
    ],
    read(c) {
      const date = c.date('date');
      const word = readWord(c, 'type', TYPES, EXPECTED);
      // A transfer that moves shares is a security transfer, whatever the language calls it.
      const pp =
        word?.securityTransfer !== undefined && c.text('shares') !== '' && !isZero(c.text('shares'))
          ? word.securityTransfer === 'transfer_in'
            ? securityIn
            : securityOut
          : word;
      const account = c.account('securitiesAccount', 'cashAccount');
      const value = c.number('value', { absolute: true, required: true });
      const fees = c.number('fees', { absolute: true });
      const taxes = c.number('taxes', { absolute: true });
      const isTrade = pp?.type === 'buy' || pp?.type === 'sell';
      const shares = pp?.shares ? c.number('shares', { absolute: true, required: !isTrade }) : null;
      if (date === undefined || pp === undefined || account === undefined) return undefined;
      if (value === undefined || value === null || fees === undefined || taxes === undefined) return undefined;
      if (shares === undefined) return undefined;

      const charges = Decimal.parse(fees ?? '0').add(Decimal.parse(taxes ?? '0'));
      const total = Decimal.parse(value);
      const forex = readForex(c, pp.type, total, charges);
      if (forex === undefined) return undefined;
      const symbol = c.text('ticker') || c.text('isin') || c.text('wkn') || null;
      if (pp.shares && symbol === null) {
        const security = c.text('securityName');
        return c.problem('ticker', `is empty, and so are ISIN and WKN${security ? ` (security ${security})` : ''}`);
      }
      let time = date.time;
      const timeMatch = TIME_CELL.exec(c.text('time'));
      if (timeMatch !== null && Number(timeMatch[1]) <= 23)
        time = `${(timeMatch[1] ?? '').padStart(2, '0')}:${timeMatch[2]}`;

      const fee = charges.isZero() ? null : charges.toString();
      const note = c.raw('note');
      const typeName = c.text('type');
      const draft: Draft = {
        date: date.day,
        time,
        account,
        type: pp.type,
        symbol: null,
        quantity: null,
        price: null,
        fee: null,
        amount: null,
        currency: c.text('currency').toUpperCase(),
        note: pp.keepName ? (note.trim() === '' ? typeName : `${typeName}: ${note}`) : note,
      };
      switch (pp.type) {
        case 'buy':
        case 'sell': {
          // The account export books a buy as cash out (negative) and a sale as cash in; the
          // securities account export the other way round. Without the trade's fees and shares
          // (PP before 0.78 wrote neither), such a row is only the cash side of a trade that the
          // securities account export holds whole.
          const cashSide = c.text('value').startsWith('-') === (pp.type === 'buy');
          if (cashSide && (!c.has('fees') || shares === null || isZero(shares)))
            return c.skip(
              "the cash side of a trade (a Buy or Sell in PP's account export, without the trade's fees and shares); import PP's securities account export for the trade itself",
            );
          const quantity = Decimal.parse(shares ?? '0');
          if (!quantity.isPositive()) return c.problem('shares', 'must be more than zero for a trade', shares ?? '');
          if (forex !== null) {
            const price = forex.gross.div(quantity).toString();
            return { ...draft, ...forex.fields, symbol, quantity: shares, price };
          }
          const gross = pp.type === 'buy' ? total.sub(charges) : total.add(charges);
          if (gross.isNegative()) return c.problem('value', 'is smaller than the fees and taxes of this buy', value);
          return { ...draft, symbol, quantity: shares, price: gross.div(quantity).toString(), fee };
        }
        case 'transfer_in':
          return { ...draft, symbol, quantity: shares, amount: total.isZero() ? null : value, fee };
        case 'transfer_out':
          return { ...draft, symbol, quantity: shares, fee };
        case 'dividend':
          if (forex !== null) return { ...draft, ...forex.fields, symbol, amount: forex.gross.toString() };
          return { ...draft, symbol, amount: total.add(charges).toString(), fee };
        case 'interest':
          return { ...draft, amount: total.add(charges).toString(), fee };
        default:
          return { ...draft, symbol: pp.type === 'fee' || pp.type === 'tax' ? symbol : null, amount: value, fee: null };
      }
    },
  };
}

/** PP's tolerance between a gross amount and forex × rate (Transaction.Unit.isWithinRoundingTolerance). */
const PP_RATE_TOLERANCE = Decimal.parse('0.003');
const HALF_CENT = Decimal.parse('0.005');

interface Forex {
  /** The gross in the security's currency: what price or amount come from. */
  gross: Decimal;
  fields: Pick<Draft, 'currency' | 'fxRate' | 'fee'>;
}

/**
 * A Buy, Sell or Dividend booked in the account's currency for a security in another: the row in
 * the gross amount's currency with its rate (see the preset's notes). null when the row is in one
 * currency; undefined after a problem.
 */
function readForex(c: Cells<Key>, type: TransactionType, total: Decimal, charges: Decimal): Forex | null | undefined {
  if (type !== 'buy' && type !== 'sell' && type !== 'dividend') return null;
  const currency = c.text('grossCurrency').toUpperCase();
  if (currency === '' || currency === c.text('currency').toUpperCase()) return null;
  const grossText = c.number('grossAmount', { absolute: true });
  const rateText = c.number('exchangeRate', { absolute: true });
  if (grossText === undefined || rateText === undefined) return undefined;
  if (grossText === null || rateText === null) return null;
  const gross = Decimal.parse(grossText);
  const rate = Decimal.parse(rateText);
  if (gross.isZero() || rate.isZero()) return null;
  // The account-currency gross PP booked: the value less the charges of a buy, plus those of a sale or dividend.
  const accountGross = type === 'buy' ? total.sub(charges) : total.add(charges);
  const asWritten = gross.mul(rate).sub(accountGross).abs().lte(HALF_CENT);
  const exact = accountGross.div(gross);
  if (!asWritten && exact.sub(rate).abs().gt(PP_RATE_TOLERANCE)) {
    return c.problem(
      'exchangeRate',
      `does not agree with the row's amounts: ${accountGross.toString()} ${c.text('currency').toUpperCase()} for ${gross.toString()} ${currency} is ${exact.toString()}`,
      c.text('exchangeRate'),
    );
  }
  const fxRate = asWritten ? rate : exact;
  return {
    gross,
    fields: { currency, fxRate: fxRate.toString(), fee: charges.isZero() ? null : charges.div(fxRate).toString() },
  };
}

/** English PP: "1,234.56". */
export const portfolioPerformancePreset = ppPreset('portfolio-performance', 'Portfolio Performance', '1,234.56', 'en');
/** German PP: "1.234,56". */
export const portfolioPerformanceGermanPreset = ppPreset(
  'portfolio-performance-de',
  'Portfolio Performance (deutsch)',
  '1.234,56',
  'de',
);
/** French PP: "1 234,56", grouped with a (narrow) no-break space. */
export const portfolioPerformanceFrenchPreset = ppPreset(
  'portfolio-performance-fr',
  'Portfolio Performance (français)',
  '1 234,56',
  'fr',
);
/** Spanish PP: "1.234,56". */
export const portfolioPerformanceSpanishPreset = ppPreset(
  'portfolio-performance-es',
  'Portfolio Performance (español)',
  '1.234,56',
  'es',
);
/** Italian PP: "1.234,56". */
export const portfolioPerformanceItalianPreset = ppPreset(
  'portfolio-performance-it',
  'Portfolio Performance (italiano)',
  '1.234,56',
  'it',
);
/** Dutch PP: "1.234,56". */
export const portfolioPerformanceDutchPreset = ppPreset(
  'portfolio-performance-nl',
  'Portfolio Performance (Nederlands)',
  '1.234,56',
  'nl',
);
