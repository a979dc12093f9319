/**
 * Outbound-connection guard shared by the health checker and the data plane:
 *
 *   const guard = new SsrfGuard({ allow: ["127.0.0.0/8", "10.0.0.0/8"] });
 *   const decision = await guard.resolve(backend.address, backend.port);
 *   if (!decision.ok) → refuse with decision.reason
 *   else new Client(decision.target.origin, { connect: guardedConnector(guard) }) and send
 *        `host: decision.target.hostHeader`.
 */
export { DEFAULT_ALLOWED_CIDRS, DENIED_CIDRS, checkAddress, createAddressPolicy, type AddressPolicyOptions } from "./address-policy";
export { CidrSet, parseCidr } from "./cidr-set";
export { CONNECT_CHANNEL, guardedConnector, SsrfRefusedError, type Connector } from "./guarded-connector";
export { embeddedIpv4, parseHost, parseIp, type IpAddress } from "./ip-literal";
export { SsrfGuard, systemLookup, type ConnectTarget, type GuardDecision, type Lookup, type SsrfGuardOptions } from "./ssrf-guard";
