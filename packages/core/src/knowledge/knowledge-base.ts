/**
 * The shape of the validated knowledge base, apart from the loader
 * (`index.ts`), so that modules the loader re-exports (`cite.ts`) can use the
 * type without importing the loader back.
 */
import type { Exercise } from './exercises/index.js';
import type { PlanRule } from './plan-rules.js';
import type { RunningRule } from './running-rules.js';
import type {
  Contributor,
  EffectGroup,
  MinorFlag,
  Question,
  RedFlag,
  SeedClaim,
  Source,
  TriageRule,
} from './schema.js';
import type { WarningSignLink } from './warning-sign-links.js';

/** The validated knowledge base handed to the engine. */
export interface KnowledgeBase {
  contributors: Contributor[];
  questions: Question[];
  /** Groups of correlated findings whose effects are damped together. */
  effectGroups: EffectGroup[];
  redFlags: RedFlag[];
  triageRules: TriageRule[];
  /** Minor warning signs that the level-of-concern triage rules count. */
  minorFlags: MinorFlag[];
  /** Warning-sign rules that also raise a contributor (bone overload). */
  warningSignLinks: WarningSignLink[];
  sources: Source[];
  seedClaims: SeedClaim[];
  exercises: Exercise[];
  runningRules: RunningRule[];
  /** The plan engine's numbers (thresholds, schedule, dose steps), each with basis and sources. */
  planRules: PlanRule[];
}
