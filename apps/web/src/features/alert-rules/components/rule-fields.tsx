import { useId } from 'react';

interface NoteProps {
  id: string;
  error?: string;
  hint?: string;
}

/** The API's message for a field, else its hint. */
function Note({ id, error, hint }: NoteProps) {
  const text = error ?? hint;
  if (!text) return null;
  return (
    <span id={id} className={error ? 'field__error' : 'field__hint'}>
      {text}
    </span>
  );
}

interface InputProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
  inputMode?: 'numeric' | 'text' | 'url';
}

/** One labelled text input with its hint or the API's message for it. */
export function RuleInput({ label, value, onChange, error, hint, inputMode }: InputProps) {
  const id = useId();
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={value}
        inputMode={inputMode}
        aria-invalid={Boolean(error)}
        aria-describedby={error || hint ? `${id}-note` : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      <Note id={`${id}-note`} error={error} hint={hint} />
    </div>
  );
}

interface ChoicesProps<T extends string> {
  legend: string;
  options: readonly T[];
  chosen: readonly T[];
  optionLabel: (option: T) => string;
  onChange: (chosen: T[]) => void;
  error?: string;
  hint?: string;
}

/** A set of checkboxes: the options ticked, kept in the options' order. */
export function RuleChoices<T extends string>(props: ChoicesProps<T>) {
  const { legend, options, chosen, optionLabel, onChange, error, hint } = props;
  const id = useId();
  const toggle = (option: T, on: boolean) =>
    onChange(options.filter((o) => (o === option ? on : chosen.includes(o))));
  return (
    <fieldset
      className={error ? 'field field--invalid rule-choices' : 'field rule-choices'}
      aria-describedby={error || hint ? `${id}-note` : undefined}
    >
      <legend>{legend}</legend>
      <div className="rule-choices__options">
        {options.map((option) => (
          <label key={option} className="field--inline">
            <input
              type="checkbox"
              checked={chosen.includes(option)}
              onChange={(event) => toggle(option, event.target.checked)}
            />
            {optionLabel(option)}
          </label>
        ))}
      </div>
      <Note id={`${id}-note`} error={error} hint={hint} />
    </fieldset>
  );
}

interface ToggleProps {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  error?: string;
}

/** One checkbox with its label. */
export function RuleToggle({ label, checked, onChange, error }: ToggleProps) {
  return (
    <label className={error ? 'field field--inline field--invalid' : 'field field--inline'}>
      <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      {label}
      {error ? <span className="field__error">{error}</span> : null}
    </label>
  );
}
