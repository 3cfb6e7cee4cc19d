import { useState } from 'react';
import type { AppSettings } from '../../../../shared/api/settings-schemas';
import { useUpdateSettings } from '../../api/quote-hooks';
import { ErrorNote } from '../../components/error-note';
import { Segmented } from '../../components/segmented';

/** Applies at once: the theme is easier to choose by seeing it. */
export function AppearanceSettings({ settings }: { settings: AppSettings }) {
  const update = useUpdateSettings();
  // Chosen locally in the same event as the click, so the radio never springs back while the
  // setting is being saved; the stored value wins again once it changes (or the save fails).
  const [chosen, setChosen] = useState(settings.theme);
  const [stored, setStored] = useState(settings.theme);
  if (stored !== settings.theme) {
    setStored(settings.theme);
    setChosen(settings.theme);
  }
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
        value={chosen}
        onChange={(theme) => {
          setChosen(theme);
          update.mutate({ theme }, { onError: () => setChosen(settings.theme) });
        }}
      />
      {update.isError && <ErrorNote what="change the theme" error={update.error} />}
    </section>
  );
}
