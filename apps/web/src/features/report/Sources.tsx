import type { SourceDto } from '../../shared/api/types.js';
import './report.css';

/**
 * A source as a runner sees it cited: its short name from the knowledge base
 * ("Finucane 2020"); a claim of the clinic articles Backtrack started from is
 * named as such, never by its id.
 */
export function sourceName(id: string, sources: ReadonlyMap<string, SourceDto>): string {
  const source = sources.get(id);
  if (source) return source.name;
  return /^S\d-\d\d$/.test(id)
    ? 'A physiotherapy clinic article on runners’ back pain'
    : 'A cited source';
}

/** The references cited by ids, by short name, each linked where it has an address; the full citation on hover. */
export function Sources({
  ids,
  sources,
}: {
  ids: readonly string[];
  sources: ReadonlyMap<string, SourceDto>;
}) {
  const names = new Map<string, SourceDto | undefined>();
  for (const id of ids) {
    const name = sourceName(id, sources);
    if (!names.has(name)) names.set(name, sources.get(id));
  }
  if (names.size === 0) return null;
  return (
    <ul className="sources">
      {[...names].map(([name, source]) => (
        <li key={name}>
          {source?.url ? (
            <a href={source.url} rel="noreferrer noopener" target="_blank" title={source.citation}>
              {name}
            </a>
          ) : (
            <span title={source?.citation}>{name}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
