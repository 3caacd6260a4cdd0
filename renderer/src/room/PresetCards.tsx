/** The room's presets as big cards: one tap sets the room. The current one is pressed. */
import type { PresetCard } from '../../../main/contract/contract.ts';
import { useStaffWords } from '../i18n/staff/StaffLanguage.tsx';

export function PresetCards({ presets, currentId, applyingId, onApply }: { presets: PresetCard[]; currentId: string | null; applyingId: string | null; onApply: (preset: PresetCard) => void }) {
  const { t } = useStaffWords();
  return (
    <section className="room-presets" aria-labelledby="room-presets-title">
      <h2 id="room-presets-title">{t('room.presets')}</h2>
      <ul className="preset-grid">
        {presets.map((preset) => (
          <li key={preset.id}>
            <button
              type="button"
              className="preset-card"
              aria-pressed={preset.id === currentId}
              aria-busy={preset.id === applyingId}
              onClick={() => onApply(preset)}
            >
              <span className="preset-swatch" style={{ background: preset.swatch }} aria-hidden="true" />
              <span className="preset-text">
                <span className="preset-name">{preset.name}</span>{' '}
                <span className="preset-description">{preset.description}</span>
              </span>
              {preset.id === currentId && <span className="preset-current" aria-hidden="true">{t('room.presetNow')}</span>}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
