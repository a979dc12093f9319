import { expect, test } from "vitest";
import { pastTense } from "./past-tense";

test.each([
  ["create", "created"],
  ["update", "updated"],
  ["delete", "deleted"],
  ["scale", "scaled"],
  ["kill", "killed"],
  ["evict", "evicted"],
  ["bind", "bound"],
  ["observe", "observed"],
  ["stop", "stopped"],
  ["stop-agent", "stopped the agent of"],
  ["scale-down", "scaled down"],
  ["sign-in", "signed in"],
  ["health", "changed the health of"],
  ["deregister", "deregistered"],
  ["revoke", "revoked"],
])("%s → %s", (verb, done) => expect(pastTense(verb)).toBe(done));
