import type { AppSettings } from '../../../../shared/api/settings-schemas';
import { useUpdateSettings } from '../../api/quote-hooks';
import { ErrorNote } from '../../components/error-note';
import { Segmented } from '../../components/segmented';

/** Applies at once: the theme is easier to choose by seeing it. */
export function AppearanceSettings({ settings }: { settings: AppSettings }) {
  const update = useUpdateSettings();
  return (
    <section className="card settings-form" aria-labelledby="set-appearance-title">
      <h2 id="set-appearance-title">Appearance</h2>
      <Segmented
        label="Theme"
        options={[
          { value: 'system', label: 'Follow the system' },
          { value: 'light', label: 'Light' },
          { value: 'dark', label: 'Dark' },
        ]}
        value={update.isPending && update.variables.theme ? update.variables.theme : settings.theme}
        onChange={(theme) => update.mutate({ theme })}
      />
      {update.isError && <ErrorNote what="change the theme" error={update.error} />}
    </section>
  );
}
