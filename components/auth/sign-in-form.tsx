"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";

interface Problem {
  detail?: string;
  errors?: Array<{ path: string; message: string }>;
}

/** Email and password to POST /api/v1/session; on success the page reloads where the user was going. */
export function SignInForm({ next }: { next: string }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    setFieldErrors({});
    try {
      const res = await fetch("/api/v1/session", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: form.get("email"), password: form.get("password") }),
      });
      if (res.ok) {
        window.location.assign(next);
        return;
      }
      const problem = (await res.json().catch(() => ({}))) as Problem;
      if (res.status === 422 && problem.errors) {
        setFieldErrors(Object.fromEntries(problem.errors.map((e) => [e.path, e.message])));
      } else {
        setError(problem.detail ?? "Sign-in failed. Try again.");
      }
    } catch {
      setError("Stratus could not be reached. Check your connection and try again.");
    }
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <InputField name="email" label="Email" type="email" autoComplete="username" required autoFocus error={fieldErrors.email} />
      <InputField name="password" label="Password" type="password" autoComplete="current-password" required error={fieldErrors.password} />
      <div aria-live="polite">
        {error ? (
          <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200">
            {error}
          </p>
        ) : null}
      </div>
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
