/**
 * Saves a file the API sends (errors.csv, a market's listings CSV): fetched through the generated client
 * (token, language, error envelope), then handed to the browser as a download.
 */
export async function saveBlob(fetchBlob: () => Promise<{ data: unknown }>, fileName: string): Promise<void> {
  const { data } = await fetchBlob();
  const url = URL.createObjectURL(data instanceof Blob ? data : new Blob([String(data)], { type: 'text/csv' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
