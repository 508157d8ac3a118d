import type { ClientIpSource } from "./env";

// The client address that every per-address limit counts by (Better Auth's: sign-in, sign-up and
// its other endpoints; the API's own limits are per user). A header is only as trustworthy as whoever wrote it
// last, so exactly one source is read: Vercel's x-real-ip, or the header of CLIENT_IP_HEADER
// (walking its chain right to left past the trusted proxies). A route handler cannot see the
// socket, and a bare `next start` passes a client's own X-Forwarded-For through, so with no
// source there is no trustworthy address: each limit is then one bucket for all clients.
// Better Auth resolves the address with these options.

/** An IPv6 client is one /64 (a household or a server): rotating addresses inside it does not help. */
const IPV6_PREFIX_LENGTH = 64;

/** Better Auth's `advanced.ipAddress` for a source; none: no header is read. */
export function ipAddressOptions(source: ClientIpSource | null) {
  return { ipAddressHeaders: source ? [source.header] : [], trustedProxies: source?.trustedProxies ?? [], ipv6Subnet: IPV6_PREFIX_LENGTH };
}
