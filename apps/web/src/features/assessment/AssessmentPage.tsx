import { useEffect, useState } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import { useInterview, useInterviewActions, isNotFound } from '../../shared/api/queries.js';
import type { Interview } from '../../shared/api/types.js';
import { EmergencyScreen } from './EmergencyScreen.js';
import { ErrorMessage, Loading } from '../../shared/ErrorMessage.js';
import { QuestionForm } from './QuestionForm.js';
import { draftFromValue, inDistanceUnit, type Draft } from './answers.js';
import { readSetting, STORAGE_KEYS, writeSetting } from '../../shared/lib/storage.js';
import { useUnits } from '../../shared/use-units.js';
import './assessment.css';

/** Whether the interview ended on an emergency. */
function isEmergency(interview: Interview): boolean {
  return interview.endedBecause === 'emergency' || interview.result?.triage.tier === 'emergency';
}

/** The assessment: one question per screen, with progress, Back and (not for warning signs) Skip. */
export function AssessmentPage() {
  const { id = '' } = useParams();
  const interview = useInterview(id);
  const actions = useInterviewActions(id);
  // What the runner typed for each question, shown again when they go Back to it.
  const [drafts, setDrafts] = useState<ReadonlyMap<string, Draft>>(() => new Map());
  const [unit, setUnit] = useUnits();

  useEffect(() => {
    if (interview.data && readSetting(STORAGE_KEYS.assessmentId) !== id) {
      writeSetting(STORAGE_KEYS.assessmentId, id);
    }
  }, [interview.data, id]);

  if (interview.isPending) {
    return (
      <>
        <h1>Assessment</h1>
        <Loading label="Loading your assessment…" />
      </>
    );
  }
  if (interview.isError) {
    return (
      <>
        <title>Assessment – Backtrack</title>
        <h1>Assessment</h1>
        {isNotFound(interview.error) ? (
          <p>
            This assessment was not found. It may belong to another browser or account.{' '}
            <Link to="/">Start a new assessment</Link>.
          </p>
        ) : (
          <ErrorMessage error={interview.error} />
        )}
      </>
    );
  }

  const data = interview.data;
  if (data.status === 'done') {
    if (isEmergency(data)) {
      return (
        <>
          <title>Call emergency services now – Backtrack</title>
          <h1 className="visually-hidden">Assessment ended</h1>
          <EmergencyScreen result={data.result} assessmentId={id} />
        </>
      );
    }
    return <Navigate to={`/report/${id}`} replace />;
  }

  const next = data.next;
  // Distances are asked in the runner's unit and sent in kilometres.
  const shown = next ? inDistanceUnit(next.question, unit) : undefined;
  const asked = next?.progress.asked ?? data.asked.length;
  const total = asked + 1 + (next?.progress.remainingEstimate ?? 0);
  const percent = next ? Math.round((asked / total) * 100) : 100;
  const stageText =
    next?.stage === 'red_flags'
      ? 'Warning signs first'
      : next?.stage === 'risk_screen'
        ? 'Last part: how the pain affects you'
        : 'Finding your weak links';

  return (
    <div className="assessment">
      <title>
        {next ? `Question ${asked + 1} – Backtrack` : 'Assessment complete – Backtrack'}
      </title>
      <div className="progress">
        <div
          className="progress__bar"
          role="progressbar"
          aria-label="Assessment progress"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-valuetext={`${percent}%`}
        >
          <div className="progress__fill" style={{ width: `${percent}%` }} />
        </div>
        <p className="progress__text" aria-live="polite">
          {next
            ? `Question ${asked + 1} of about ${total} · ${stageText}`
            : 'All questions answered'}
        </p>
      </div>

      {next ? (
        <QuestionForm
          key={`${next.question.id}-${data.asked.length}`}
          question={shown?.question ?? next.question}
          initialDraft={
            drafts.get(next.question.id) ??
            (next.question.unit === 'km' && unit === 'mi'
              ? ''
              : draftFromValue(data.answers[next.question.id]))
          }
          busy={actions.isPending}
          canGoBack={data.asked.length > 0}
          {...(next.question.unit === 'km' ? { distanceUnit: { unit, onChange: setUnit } } : {})}
          onAnswer={(value, draft) => {
            setDrafts((old) => new Map(old).set(next.question.id, draft));
            actions.mutate({
              kind: 'answer',
              questionId: next.question.id,
              value: shown ? shown.toApi(value) : value,
            });
          }}
          onSkip={() => {
            actions.mutate({ kind: 'skip', questionId: next.question.id });
          }}
          onBack={() => {
            actions.mutate({ kind: 'back' });
          }}
        />
      ) : (
        <section className="card">
          <h1 tabIndex={-1}>That is everything we need</h1>
          <p>Your report is ready: how urgent it is, the likely weak links and what to do today.</p>
          <div className="question__actions">
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                actions.mutate({ kind: 'back' });
              }}
              disabled={actions.isPending}
            >
              Back
            </button>
            <button
              type="button"
              className="button button--primary"
              onClick={() => {
                actions.mutate({ kind: 'finish' });
              }}
              disabled={actions.isPending}
            >
              See my report
            </button>
          </div>
        </section>
      )}

      {actions.isError ? <ErrorMessage error={actions.error} /> : null}

      {next && next.stage !== 'red_flags' ? (
        <p className="finish-early">
          <button
            type="button"
            className="link-button"
            onClick={() => {
              actions.mutate({ kind: 'finish' });
            }}
            disabled={actions.isPending}
          >
            Stop here and see my report
          </button>
        </p>
      ) : null}
    </div>
  );
}
