import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { Providers } from "@/components/layout/providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Stratus", template: "%s · Stratus" },
  description: "Operations console for cloud infrastructure",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The CSP nonce proxy.ts set for this response: Next.js applies it to its own scripts; the theme script needs it too.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang="en" suppressHydrationWarning>
      <body className="min-h-screen font-sans">
        <Providers nonce={nonce}>{children}</Providers>
      </body>
    </html>
  );
}
