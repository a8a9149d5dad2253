import { reasonsInWords, WEAK_LINKS_SHOWN_FIRST } from '@backtrack/core';
import type { AssessmentResult, SourceDto } from '../../shared/api/types.js';
import { formatPercent } from '../../shared/lib/format.js';
import { Sources, sourceName } from './Sources.js';
import './report.css';

type Ranked = AssessmentResult['contributors'][number];

/** The likelihood band as a runner reads it; the number is in the detail. */
const BAND_WORDS: Readonly<Record<Ranked['band'], string>> = {
  likely: 'Likely',
  possible: 'Possible',
  'less likely': 'Less likely',
};

const FROM_RUNS = 'From your imported runs:';

/**
 * Where an answer came from when the runner did not give it: a labelled
 * block under the answer, so a data-derived step never reads like the
 * runner's own answer.
 */
function DataSource({ text }: { text: string }) {
  const fromRuns = text.startsWith(FROM_RUNS);
  // Several findings can stand behind one answer, each sentence with the same opening.
  const rest = fromRuns
    ? text
        .split(FROM_RUNS)
        .map((part) => part.trim())
        .filter(Boolean)
        .join(' ')
    : text;
  return (
    <span className="why__from">
      <span className="why__from-tag">{fromRuns ? FROM_RUNS : 'Not your own answer:'}</span> {rest}
    </span>
  );
}

/** Why we think so, in plain words: one line per answer, the sources by name, the numbers last. */
function WhyInWords({ c, sources }: { c: Ranked; sources: ReadonlyMap<string, SourceDto> }) {
  const reasons = reasonsInWords(c.explanation);
  return (
    <details className="why">
      <summary>Why we think so</summary>
      {reasons.length === 0 ? (
        <p>None of your answers changed this estimate.</p>
      ) : (
        <ul className="why__list">
          {reasons.map((r) => (
            <li
              key={`${r.questionId}-${r.answer}`}
              className={r.from ? 'why__row--data' : undefined}
            >
              <span className="why__question">{r.question}</span>{' '}
              {r.from ? 'Your imported runs say' : 'You answered'} <strong>“{r.answer}”</strong>:{' '}
              {r.effect}.
              {r.sources.length > 0 ? (
                <span className="why__cite">
                  {' '}
                  ({[...new Set(r.sources.map((id) => sourceName(id, sources)))].join('; ')})
                </span>
              ) : null}
              {r.from ? <DataSource text={r.from} /> : null}
            </li>
          ))}
        </ul>
      )}
      <p className="muted">
        In numbers: {formatPercent(c.probability)}, from a starting point of{' '}
        {formatPercent(c.prior)} (how often this is a weak link in runners with back pain). An
        estimate from your answers, not a measurement.
      </p>
      {reasons.length > 0 ? (
        <>
          <h4>References</h4>
          <Sources ids={reasons.flatMap((r) => r.sources)} sources={sources} />
        </>
      ) : null}
    </details>
  );
}

function Contributor({
  c,
  rank,
  sources,
}: {
  c: Ranked;
  rank: number;
  sources: ReadonlyMap<string, SourceDto>;
}) {
  const pct = Math.round(c.probability * 100);
  return (
    <li className="contributor">
      <div className="contributor__head">
        <h3>
          <span className="contributor__rank">{rank}.</span> {c.name}
        </h3>
        <p className="contributor__pct">
          <strong>{BAND_WORDS[c.band]}</strong>
        </p>
      </div>
      <div className="bar" aria-hidden="true">
        <div className="bar__fill" style={{ width: `${Math.max(1, pct)}%` }} />
        <div className="bar__prior" style={{ left: `${Math.round(c.prior * 100)}%` }} />
      </div>
      <p>{c.summary}</p>
      <WhyInWords c={c} sources={sources} />
    </li>
  );
}

/** "2 possible, 15 less likely" for the folded weak links. */
function bandCounts(contributors: readonly Ranked[]): string {
  const parts: string[] = [];
  for (const band of ['likely', 'possible', 'less likely'] as const) {
    const n = contributors.filter((c) => c.band === band).length;
    if (n > 0) parts.push(`${n} ${band}`);
  }
  return parts.join(', ');
}

/**
 * The weak links, most likely first: the top three in full, each with its
 * band in words and its reasons; the rest folded in one `<details>`.
 */
export function ContributorList({
  contributors,
  sources,
}: {
  contributors: AssessmentResult['contributors'];
  sources: ReadonlyMap<string, SourceDto>;
}) {
  const top = contributors.slice(0, WEAK_LINKS_SHOWN_FIRST);
  const rest = contributors.slice(WEAK_LINKS_SHOWN_FIRST);
  return (
    <>
      <ol className="contributors">
        {top.map((c, i) => (
          <Contributor key={c.id} c={c} rank={i + 1} sources={sources} />
        ))}
      </ol>
      {rest.length > 0 ? (
        <details className="why contributors__more">
          <summary>
            {rest.length} more weak {rest.length === 1 ? 'link' : 'links'} ({bandCounts(rest)})
          </summary>
          <ol className="contributors" start={WEAK_LINKS_SHOWN_FIRST + 1}>
            {rest.map((c, i) => (
              <Contributor
                key={c.id}
                c={c}
                rank={WEAK_LINKS_SHOWN_FIRST + i + 1}
                sources={sources}
              />
            ))}
          </ol>
        </details>
      ) : null}
    </>
  );
}
