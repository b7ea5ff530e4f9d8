import { describe, expect, it } from 'vitest';
import { createFactSealer } from './sealed-facts.ts';

describe('sealed decision facts', () => {
  const sealer = createFactSealer(Buffer.alloc(32, 7));
  const facts = { subject: { dateOfBirth: '1961-04-02' }, request: { data: { surname: 'CANARY-Okonkwo' } } };

  it('opens what it sealed, and shows nothing of it in the sealed text', () => {
    const sealed = sealer.seal(facts);
    expect(sealed).not.toContain('1961');
    expect(sealed).not.toContain('CANARY');
    expect(sealer.open(sealed)).toEqual(facts);
  });

  it('will not open text sealed by another key, or altered', () => {
    const sealed = sealer.seal(facts);
    expect(createFactSealer(Buffer.alloc(32, 8)).open(sealed)).toBeNull();
    const altered = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'BB' : 'AA');
    expect(sealer.open(altered)).toBeNull();
    expect(sealer.open('not sealed')).toBeNull();
  });
});
