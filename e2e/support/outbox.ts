/**
 * Reads a server's outbox folder (BACKTRACK_OUTBOX_DIR) as a person reads
 * their inbox: the link that finishes a registration. Used by the browser
 * specs and by the benchmarks that sign up through the API.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';

const opened = new Set<string>();

/**
 * The newest registration link mailed to `email` in `folder` that has not
 * been returned before; waits up to 10 s for the mail (the server sends it
 * in the background).
 */
export async function registrationLinkIn(folder: string, email: string): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    let files: string[] = [];
    try {
      files = readdirSync(folder).filter((f) => f.endsWith('.eml'));
    } catch {
      files = [];
    }
    const links: string[] = [];
    for (const file of files.sort()) {
      const mail = await simpleParser(readFileSync(path.join(folder, file)));
      const to = [mail.to ?? []]
        .flat()
        .map((a) => a.text.toLowerCase())
        .join(', ');
      const link = /(https?:\/\/\S+#confirm=[A-Za-z0-9_-]+)/.exec(mail.text ?? '')?.[1];
      if (link && to.includes(email.toLowerCase()) && !opened.has(link)) links.push(link);
    }
    const link = links.at(-1);
    if (link) {
      opened.add(link);
      return link;
    }
    if (Date.now() > deadline) throw new Error(`No registration link was mailed to ${email}.`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The token of a registration link. */
export function confirmTokenOf(link: string): string {
  return new URL(link).hash.replace(/^#confirm=/, '');
}
