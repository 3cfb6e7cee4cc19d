import m0001 from './0001-initial';
import m0002 from './0002-quote-cache';
import m0003 from './0003-tax-type';
import m0004 from './0004-fx-rates';
import m0005 from './0005-transactions-by-date';
import m0006 from './0006-account-cost-method';
import m0007 from './0007-quote-summary';
import m0008 from './0008-stored-answers';
import m0009 from './0009-series-cache';
import m0010 from './0010-generation-not-a-count';

/** In order; a migration's number is its position + 1 and becomes PRAGMA user_version. */
export const migrations: readonly string[] = [m0001, m0002, m0003, m0004, m0005, m0006, m0007, m0008, m0009, m0010];

export const LATEST_SCHEMA_VERSION = migrations.length;
