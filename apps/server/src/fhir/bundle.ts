/**
 * The runner's record as a FHIR R4 Bundle (type `collection`): Patient,
 * QuestionnaireResponse (the assessment's answers), Observation (pain 0–10
 * at assessment and in check-ins, and the outcome measures: NPRS with the
 * same LOINC code, PSFS by text only, as LOINC has no code for it that we
 * know of), ClinicalImpression (the triage and its
 * reasons), RiskAssessment (the ranked weak links), CarePlan (the plan's
 * exercises) and Appointment. Pure: the caller loads what the reader may
 * see (everything for the runner, the consented items for a clinician).
 * Resources reference each other by `urn:uuid:` full URLs inside the bundle.
 */
import {
  formatAnswer,
  OUTCOME_INSTRUMENT_NAMES,
  type AnswerValue,
  type OutcomeMeasure,
  type AssessmentResult,
  type KnowledgeBase,
  type Plan,
} from '@backtrack/core';
import type {
  Appointment,
  Bundle,
  BundleEntry,
  CarePlan,
  ClinicalImpression,
  Observation,
  Patient,
  QuestionnaireResponse,
  QuestionnaireResponseItemAnswer,
  Resource,
  RiskAssessment,
} from '@medplum/fhirtypes';

/**
 * The Bundle as the API's contract types it: shallow, so that the route
 * types stay small (medplum's full `Bundle` is too deep for hono's inference).
 */
export interface FhirBundleJson {
  resourceType: 'Bundle';
  type: Bundle['type'];
  timestamp?: string;
  entry?: { fullUrl?: string; resource?: { resourceType: string } }[];
}

/** A Bundle as its JSON contract type (every Bundle is one). */
export function bundleJson(bundle: Bundle): FhirBundleJson {
  return bundle;
}

/** LOINC 72514-3: pain severity, 0–10 verbal numeric rating, reported. */
export const LOINC_PAIN_SEVERITY = {
  system: 'http://loinc.org',
  code: '72514-3',
  display: 'Pain severity - 0-10 verbal numeric rating [Score] - Reported',
} as const;

/** What the bundle is built from; absent parts are left out. */
export interface FhirRecordInput {
  runner: { id: string; email: string };
  /** ISO instant the bundle is made. */
  generatedAt: string;
  assessment: {
    id: string;
    answers: Readonly<Record<string, AnswerValue>>;
    result: AssessmentResult | null;
    updatedAt: string;
  } | null;
  plan: { id: string; startDate: string; endDate: string; plan: Plan } | null;
  checkIns: readonly { id: string; date: string; painNextMorning: number }[];
  appointments: readonly {
    id: string;
    start: string;
    end: string;
    status: 'booked' | 'cancelled' | 'rescheduled';
    description: string;
  }[];
  /** Outcome measures (NPRS, PSFS) with who recorded each: `null` for the runner, else the clinician's name. */
  outcomes: readonly (OutcomeMeasure & { id: string; recordedBy: string | null })[];
}

/** What a resource is made from: several resources of one assessment need ids of their own. */
type ResourceKind =
  | 'patient'
  | 'qr'
  | 'painnow'
  | 'impression'
  | 'risk'
  | 'careplan'
  | 'checkin'
  | 'appointment'
  | 'outcome';
/** The last hex digit of each derived id (null: the row's own id, used by one resource only). */
const KIND_TAGS: Record<ResourceKind, string | null> = {
  patient: '0',
  qr: '1',
  painnow: '5',
  impression: '2',
  risk: '3',
  careplan: '4',
  checkin: null,
  appointment: null,
  outcome: null,
};

/** The resource id: the row's uuid with its last hex digit set by kind, so one row's resources never share an id. */
function uuidFor(kind: ResourceKind, id: string): string {
  const tag = KIND_TAGS[kind];
  return tag === null ? id : `${id.slice(0, -1)}${tag}`;
}

function painObservation(
  patientRef: string,
  date: string,
  value: number,
  note: string,
): Observation {
  return {
    resourceType: 'Observation',
    status: 'final',
    category: SURVEY,
    code: { coding: [{ ...LOINC_PAIN_SEVERITY }], text: note },
    subject: { reference: patientRef },
    effectiveDateTime: date,
    valueInteger: value,
  };
}

/** The `survey` observation category. */
const SURVEY = [
  {
    coding: [
      { system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'survey' },
    ],
  },
];

/**
 * An outcome measure as an Observation: NPRS under the pain-severity LOINC
 * code like the other pain scores; PSFS by text (its mean, with each
 * activity as a component). The performer is the runner (the Patient) or,
 * when a clinician recorded it, the clinician by name.
 */
function outcomeObservation(
  patientRef: string,
  m: FhirRecordInput['outcomes'][number],
): Observation {
  const performer = [m.recordedBy === null ? { reference: patientRef } : { display: m.recordedBy }];
  const name = OUTCOME_INSTRUMENT_NAMES[m.instrument];
  if (m.instrument === 'nprs')
    return {
      ...painObservation(patientRef, m.recordedAt, m.score, name),
      performer,
    };
  return {
    resourceType: 'Observation',
    status: 'final',
    category: SURVEY,
    code: { text: `${name}: mean of the activities (0 = unable, 10 = as before)` },
    subject: { reference: patientRef },
    effectiveDateTime: m.recordedAt,
    performer,
    valueQuantity: {
      value: m.score,
      unit: 'score',
      system: 'http://unitsofmeasure.org',
      code: '{score}',
    },
    component: (m.items ?? []).map((item) => ({
      code: { text: item.activity },
      valueInteger: item.score,
    })),
  };
}

