import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import type { AssessmentResult } from '../../shared/api/types.js';
import './assessment.css';

/**
 * The full-screen "what to do now" page shown the moment an answer makes the
 * triage an emergency. A modal dialog: the assessment behind it is inert, and
 * Escape does not close it; the runner leaves it only by a clear choice. A
 * finished assessment cannot be changed, so a mistaken answer means starting again.
 */
export function EmergencyScreen({
  result,
  assessmentId,
}: {
  result: AssessmentResult | undefined;
  assessmentId: string;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    headingRef.current?.focus();
    return () => {
      dialog?.close();
    };
  }, []);

  const reasons = result?.triage.reasons ?? [];
  const emergencyReasons = reasons.filter((r) => r.tier === 'emergency');
  const shown = emergencyReasons.length > 0 ? emergencyReasons : reasons;

  return (
    <dialog
      ref={dialogRef}
      className="emergency"
      aria-labelledby="emergency-heading"
      aria-describedby="emergency-lead"
      onCancel={(event) => {
        event.preventDefault();
      }}
    >
      <div className="emergency__inner">
        <p className="emergency__tag">Emergency</p>
        <h1 id="emergency-heading" ref={headingRef} tabIndex={-1}>
          Call emergency services now
        </h1>
        <p id="emergency-lead" className="emergency__lead">
          Your answers include a warning sign that needs to be checked in an emergency department
          today. Do not wait to see if it settles.
        </p>
        <h2>What to do now</h2>
        <ol className="emergency__steps">
          <li>
            <strong>Call your local emergency number</strong>: <a href="tel:112">112</a> in Europe,{' '}
            <a href="tel:999">999</a> in the UK, <a href="tel:911">911</a> in North America.
          </li>
          <li>
            Or <strong>go to the nearest emergency department now</strong>. Ask someone to take you;
            tell them about the symptoms below.
          </li>
          <li>Do not run or exercise until you have been seen.</li>
        </ol>
        <h2>Why</h2>
        {shown.length > 0 ? (
          <ul className="emergency__reasons">
            {shown.map((r) => (
              <li key={r.id}>
                <p>{r.reason}</p>
                <p>
                  <strong>{r.action}</strong>
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p>
            {result?.triage.whatToDoNow ?? 'A warning sign in your answers needs emergency care.'}
          </p>
        )}
        <p className="emergency__note">
          Backtrack is not a diagnosis. These symptoms can have several causes; only an examination
          can tell, and some need treatment within hours.
        </p>
        <div className="emergency__actions">
          <Link className="button button--light" to={`/report/${assessmentId}`}>
            See the full report
          </Link>
          <Link className="button button--outline-light" to="/">
            I answered by mistake: start again
          </Link>
        </div>
      </div>
    </dialog>
  );
}
