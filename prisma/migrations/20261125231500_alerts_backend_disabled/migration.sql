-- An operator (or an alert's remediation) takes a backend out of rotation: the data plane sends it no new requests
-- whatever its health or the pool's algorithm, until it is enabled again (nginx's `down`).
ALTER TABLE "Backend" ADD COLUMN "disabled" BOOLEAN NOT NULL DEFAULT false;
