import { Link, useNavigate } from 'react-router';
import { useStartAssessment } from '../../shared/api/queries.js';
import { ErrorMessage } from '../../shared/ErrorMessage.js';
import { readSetting, STORAGE_KEYS, writeSetting } from '../../shared/lib/storage.js';
import './assessment.css';

/** The start page: what Backtrack does and does not do, when to call for help, and Start. */
export function StartPage() {
  const navigate = useNavigate();
  const start = useStartAssessment();
  const previous = readSetting(STORAGE_KEYS.assessmentId);

  const onStart = () => {
    start.mutate(undefined, {
      onSuccess: (interview) => {
        writeSetting(STORAGE_KEYS.assessmentId, interview.id);
        void navigate(`/assessment/${interview.id}`);
      },
    });
  };

  return (
    <>
      <title>Backtrack: lower back pain in runners</title>
      <section className="hero" aria-labelledby="start-title">
        <h1 id="start-title">Running with a sore lower back?</h1>
        <p className="lead">
          Answer a few questions, one at a time. Backtrack checks first for warning signs that need
          a doctor, then works out the likely <strong>weak links</strong> behind your pain and gives
          you a plan to fix them, with the reasons and sources behind every step.
        </p>
        <div className="actions">
          <button
            type="button"
            className="button button--primary button--large"
            onClick={onStart}
            disabled={start.isPending}
          >
            {start.isPending ? 'Starting…' : 'Start'}
          </button>
          {previous ? (
            <Link className="button button--secondary" to={`/assessment/${previous}`}>
              Continue my last assessment
            </Link>
          ) : null}
        </div>
        <p className="muted">About 5 minutes. No account needed to get your report.</p>
        {start.isError ? <ErrorMessage error={start.error} title="Could not start" /> : null}
      </section>

      <section className="notice notice--emergency" aria-labelledby="emergency-title">
        <h2 id="emergency-title">Call emergency services now if you have</h2>
        <ul>
          <li>new numbness or tingling around your bottom, genitals or inner thighs;</li>
          <li>a new problem passing urine or controlling your bladder or bowels;</li>
          <li>weakness or numbness in both legs, or a leg getting weaker;</li>
          <li>sudden severe back or belly pain with feeling faint;</li>
          <li>a fever or feeling very unwell with the back pain.</li>
        </ul>
        <p>
          Call your local emergency number (112 in Europe, 999 in the UK, 911 in North America) or
          go to the nearest emergency department. Do not wait for an assessment.
        </p>
      </section>

      <div className="two-col">
        <section aria-labelledby="does-title" className="card">
          <h2 id="does-title">What Backtrack does</h2>
          <ul className="ticks">
            <li>Screens for warning signs first, every time.</li>
            <li>
              Says how urgent it is: emergency, doctor within days, book a clinician, or self-care.
            </li>
            <li>
              Ranks the likely weak links (core, hips, mobility, form, shoes, training load, hills
              and more) and shows why.
            </li>
            <li>Builds a week-by-week plan of exercises and running changes.</li>
            <li>Adapts the plan to your daily pain check-ins and shows your progress.</li>
          </ul>
        </section>
        <section aria-labelledby="doesnt-title" className="card">
          <h2 id="doesnt-title">What Backtrack does not do</h2>
          <ul className="crosses">
            <li>
              It is <strong>not a diagnosis</strong>: it cannot examine you or see a scan.
            </li>
            <li>It does not replace a doctor or physiotherapist.</li>
            <li>It does not prescribe medicines.</li>
            <li>It does not give a plan when a warning sign needs a doctor first.</li>
          </ul>
        </section>
      </div>
    </>
  );
}
