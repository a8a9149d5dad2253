import { useEffect, useId, useRef, useState, type SubmitEvent, type ReactNode } from 'react';
import type { AnswerValue, QuestionDto } from '../../shared/api/types.js';
import { parseDraft, toggleOption, type Draft } from './answers.js';
import { BodyMap } from './BodyMap.js';
import { PainScale } from '../../shared/PainScale.js';
import { UnitToggle } from '../../shared/UnitToggle.js';
import type { DistanceUnit } from '../../shared/lib/units.js';
import { SECTION_TITLES } from '@backtrack/core';
import './assessment.css';

const YES_NO = [
  { id: 'yes', label: 'Yes' },
  { id: 'no', label: 'No' },
  { id: 'unsure', label: 'Not sure' },
];

/**
 * One question on one screen: a fieldset whose legend is the question
 * heading (focused when the question changes), the answer controls for its
 * type, and Back / Skip / Next. Skip is not offered for warning-sign questions.
 */
export function QuestionForm({
  question,
  initialDraft,
  busy,
  canGoBack,
  onAnswer,
  onSkip,
  onBack,
  distanceUnit,
}: {
  question: QuestionDto;
  initialDraft: Draft;
  busy: boolean;
  canGoBack: boolean;
  onAnswer: (value: AnswerValue, draft: Draft) => void;
  onSkip: () => void;
  onBack: () => void;
  /** For distances: the unit switch shown next to the number field. */
  distanceUnit?: { unit: DistanceUnit; onChange: (unit: DistanceUnit) => void };
}) {
  const [draft, setDraft] = useState<Draft>(initialDraft);
  const [problem, setProblem] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const id = useId();
  const helpId = `${id}-help`;
  const problemId = `${id}-problem`;
  const hintId = `${id}-hint`;

  useEffect(() => {
    headingRef.current?.focus();
  }, [question.id]);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = parseDraft(question, draft);
    if (!parsed.ok) {
      setProblem(parsed.message);
      return;
    }
    setProblem(null);
    onAnswer(parsed.value, draft);
  };

  const selected = Array.isArray(draft) ? draft : draft ? [draft] : [];
  const single = Array.isArray(draft) ? (draft[0] ?? '') : draft;
  const describedBy =
    [question.help ? helpId : null, problem ? problemId : null].filter(Boolean).join(' ') ||
    undefined;
  const choose = (value: string) => {
    setDraft(value);
    setProblem(null);
  };
  const toggle = (value: string) => {
    setDraft(toggleOption(selected, value));
    setProblem(null);
  };

  let controls: ReactNode;
  switch (question.type) {
    case 'yes_no':
    case 'single': {
      const options = question.type === 'yes_no' ? YES_NO : (question.options ?? []);
      controls = (
        <div className="choices">
          {options.map((o) => (
            <label key={o.id} className="choice">
              <input
                type="radio"
                name={`${id}-answer`}
                value={o.id}
                checked={single === o.id}
                onChange={() => {
                  choose(o.id);
                }}
              />
              <span>{o.label}</span>
            </label>
          ))}
        </div>
      );
      break;
    }
    case 'multi':
      controls = (
        <div className="choices">
          {(question.options ?? []).map((o) => (
            <label key={o.id} className="choice">
              <input
                type="checkbox"
                name={`${id}-answer`}
                value={o.id}
                checked={selected.includes(o.id)}
                onChange={() => {
                  toggle(o.id);
                }}
              />
              <span>{o.label}</span>
            </label>
          ))}
        </div>
      );
      break;
    case 'number':
      controls = (
        <div className="field">
          <label htmlFor={`${id}-number`}>
            Your answer{question.unit ? ` (${question.unit})` : ''}
          </label>
          <div className="input-unit">
            <input
              id={`${id}-number`}
              type="number"
              inputMode="decimal"
              step="any"
              min={question.min}
              max={question.max}
              value={single}
              aria-describedby={[hintId, problem ? problemId : null].filter(Boolean).join(' ')}
              aria-invalid={problem ? true : undefined}
              onChange={(e) => {
                choose(e.target.value);
              }}
            />
            {question.unit ? <span aria-hidden="true">{question.unit}</span> : null}
          </div>
          {question.min !== undefined && question.max !== undefined ? (
            <p id={hintId} className="hint">
              From {question.min} to {question.max}
              {question.unit ? ` ${question.unit}` : ''}.
            </p>
          ) : null}
          {distanceUnit ? (
            <UnitToggle unit={distanceUnit.unit} onChange={distanceUnit.onChange} />
          ) : null}
        </div>
      );
      break;
    case 'scale':
      controls = (
        <PainScale
          name={`${id}-answer`}
          value={single}
          onChange={(n) => {
            choose(n);
          }}
        />
      );
      break;
    case 'body_regions':
      controls = (
        <BodyMap
          selected={selected}
          onToggle={(region) => {
            toggle(region);
          }}
          {...(describedBy ? { describedBy } : {})}
        />
      );
      break;
  }

  const canSkip = !question.redFlag;
  return (
    <form className="question" onSubmit={submit} noValidate>
      <fieldset aria-describedby={describedBy}>
        <legend>
          <span className="question__section">
            {SECTION_TITLES[question.section]}
            {question.redFlag ? ' · safety check, cannot be skipped' : ''}
          </span>
          <h1 ref={headingRef} tabIndex={-1} className="question__text">
            {question.text}
          </h1>
        </legend>
        {question.help ? (
          <p id={helpId} className="hint">
            {question.help}
          </p>
        ) : null}
        {controls}
      </fieldset>
      {problem ? (
        <p id={problemId} className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="question__actions">
        <button
          type="button"
          className="button button--secondary"
          onClick={onBack}
          disabled={!canGoBack || busy}
        >
          Back
        </button>
        {canSkip ? (
          <button type="button" className="button button--ghost" onClick={onSkip} disabled={busy}>
            Skip
          </button>
        ) : null}
        <button type="submit" className="button button--primary" disabled={busy}>
          Next
        </button>
      </div>
    </form>
  );
}
