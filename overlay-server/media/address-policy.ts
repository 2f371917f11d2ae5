/**
 * Which resolved addresses the media cache may connect to: public unicast only. Private,
 * loopback, link-local, shared (CGNAT), documentation, multicast and reserved ranges are refused
 * for IPv4 and IPv6; an IPv4 address inside IPv6 (mapped, NAT64) is judged as the IPv4 address.
 * Loopback passes only with the test allowance, which no config file can set.
 */
import { BlockList, isIP } from 'node:net';

const v4Ranges: Array<[string, number, string]> = [
  ['0.0.0.0', 8, 'unspecified'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'shared (carrier NAT)'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'reserved'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.88.99.0', 24, 'reserved'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];

const v6Ranges: Array<[string, number, string]> = [
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['64:ff9b:1::', 48, 'local NAT64'],
  ['100::', 64, 'discard'],
  ['2001::', 23, 'reserved'],
  ['2001:db8::', 32, 'documentation'],
  ['2002::', 16, '6to4'],
  ['fc00::', 7, 'private (unique local)'],
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'site-local'],
  ['ff00::', 8, 'multicast'],
];

function rangeList(ranges: Array<[string, number, string]>, family: 'ipv4' | 'ipv6') {
  return ranges.map(([network, prefix, why]) => {
    const list = new BlockList();
    list.addSubnet(network, prefix, family);
    return { list, why, loopback: why === 'loopback' };
  });
}

const V4 = rangeList(v4Ranges, 'ipv4');
const V6 = rangeList(v6Ranges, 'ipv6');
const NAT64 = /^64:ff9b::(?:ffff:)?(\d+\.\d+\.\d+\.\d+)$/i;
const NAT64_HEX = /^64:ff9b::([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i;
const MAPPED = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i;
const MAPPED_HEX = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i;

/** Why an address is refused, or null when it is a public unicast address. */
export function refusedAddress(address: string, allowLoopback = false): string | null {
  const family = isIP(address);
  if (family === 0) return 'not an IP address';
  if (family === 6) {
    const embedded = embeddedIPv4(address);
    if (embedded) return refusedAddress(embedded, allowLoopback);
  }
  for (const range of family === 4 ? V4 : V6) {
    if (!range.list.check(address, family === 4 ? 'ipv4' : 'ipv6')) continue;
    if (range.loopback && allowLoopback) return null;
    return range.why;
  }
  return null;
}

/** The IPv4 address inside an IPv4-mapped or NAT64 IPv6 address (either notation). */
function embeddedIPv4(address: string): string | null {
  const dotted = MAPPED.exec(address) ?? NAT64.exec(address);
  if (dotted?.[1]) return dotted[1];
  const hex = MAPPED_HEX.exec(address) ?? NAT64_HEX.exec(address);
  if (!hex?.[1] || !hex[2]) return null;
  const high = Number.parseInt(hex[1], 16);
  const low = Number.parseInt(hex[2], 16);
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}
