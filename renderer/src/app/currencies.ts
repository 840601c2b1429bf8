/** Every currency the platform knows, the likely ones first, named in the interface language. */
export function currencyChoices(language: string, first: readonly string[]): { code: string; label: string }[] {
  const names = new Intl.DisplayNames([language], { type: 'currency' });
  const all = Intl.supportedValuesOf('currency');
  const ordered = [...new Set([...first, ...all])];
  return ordered.map((code) => ({ code, label: `${code} · ${names.of(code) ?? code}` }));
}
