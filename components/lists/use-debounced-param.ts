"use client";

import { useEffect, useRef, useState } from "react";

/**
 * A text box bound to a URL parameter: it shows what is typed at once and writes it to the URL once typing pauses.
 * When the URL changes from elsewhere (a chip clicked, back button), the box follows.
 */
export function useDebouncedParam(value: string | undefined, write: (v: string) => void, delayMs = 400): [string, (v: string) => void] {
  const [text, setText] = useState(value ?? "");
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    // The URL moved: show its value (adjusting state while rendering, as React recommends over an effect).
    setSeen(value);
    setText(value ?? "");
  }
  const writeRef = useRef(write);
  useEffect(() => {
    writeRef.current = write;
  });
  useEffect(() => {
    if (text === (value ?? "")) return;
    const t = setTimeout(() => writeRef.current(text), delayMs);
    return () => clearTimeout(t);
  }, [text, value, delayMs]);
  return [text, setText];
}
