import type { InputHTMLAttributes } from "react";

type CheckboxFieldProps = {
  /** A `:bool` field name, e.g. `unschedulable:bool`. */
  name: string;
  label: string;
  hint?: string;
  error?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "type">;

/**
 * A checkbox for a `:bool` field. An unchecked box submits nothing, which an update would read as "unchanged";
 * a hidden `false` before it makes unchecking submit false (the later, checked value wins when present).
 */
export function CheckboxField({ name, label, hint, error, ...input }: CheckboxFieldProps) {
  const id = `field-${name.replace(/[^a-zA-Z0-9]/g, "-")}`;
  return (
    <div className="space-y-1">
      <input type="hidden" name={name} value="false" />
      <label htmlFor={id} className="flex items-start gap-2 text-sm">
        <input
          id={id}
          type="checkbox"
          name={name}
          aria-invalid={Boolean(error)}
          aria-describedby={`${id}-error`}
          className="mt-0.5 size-4 rounded border-zinc-300 accent-sky-600 dark:border-zinc-700"
          {...input}
        />
        <span>
          <span className="font-medium text-zinc-700 dark:text-zinc-300">{label}</span>
          {hint ? <span className="block text-xs text-zinc-500">{hint}</span> : null}
        </span>
      </label>
      <p id={`${id}-error`} aria-live="polite" className="text-xs text-red-600 dark:text-red-400">
        {error}
      </p>
    </div>
  );
}
