// EEA states (EU 27, Iceland, Liechtenstein, Norway) and Switzerland, whose nationals NHS debtor returns exclude (¶6.146).
const eea = new Set([
  'AUT', 'BEL', 'BGR', 'HRV', 'CYP', 'CZE', 'DNK', 'EST', 'FIN', 'FRA', 'DEU', 'GRC', 'HUN', 'IRL', 'ITA', 'LVA', 'LTU', 'LUX',
  'MLT', 'NLD', 'POL', 'PRT', 'ROU', 'SVK', 'SVN', 'ESP', 'SWE', 'ISL', 'LIE', 'NOR', 'CHE',
]);

export const isEeaNationality = (alpha3: string): boolean => eea.has(alpha3.toUpperCase());
