import net from 'node:net';

/** '::ffff:10.0.0.1' → '10.0.0.1', so that IPv4 rules match IPv4 clients on a dual-stack socket. */
export function normalizeIp(ip: string): string {
  const trimmed = ip.trim();
  return trimmed.startsWith('::ffff:') && net.isIPv4(trimmed.slice(7)) ? trimmed.slice(7) : trimmed;
}

/**
 * The caller's address. With no trusted proxies it is the socket's peer: any X-Forwarded-For is the
 * client's own claim and ignored. With N trusted hops, the Nth address from the right of
 * `X-Forwarded-For + socket` is the one our outermost proxy saw; entries left of it are client-written.
 */
export function clientIp(socketAddress: string | undefined, forwardedFor: string | undefined, trustedHops: number): string {
  const socket = normalizeIp(socketAddress ?? '');
  if (trustedHops <= 0 || !forwardedFor) return socket;
  const chain = forwardedFor
    .split(',')
    .map((part) => normalizeIp(part))
    .filter((part) => part !== '');
  chain.push(socket);
  const candidate = chain[Math.max(0, chain.length - 1 - trustedHops)];
  return net.isIP(candidate) ? candidate : socket;
}

/** Parses "1.2.3.4, 10.0.0.0/8, ::1" into a matcher; throws on an entry that is neither. */
export function parseIpList(text: string): net.BlockList {
  const list = new net.BlockList();
  for (const raw of text.split(/[,|\s]+/)) {
    const entry = raw.trim();
    if (!entry) continue;
    addIpRule(list, entry);
  }
  return list;
}

export function addIpRule(list: net.BlockList, entry: string): void {
  const [address, prefix] = entry.split('/');
  const family = net.isIPv4(address) ? 'ipv4' : net.isIPv6(address) ? 'ipv6' : null;
  if (!family) throw new Error(`not an IP address or CIDR block: ${entry}`);
  if (prefix === undefined) {
    list.addAddress(address, family);
    return;
  }
  const bits = Number(prefix);
  if (!/^\d+$/.test(prefix) || bits > (family === 'ipv4' ? 32 : 128)) throw new Error(`bad CIDR prefix: ${entry}`);
  list.addSubnet(address, bits, family);
}

export function ipMatches(list: net.BlockList, ip: string): boolean {
  const family = net.isIPv4(ip) ? 'ipv4' : net.isIPv6(ip) ? 'ipv6' : null;
  return family !== null && list.check(ip, family);
}
