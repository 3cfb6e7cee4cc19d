import { useAppInfo } from '../../api/hooks';
import { ErrorNote } from '../../components/error-note';

export function AboutCard() {
  const info = useAppInfo();
  if (info.isPending) return null;
  if (info.isError)
    return (
      <section className="card">
        <ErrorNote what="load the app's details" error={info.error} />
      </section>
    );
  return (
    <section className="card about" aria-labelledby="about-title">
      <h2 id="about-title">Where your data lives</h2>
      <dl className="facts">
        <div>
          <dt>Database</dt>
          <dd>
            <code data-testid="db-path">{info.data.dbPath}</code>
          </dd>
        </div>
        <div>
          <dt>Schema version</dt>
          <dd>{info.data.schemaVersion}</dd>
        </div>
        <div>
          <dt>Running as</dt>
          <dd>
            {info.data.mode === 'electron' ? 'Desktop app' : 'Browser mode (this computer only)'} · {info.data.runtime}
          </dd>
        </div>
      </dl>
    </section>
  );
}
