/** Case- and whitespace-insensitive form of a name, for uniqueness guards and prefix search. */
export function normalizeName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
