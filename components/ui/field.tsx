import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

export const controlClass =
  "block w-full rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 text-sm shadow-xs placeholder:text-zinc-400 focus:border-sky-500 focus:outline-none focus:ring-2 focus:ring-sky-500/30 aria-invalid:border-red-500 disabled:cursor-not-allowed disabled:bg-zinc-50 disabled:text-zinc-500 dark:border-zinc-700 dark:bg-zinc-900 dark:disabled:bg-zinc-800/50 dark:disabled:text-zinc-400";

interface FieldProps {
  /** The form field name; also the path that server errors name (without its `:type` suffix). */
  name: string;
  label: string;
  error?: string;
  hint?: string;
  children: (props: { id: string; name: string; "aria-invalid": boolean; "aria-describedby": string }) => ReactNode;
}

/** A labelled control with its error announced inline (aria-live) under it. */
export function Field({ name, label, error, hint, children }: FieldProps) {
  const id = `field-${name.replace(/[^a-zA-Z0-9]/g, "-")}`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-zinc-700 dark:text-zinc-300">
        {label}
      </label>
      {children({ id, name, "aria-invalid": Boolean(error), "aria-describedby": `${id}-error` })}
      {hint && !error ? <p className="text-xs text-zinc-500">{hint}</p> : null}
      <p id={`${id}-error`} aria-live="polite" className="text-xs text-red-600 dark:text-red-400">
        {error}
      </p>
    </div>
  );
}

type InputFieldProps = Omit<FieldProps, "children"> & InputHTMLAttributes<HTMLInputElement>;
export function InputField({ name, label, error, hint, ...input }: InputFieldProps) {
  return (
    <Field name={name} label={label} error={error} hint={hint}>
      {(p) => <input {...p} {...input} className={controlClass} />}
    </Field>
  );
}

type SelectFieldProps = Omit<FieldProps, "children"> & SelectHTMLAttributes<HTMLSelectElement> & { options: readonly string[] };
export function SelectField({ name, label, error, hint, options, ...select }: SelectFieldProps) {
  return (
    <Field name={name} label={label} error={error} hint={hint}>
      {(p) => (
        <select {...p} {...select} className={controlClass}>
          {options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

type TextareaFieldProps = Omit<FieldProps, "children"> & TextareaHTMLAttributes<HTMLTextAreaElement>;
export function TextareaField({ name, label, error, hint, ...textarea }: TextareaFieldProps) {
  return (
    <Field name={name} label={label} error={error} hint={hint}>
      {(p) => <textarea {...p} {...textarea} className={`${controlClass} font-mono`} />}
    </Field>
  );
}
