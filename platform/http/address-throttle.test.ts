import { describe, expect, it } from 'vitest';
import { addressKey, createAddressThrottle, sourceAddress } from './address-throttle.ts';

describe('the address a refused authentication counts against', () => {
  it.each([
    ['192.0.2.7', '192.0.2.7'],
    ['::ffff:192.0.2.7', '192.0.2.7'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:db8:1:2::9', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    [undefined, 'unknown'],
  ])("%s counts as %s (an IPv6 subscriber's /64 is one address)", (address, key) => {
    expect(addressKey(address)).toBe(key);
  });
});

describe('the bucket', () => {
  it('allows the burst, then one refusal per refill, and says how long to wait', () => {
    let now = 0;
    const throttle = createAddressThrottle({ perMinute: 60, burst: 3 }, () => now);
    for (let i = 0; i < 3; i += 1) {
      expect(throttle.waitFor('192.0.2.1')).toBe(0);
      throttle.refused('192.0.2.1');
    }
    expect(throttle.waitFor('192.0.2.1')).toBe(1);
    expect(throttle.waitFor('192.0.2.2')).toBe(0);
    now += 1_000;
    expect(throttle.waitFor('192.0.2.1')).toBe(0);
  });
});

describe('the source address behind a load balancer (TRUSTED_PROXIES)', () => {
  const proxies = new Set(['10.0.0.5', '10.0.0.6']);
  it.each([
    [
      'a caller straight to the gateway: its socket address, whatever it claims',
      '198.51.100.4',
      '203.0.113.9',
      '198.51.100.4',
    ],
    ['through the balancer: the address the balancer saw', '10.0.0.5', '203.0.113.9', '203.0.113.9'],
    [
      'through the balancer, with an address the caller made up before it',
      '10.0.0.5',
      '1.2.3.4, 203.0.113.9',
      '203.0.113.9',
    ],
    ['through two trusted hops', '::ffff:10.0.0.5', '203.0.113.9, 10.0.0.6', '203.0.113.9'],
    ['through the balancer with no header', '10.0.0.5', undefined, '10.0.0.5'],
  ])('%s', (_case, socket, forwarded, source) => {
    expect(sourceAddress(socket, forwarded, proxies)).toBe(source);
  });
});
