/** Pure rules of the invitation domain allow-list (docs/accounts.md "Domains"). */

/** `@City.Example.LG.JP.` → `city.example.lg.jp`; null when it is not a domain name. */
export function normaliseDomain(input: string): string | null {
  const d = input
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/^[@.]+/, '')
    .replace(/\.+$/, '');
  if (d.length === 0 || d.length > 253) return null;
  const label = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
  const labels = d.split('.');
  return labels.every((l) => label.test(l)) ? d : null;
}

/** The domain part of an address, lower-cased. */
export const domainOf = (email: string): string => email.slice(email.lastIndexOf('@') + 1).toLowerCase();

/** `x@city.example.lg.jp` is under `lg.jp` and under `city.example.lg.jp`, not under `g.jp`. */
export function isUnderDomain(email: string, domain: string): boolean {
  const d = domainOf(email);
  return d === domain || d.endsWith(`.${domain}`);
}

export function isAllowedAddress(email: string, allowedDomains: readonly string[]): boolean {
  return allowedDomains.some((domain) => isUnderDomain(email, domain));
}
