import { describe, expect, it } from 'vitest';
import { addressKey, createAddressThrottle } from './address-throttle.ts';

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
  ])('%s counts as %s (an IPv6 subscriber\'s /64 is one address)', (address, key) => {
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
