import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { currentPrincipal, isLocalPath } from "@/lib/server/auth/session";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { next } = await searchParams;
  const target = typeof next === "string" && isLocalPath(next) ? next : "/";
  if (await currentPrincipal()) redirect(target);
  return (
    <main className="grid min-h-screen place-items-center bg-zinc-50 px-4 dark:bg-zinc-950">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center justify-center gap-2 text-lg font-semibold tracking-tight">
          <span aria-hidden className="grid size-8 place-items-center rounded-md bg-sky-600 text-white">S</span>
          Stratus
        </div>
        <section className="rounded-lg border border-zinc-200 bg-white p-6 shadow-xs dark:border-zinc-800 dark:bg-zinc-900">
          <h1 className="text-base font-semibold">Sign in to the console</h1>
          <p className="mt-1 mb-5 text-sm text-zinc-500 dark:text-zinc-400">Use the email and password your administrator gave you.</p>
          <SignInForm next={target} />
        </section>
      </div>
    </main>
  );
}
