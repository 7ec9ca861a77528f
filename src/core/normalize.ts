/**
 * How people are found by what an agent types: case and accents do not matter ("juarez"
 * finds "Juárez"), nor do spaces or dashes in a phone number. The same function builds the
 * stored search key and the query, so both sides always agree.
 */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export function phoneDigits(phone: string): string {
  return phone.replace(/\D/g, '');
}
