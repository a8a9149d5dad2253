import type { SourceDto } from '../../shared/api/types.js';
import './report.css';

/** The sources cited by ids: full citations where known; a claim of the clinic articles Backtrack started from is named as such, never by its id. */
export function Sources({
  ids,
  sources,
}: {
  ids: readonly string[];
  sources: ReadonlyMap<string, SourceDto>;
}) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return null;
  return (
    <ul className="sources">
      {unique.map((id) => {
        const source = sources.get(id);
        if (!source) {
          return (
            <li key={id}>
              {/^S\d-\d\d$/.test(id)
                ? 'A physiotherapy clinic article on runners’ back pain'
                : 'A cited source'}
            </li>
          );
        }
        return (
          <li key={id}>
            {source.url ? (
              <a href={source.url} rel="noreferrer noopener" target="_blank">
                {source.citation}
              </a>
            ) : (
              source.citation
            )}
          </li>
        );
      })}
    </ul>
  );
}
