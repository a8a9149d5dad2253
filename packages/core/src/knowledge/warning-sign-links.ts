/**
 * Warning signs that also say something about a weak link. The red flags for
 * a stress injury or a fragility fracture describe bone overload or failure,
 * which the contributor `bone_stress` stands for (its definition includes
 * sacral, pars, femoral neck and fragility fractures); when one of them fires,
 * the ranking shows bone overload as a likely weak link and says why. Signs
 * of a possible non-mechanical cause (cancer, infection, aneurysm, a major
 * injury) mean that no mechanical weak link can be singled out until a doctor
 * has checked: they raise `nonspecific` once, by a bounded factor, instead of
 * every such answer multiplying it as separate evidence.
 */
import { z } from 'zod';
import { ZBasis, ZContributorId, ZSourceId } from './schema.js';

/** One link from warning-sign rules (red flags or triage rules, by id) to a contributor. */
export const ZWarningSignLink = z.object({
  contributor: ZContributorId,
  /** What the explanation step says was found, in plain words. */
  label: z.string().min(10),
  /** Ids of the red flags and triage rules whose firing raises the contributor. */
  rules: z.array(z.string()).min(1),
  /** The likelihood ratio applied once, however many of the rules fire. */
  lr: z.number().gt(1).max(10),
  basis: ZBasis,
  sources: z.array(ZSourceId).min(1),
  note: z.string().min(10),
});
export type WarningSignLink = z.infer<typeof ZWarningSignLink>;

/** Every link. */
export const WARNING_SIGN_LINKS: z.input<typeof ZWarningSignLink>[] = [
  {
    contributor: 'bone_stress',
    label: 'A warning sign of a bone injury was found',
    rules: [
      'femoral_neck_non_weight_bearing',
      'femoral_neck_load',
      'femoral_neck_hop',
      'fragility_fracture',
      'bone_stress_hop',
      'bone_stress_focal',
      'adolescent_extension',
      'young_extension_pain',
    ],
    lr: 4,
    basis: 'expert-estimate',
    sources: ['evidence-synthesis-1-8', 'masci-2006', 'downie-2013', 'robertson-wood-2017'],
    note: 'Each of these rules describes a bone stress or fragility fracture picture (about half of young athletes with extension pain have an active pars injury, Masci 2006); a factor of 4, applied once, is the project’s estimate of how much that picture raises bone overload as the weak link.',
  },
  {
    contributor: 'nonspecific',
    label: 'A warning sign of a possible non-mechanical cause was found',
    rules: [
      'cancer_neuro',
      'cancer_history',
      'weight_loss',
      'night_pain_unrelieved',
      'older_not_improving',
      'older_not_improving_watch',
      'aaa_sudden',
      'aaa_pulsating',
      'sudden_severe_unexplained',
      'infection_fever',
      'infection_risk_unwell',
      'infection_unwell',
      'fever_doubt',
      'fracture_major_trauma',
      'child_night_or_constant',
      'child_unwell_or_limp',
      'concern_three_minor_flags',
    ],
    lr: 4,
    basis: 'expert-estimate',
    sources: ['finucane-2020', 'vignettes-readme'],
    note: 'Until a doctor has ruled out the cause these signs point to, the pain may not come from a mechanical weak link at all; the case-card convention ranks “no single mechanical weak link” first on such cards. Applied once, however many signs fire, so warning signs cannot pile up as separate evidence.',
  },
];
