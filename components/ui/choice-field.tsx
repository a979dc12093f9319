import type { SelectHTMLAttributes } from "react";
import { controlClass, Field } from "./field";

export interface Choice {
  value: string;
  label: string;
}

type ChoiceFieldProps = {
  name: string;
  label: string;
  error?: string;
  hint?: string;
  /** Options whose shown label differs from the submitted value (ids, enum values with readable names). */
  choices: readonly Choice[];
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, "name" | "children">;

/** A labelled select whose options have separate values and labels; errors show inline like the other fields. */
export function ChoiceField({ name, label, error, hint, choices, ...select }: ChoiceFieldProps) {
  return (
    <Field name={name} label={label} error={error} hint={hint}>
      {(p) => (
        <select {...p} {...select} className={controlClass}>
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
