import { useState } from 'react';
import type { AssessmentResult, SourceDto } from '../../shared/api/types.js';
import { factorDirection, formatFactor, formatPercent } from '../../shared/lib/format.js';
import { Sources } from './Sources.js';
import { TableScroll } from '../../shared/TableScroll.js';
import './report.css';

type Ranked = AssessmentResult['contributors'][number];

const SHOWN_FIRST = 5;

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
      <details className="why">
        <summary>Why we think so</summary>
        <p>
          Our estimate: {formatPercent(c.probability)}. It starts at {formatPercent(c.prior)} (how
          often this is a weak link in runners with back pain); each answer below multiplied its
          odds by a factor.
        </p>
        {c.explanation.length === 0 ? (
          <p>None of your answers changed this estimate.</p>
        ) : (
          <TableScroll label={`Steps for ${c.name}`}>
            <table className="why__table">
              <caption className="visually-hidden">
                How your answers changed the estimate for {c.name}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Answer</th>
                  <th scope="col">Factor</th>
                  <th scope="col">Before → after</th>
                </tr>
              </thead>
              <tbody>
                {c.explanation.map((step, i) => (
                  <tr
                    key={`${step.questionId}-${String(i)}`}
                    className={step.from ? 'why__row--data' : undefined}
                  >
                    <td>
                      <span className="why__question">{step.question}</span>{' '}
                      <strong>{step.answer}</strong>
                      {step.note ? <span className="why__note"> {step.note}</span> : null}
                      {step.from ? <DataSource text={step.from} /> : null}
                    </td>
                    <td>
                      {formatFactor(step.factor)}{' '}
                      <span className="visually-hidden">
                        ({factorDirection(step.factor)} the odds)
                      </span>
                    </td>
                    <td>
                      {formatPercent(step.before)} → {formatPercent(step.after)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        {c.explanation.length > 0 ? (
          <>
            <h4>Sources</h4>
            <Sources ids={c.explanation.flatMap((s) => s.sources)} sources={sources} />
          </>
        ) : null}
      </details>
    </li>
  );
}

/** The weak links, most likely first, each with a probability bar and its reasons. */
export function ContributorList({
  contributors,
  sources,
}: {
  contributors: AssessmentResult['contributors'];
  sources: ReadonlyMap<string, SourceDto>;
}) {
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? contributors : contributors.slice(0, SHOWN_FIRST);
  return (
    <>
      <ol className="contributors">
        {shown.map((c, i) => (
          <Contributor key={c.id} c={c} rank={i + 1} sources={sources} />
        ))}
      </ol>
      {contributors.length > SHOWN_FIRST ? (
        <button
          type="button"
          className="button button--secondary"
          aria-expanded={showAll}
          onClick={() => {
            setShowAll(!showAll);
          }}
        >
          {showAll ? 'Show the top five only' : `Show all ${contributors.length} weak links`}
        </button>
      ) : null}
    </>
  );
}
