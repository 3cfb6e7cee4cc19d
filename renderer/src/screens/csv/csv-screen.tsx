import { ExportCard } from './export-card';
import { ImportCard } from './import-card';

export function CsvScreen() {
  return (
    <main className="screen" id="main" aria-labelledby="csv-title">
      <div className="screen-head">
        <h1 id="csv-title">Import &amp; export</h1>
      </div>
      <ImportCard />
      <ExportCard />
    </main>
  );
}
