// BASF (XETRA, EUR) in a EUR account, seen by a USD investor through the ECB's rates: bought,
// paid a dividend with tax withheld, partly sold.
import { ecbRates } from '../../fx/test-fixtures/ecb';
import { euro, snapshotOf } from './snapshot';
import { xetraCloses } from './xetra';

export const TO = '2017-07-14';
export const basfRecords = [
  euro({ id: 1, date: '2016-11-14', type: 'deposit', amount: '10000' }),
  euro({ id: 2, date: '2016-11-14', type: 'buy', symbol: 'BAS.DE', quantity: '20', price: '81.57', fee: '5' }),
  // 60 declared, 15.83 withheld: 44.17 arrived.
  euro({ id: 3, date: '2017-05-05', type: 'dividend', symbol: 'BAS.DE', amount: '60', fee: '15.83' }),
  euro({ id: 4, date: '2017-06-15', type: 'sell', symbol: 'BAS.DE', quantity: '8', price: '84.93', fee: '5' }),
];
export const basfPortfolio = (records = basfRecords) =>
  snapshotOf({
    accounts: ['Euro'],
    accountCurrencies: { Euro: 'EUR' },
    baseCurrency: 'USD',
    transactions: records,
    bars: { 'BAS.DE': xetraCloses['BAS.DE'](TO) },
    to: TO,
    today: '2017-07-31',
    fxRates: ecbRates(['USD']),
  });
