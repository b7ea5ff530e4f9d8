// The synthetic population has no GP registrations, so the NHS sandbox derives one: everyone in a postcode
// district is registered with the same practice, named the way English practices commonly are.
const stems = [
  'Park View',
  'Riverside',
  'Church Lane',
  'Oakwood',
  'Station Road',
  'Hillside',
  'Market Street',
  'Beech House',
  'The Grange',
  'Victoria',
  'Elm Tree',
  'Northgate',
];
const kinds = ['Surgery', 'Medical Centre', 'Health Centre', 'Medical Practice'];

function hash(text: string): number {
  let h = 2_166_136_261;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 16_777_619);
  return h >>> 0;
}

/** "LS6 2AB" → the practice for LS6, e.g. "Oakwood Medical Centre". */
export function gpPracticeFor(postcode: string): string {
  const district = postcode.trim().toUpperCase().split(/\s+/)[0] ?? '';
  const h = hash(district);
  return `${stems[h % stems.length]} ${kinds[(h >>> 8) % kinds.length]}`;
}
