// An on/off switch: a native checkbox with the switch role, so keyboards and screen readers get
// the behaviour they expect for free.
export interface SwitchProps {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
  testId?: string;
}

export function Switch({ label, checked, onChange, disabled, testId }: SwitchProps) {
  return (
    <label class="switch">
      <input
        type="checkbox"
        role="switch"
        checked={checked}
        disabled={disabled}
        data-testid={testId}
        onChange={(event) => onChange((event.currentTarget as HTMLInputElement).checked)}
      />
      <span class="switch-track" aria-hidden="true" />
      <span class="switch-label">{label}</span>
    </label>
  );
}
