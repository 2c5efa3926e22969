import { useId, type ReactNode } from 'react';

interface FormFieldProps {
  label: string;
  /** The API's message for this field, shown under it and tied to the input for screen readers. */
  error?: string;
  hint?: string;
  children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode;
}

/** A labelled input with its hint and its error from the API's 400. */
export function FormField({ label, error, hint, children }: FormFieldProps) {
  const id = useId();
  const noteId = `${id}-note`;
  const note = error ?? hint;
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': note ? noteId : undefined })}
      {note ? (
        <span id={noteId} className={error ? 'field__error' : 'field__hint'}>
          {note}
        </span>
      ) : null}
    </div>
  );
}

interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
  type?: 'text' | 'email' | 'tel' | 'password' | 'time' | 'datetime-local' | 'number';
  autoComplete?: string;
}

/** A text input under FormField, the common case. */
export function TextField({
  label,
  value,
  onChange,
  error,
  hint,
  type = 'text',
  autoComplete,
}: TextFieldProps) {
  return (
    <FormField label={label} error={error} hint={hint}>
      {(props) => (
        <input
          {...props}
          type={type}
          autoComplete={autoComplete}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </FormField>
  );
}

interface SelectFieldProps<T extends string> {
  label: string;
  value: T;
  options: readonly T[];
  optionLabel: (option: T) => string;
  onChange: (value: T) => void;
  error?: string;
}

/** A choice among fixed values (roles, languages) under FormField. */
export function SelectField<T extends string>({
  label,
  value,
  options,
  optionLabel,
  onChange,
  error,
}: SelectFieldProps<T>) {
  return (
    <FormField label={label} error={error}>
      {(props) => (
        <select {...props} value={value} onChange={(e) => onChange(e.target.value as T)}>
          {options.map((option) => (
            <option key={option} value={option}>
              {optionLabel(option)}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}