function answerOf(value: AnswerValue, text: string): QuestionnaireResponseItemAnswer[] {
  if (typeof value === 'number') return [{ valueDecimal: value }];
  return [{ valueString: text }];
}

/** Builds the Bundle. */
export function buildFhirBundle(kb: KnowledgeBase, input: FhirRecordInput): Bundle {
  const entries: BundleEntry[] = [];
  // Each resource gets an id (a uuid) and the full URL `urn:uuid:<id>`.
  const add = (kind: ResourceKind, rowId: string, resource: Resource) => {
    const id = uuidFor(kind, rowId);
    entries.push({ fullUrl: `urn:uuid:${id}`, resource: { ...resource, id } });
  };
  const patientRef = `Patient/${uuidFor('patient', input.runner.id)}`;
  const patient: Patient = {
    resourceType: 'Patient',
    identifier: [{ system: 'urn:backtrack:user', value: input.runner.id }],
    telecom: [{ system: 'email', value: input.runner.email }],
  };
  add('patient', input.runner.id, patient);

  const a = input.assessment;
  if (a) {
    const items = Object.entries(a.answers).flatMap(([id, value]) => {
      const question = kb.questions.find((q) => q.id === id);
      if (!question) return [];
      return [
        { linkId: id, text: question.text, answer: answerOf(value, formatAnswer(question, value)) },
      ];
    });
    const qr: QuestionnaireResponse = {
      resourceType: 'QuestionnaireResponse',
      status: a.result ? 'completed' : 'in-progress',
      subject: { reference: patientRef },
      authored: a.updatedAt,
      item: items,
    };
    add('qr', a.id, qr);
    const painNow = a.answers.pain_now;
    if (typeof painNow === 'number')
      add(
        'painnow',
        a.id,
        painObservation(patientRef, a.updatedAt, painNow, 'Pain now, at assessment'),
      );
    if (a.result) {
      const triage = a.result.triage;
      const impression: ClinicalImpression = {
        resourceType: 'ClinicalImpression',
        status: 'completed',
        subject: { reference: patientRef },
        date: a.updatedAt,
        description: `Backtrack triage: ${triage.tier ?? 'screen not finished'}. Not a diagnosis.`,
        summary: triage.whatToDoNow,
        finding: triage.reasons.map((r) => ({ itemCodeableConcept: { text: r.reason } })),
      };
      add('impression', a.id, impression);
      const risk: RiskAssessment = {
        resourceType: 'RiskAssessment',
        status: 'final',
        subject: { reference: patientRef },
        occurrenceDateTime: a.updatedAt,
        method: {
          text: 'Backtrack contributor ranking (likelihood ratios from the knowledge base)',
        },
        prediction: a.result.contributors.map((c) => ({
          outcome: { text: c.name },
          probabilityDecimal: Math.round(c.probability * 1000) / 1000,
          qualitativeRisk: { text: c.band },
        })),
        note: [{ text: a.result.disclaimer }],
      };
      add('risk', a.id, risk);
    }
  }

  for (const c of input.checkIns)
    add(
      'checkin',
      c.id,
      painObservation(
        patientRef,
        c.date,
        c.painNextMorning,
        'Pain the next morning (daily check-in)',
      ),
    );

  for (const m of input.outcomes) add('outcome', m.id, outcomeObservation(patientRef, m));

  const p = input.plan;
  if (p) {
    const seen = new Set<string>();
    const activity: NonNullable<CarePlan['activity']> = [];
    for (const week of p.plan.weeks)
      for (const day of week.days)
        for (const item of day.items)
          if (item.kind === 'exercise' && !seen.has(item.exerciseId)) {
            seen.add(item.exerciseId);
            activity.push({
              detail: { status: 'scheduled', description: `${item.name}: ${item.reason}` },
            });
          }
    const carePlan: CarePlan = {
      resourceType: 'CarePlan',
      status: 'active',
      intent: 'plan',
      subject: { reference: patientRef },
      period: { start: p.startDate, end: p.endDate },
      title: 'Backtrack plan for lower back pain',
      description: p.plan.disclaimer,
      activity,
    };
    add('careplan', p.id, carePlan);
  }

  for (const ap of input.appointments) {
    const appointment: Appointment = {
      resourceType: 'Appointment',
      status: ap.status === 'booked' ? 'booked' : 'cancelled',
      description: ap.description,
      start: ap.start,
      end: ap.end,
      participant: [{ actor: { reference: patientRef }, status: 'accepted' }],
    };
    add('appointment', ap.id, appointment);
  }

  return {
    resourceType: 'Bundle',
    type: 'collection',
    timestamp: input.generatedAt,
    entry: entries,
  };
}
