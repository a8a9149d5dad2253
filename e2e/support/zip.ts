/**
 * A ZIP archive in memory, written with `yazl` (the writer the importer's
 * and the server's tests use), so a spec can build a Strava-style export
 * from real activity files.
 */
import { buffer } from 'node:stream/consumers';
import { ZipFile } from 'yazl';

/** One file of the archive. */
export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

/** The bytes of a ZIP archive holding `entries`. */
export async function zipOf(entries: readonly ZipEntry[]): Promise<Buffer> {
  const zip = new ZipFile();
  for (const entry of entries) zip.addBuffer(Buffer.from(entry.data), entry.name);
  zip.end();
  return buffer(zip.outputStream);
}
