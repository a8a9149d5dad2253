/**
 * Contributors: the likely "weak links" behind a runner's low back pain.
 * Each is an independent yes/no variable (several can be present at once),
 * so `prior` is the chance that this contributor is present in a runner with
 * low back pain who opens the app, not a share of a single diagnosis. Almost
 * no prevalence data exist for these contributors in runners, so most priors
 * are expert estimates; `priorNote` says what each rests on.
 *
 * History alone cannot identify the painful tissue (Hancock 2007): the
 * tissue-named contributors (facet, disc, SIJ, nerve root) are patterns a
 * physiotherapist would recognise, not diagnoses.
 */
import type { z } from 'zod';
import type { ZContributor } from './schema.js';

/** Every contributor, one per id of `CONTRIBUTOR_IDS`. */
export const CONTRIBUTORS: z.input<typeof ZContributor>[] = [
  {
    id: 'muscle_strain',
    name: 'Back muscle strain',
    summary:
      'A strained or overworked muscle beside the spine, usually after a hard session, a heavy lift or one awkward movement. It feels sore and tight to press, does not travel down the leg, and mostly settles by itself within days to a few weeks; gentle movement and heat help. How to recognise a strain comes from clinical experience rather than from accuracy studies.',
    prior: 0.2,
    priorBasis: 'expert-estimate',
    priorNote:
      'The seed article calls strain the most common reason for a flare during exercise (S1-03); no runner prevalence data exist, so 20% is an estimate for an app population that mixes new and long-standing pain.',
    evidence: 'expert',
    sources: ['S1-03', 'S3-11', 'muscle-strain-pages'],
  },
  {
    id: 'core_weakness',
    name: 'Trunk (core) endurance and control',
    summary:
      'The deep trunk muscles and the obliques hold the spine and pelvis steady at every stride; if they tire early, the low back takes more of the load late in a run. The clinic articles rank this among the biggest causes, but research has not shown that poor core endurance causes back pain in runners, so Backtrack treats it as a plausible, trainable link. Planks, bridges and bird dogs are the usual starting point.',
    prior: 0.2,
    priorBasis: 'expert-estimate',
    priorNote:
      'The seed articles call it a leading cause (S2-05, S1-04, S4-03); no runner study confirms it (fatiguing the core changed knee, not lumbar, loading: Chaudhari 2020), and motor-control training is not better than other exercise (Saragiotto 2016), so a moderate estimate.',
    evidence: 'expert',
    sources: ['S2-05', 'S1-04', 'S0-12', 'S4-03', 'S2-06', 'chaudhari-2020', 'saragiotto-2016'],
  },
  {
    id: 'glute_hip_weakness',
    name: 'Weak glutes and hip stabilisers',
    summary:
      'When the buttock muscles that keep the pelvis level are weak, the opposite hip drops at each landing and the pelvis and low back twist to compensate. Strengthening the hips (single-leg deadlifts, hip thrusts, side lunges) is a sensible part of a plan, though trials show it adds little over general back exercise.',
    prior: 0.2,
    priorBasis: 'expert-estimate',
    priorNote:
      'Named by the seed articles (S0-10, S2-07); trials of added hip strengthening were mixed (Santamaría 2023; Fukuda 2021: no extra benefit), and no prevalence data exist, so a moderate estimate.',
    evidence: 'expert',
    sources: ['S0-10', 'S2-07', 'santamaria-2023', 'fukuda-2021'],
  },
  {
    id: 'hip_mobility_flexibility',
    name: 'Stiff hips: tight hip flexors, hamstrings or inner thighs',
    summary:
      'If the front of the hip is tight, the leg cannot swing far enough behind you, so the low back arches to make up the difference; tight hamstrings and inner thighs can tilt the pelvis in a similar way. Long hours sitting or riding in a low aero position add to it. Restricted hip range has been linked to back pain in runners, but only in small, low-quality studies.',
    prior: 0.2,
    priorBasis: 'expert-estimate',
    priorNote:
      'Maselli 2020 lists restricted hip flexion range (OR ≈3.0 in women) and poor hamstring flexibility among runner LBP risk factors, each from a single low-quality study; restricted hamstring range also predicted new LBP in general cohorts (Sadler 2017). Seed claims S0-06, S0-07, S0-16, S4-03–S4-05.',
    evidence: 'systematic-review',
    sources: ['S0-06', 'S0-07', 'S0-16', 'S4-03', 'S4-04', 'S4-05', 'maselli-2020', 'sadler-2017'],
  },
  {
    id: 'calf_ankle',
    name: 'Tight calves and unsteady ankles',
    summary:
      'Stiff calves or weak ankle stabilisers change how the foot absorbs each landing, so the joints further up the chain, the low back included, have to absorb more. This link comes from the clinic articles’ kinetic-chain reasoning; no study has tested it for back pain.',
    prior: 0.08,
    priorBasis: 'expert-estimate',
    priorNote:
      'Only seed claims support it (S0-08, S0-11); no prevalence or association data, so a low estimate.',
    evidence: 'expert',
    sources: ['S0-08', 'S0-11', 'S0-03', 'S3-01'],
  },
  {
    id: 'upper_body_tension',
    name: 'Tense shoulders and braced arms',
    summary:
      'Running with hunched shoulders or stiff, braced arms stops the arms from balancing the swing of the legs, so the trunk and low back work harder to stay steady. This comes from the clinic articles and coaching experience, not from research on back pain.',
    prior: 0.08,
    priorBasis: 'expert-estimate',
    priorNote:
      'Only seed claims support it (S0-09, S0-17, S3-01); no prevalence or association data, so a low estimate.',
    evidence: 'expert',
    sources: ['S0-09', 'S0-17', 'S3-01'],
  },
  {
    id: 'facet_joint_irritation',
    name: 'Facet joint irritation',
    summary:
      'The small joints at the back of the spine can become irritated, typically giving pain on arching backwards or twisting, short morning stiffness, and an ache that may reach the buttock but stays above the knee. It becomes more common from middle age. Your answers can only suggest this pattern: history and self-tests cannot confirm a facet joint source, which needs a clinician’s assessment.',
    prior: 0.15,
    priorBasis: 'expert-estimate',
    priorNote:
      'Facet joints are estimated to cause 15–45% of chronic LBP (StatPearls); runners using the app are younger and often have recent pain, so the lower end is used.',
    evidence: 'expert',
    sources: ['S1-05', 'S1-06', 'S1-07', 'S0-05', 'statpearls-facet', 'hancock-2007'],
  },
  {
    id: 'running_form',
    name: 'Running technique',
    summary:
      'Overstriding (the foot landing far ahead of the body), a lot of upper-body twisting, arms swinging across the body or leaning forward from the waist make the low back brace and twist at every step. New form takes some weeks to feel natural, and a coach or physiotherapist watching you run judges it best. A slightly higher step rate lowers hip and knee loading in the lab, but no trial shows it treats back pain.',
    prior: 0.2,
    priorBasis: 'expert-estimate',
    priorNote:
      'The seed articles call form a leading cause (S2-01, S4-06); lab data show technique changes joint loading (Heiderscheit 2011), but there are no prevalence data for runners with LBP, so an estimate.',
    evidence: 'lab',
    sources: [
      'S2-01',
      'S2-02',
      'S2-03',
      'S2-04',
      'S0-02',
      'S0-15',
      'S4-06',
      'S3-09',
      'heiderscheit-2011',
    ],
  },
  {
    id: 'stride_asymmetry',
    name: 'Left–right imbalance',
    summary:
      'Spending longer on one foot, reaching further with one leg, or always running the same way round a track or on the same side of a sloping road loads one side of the pelvis and back more than the other. Leg-length differences and uneven heel wear have been linked to back pain in runners, but only in small studies.',
    prior: 0.1,
    priorBasis: 'expert-estimate',
    priorNote:
      'Seed claim S0-13; Maselli 2020 (Table 8) lists leg-length difference and uneven shoe-heel wear as reported risk factors from single low-quality studies; estimate.',
    evidence: 'systematic-review',
    sources: ['S0-13', 'maselli-2020', 'maselli-table-8'],
  },
  {
    id: 'breathing_pattern',
    name: 'Chest breathing under effort',
    summary:
      'Breathing hard by lifting the chest and shoulders, instead of letting the diaphragm and belly move, is thought to take away some of the trunk’s steadiness. The idea comes from the clinic articles and has not been tested in runners with back pain, so it ranks low unless your answers point to it.',
    prior: 0.05,
    priorBasis: 'expert-estimate',
    priorNote: 'Only a seed claim supports it (S0-14); no data, so a low estimate.',
    evidence: 'expert',
    sources: ['S0-14'],
  },
  {
    id: 'footwear',
    name: 'Worn-out or changed shoes',
    summary:
      'Shoes lose part of their cushioning as they wear, and a collapsed heel tilts each landing; a sudden switch to a very different shoe also changes how load reaches the back. The usual advice to replace shoes every 500–800 km rests on old machine tests, and no study links shoe mileage to back pain, so look at wear and at how the shoe feels rather than at a fixed distance.',
    prior: 0.1,
    priorBasis: 'expert-estimate',
    priorNote:
      'Seed claims S2-08 and S2-09; machine-worn shoes kept about 60% of their shock absorption after 500 miles (Cook 1985, lab) and runners adapt to worn shoes (Kong 2009); no study links mileage to LBP, so an estimate.',
    evidence: 'lab',
    sources: ['S2-08', 'S2-09', 'cook-1985', 'kong-2009', 'kulmala-2018'],
  },
  {
    id: 'training_load_error',
    name: 'Too much, too soon',
    summary:
      'Pain that follows a jump in weekly distance, a run much longer than usual, more runs with fewer rest days, or training that your eating does not fuel. Total mileage on its own is not linked to back pain in runners; sudden spikes and under-fuelling are the concern. Stopping altogether rarely solves it: easing the load and building back up gradually does.',
    prior: 0.25,
    priorBasis: 'expert-estimate',
    priorNote:
      'Overuse is the seed articles’ most concrete cause (S2-10). Large cohorts link single-session spikes to running injuries in general (Frandsen 2025, HRR 1.52–2.28; Nielsen 2014), not to LBP specifically, and Maselli 2021 found no link between LBP and training characteristics; estimate.',
    evidence: 'cohort',
    sources: [
      'S2-10',
      'S2-11',
      'S1-01',
      'S1-02',
      'S4-02',
      'frandsen-2025',
      'nielsen-2014',
      'maselli-2021',
      'mountjoy-2018',
    ],
  },
  {
    id: 'hill_running',
    name: 'Hills',
    summary:
      'Running uphill makes you lean forward and drive harder with the arms, and running downhill arches the low back more than flat running does. If hills bring the pain on, leaving them out for a couple of weeks is a simple test. The evidence is one lab study of spine angles in healthy runners plus clinical experience.',
    prior: 0.08,
    priorBasis: 'expert-estimate',
    priorNote:
      'Seed claim S4-08; lumbar extension was greatest running downhill and smallest uphill (Levine 2007, lab, 20 healthy women); no prevalence data, so a low estimate.',
    evidence: 'lab',
    sources: ['S4-08', 'levine-2007'],
  },
  {
    id: 'injury_compensation',
    name: 'Compensating for another injury',
    summary:
      'An injury elsewhere (a sore knee, IT band, heel, ankle or hip) changes how you run: a stiff leg, a hitched hip, a shorter stride on one side. The low back then takes load it is not used to, so the back is the weak link while the cause sits further down the chain. Treating the other injury is part of treating the back.',
    prior: 0.1,
    priorBasis: 'expert-estimate',
    priorNote: 'Seed claims S0-01–S0-03 and S3-01–S3-08; no prevalence data, so an estimate.',
    evidence: 'expert',
    sources: [
      'S0-01',
      'S0-02',
      'S0-03',
      'S3-01',
      'S3-02',
      'S3-03',
      'S3-05',
      'S3-06',
      'S3-07',
      'S3-08',
    ],
  },
  {
    id: 'sitting_posture',
    name: 'Long hours of sitting',
    summary:
      'For some runners the back pain comes from hours at a desk or in the car rather than from running: stiffness after sitting, pain on getting up, and runs that feel fine or even help. Breaking up long sitting and keeping the hips moving are the main changes.',
    prior: 0.15,
    priorBasis: 'expert-estimate',
    priorNote: 'Seed claim S4-01; no runner-specific data, so an estimate.',
    evidence: 'expert',
    sources: ['S4-01'],
  },
  {
    id: 'radicular_nerve_root',
    name: 'Irritated nerve root (sciatica)',
    summary:
      'A nerve root in the low back, often irritated by a disc bulge, can send sharp, shooting or burning pain below the knee, sometimes with pins and needles, numbness or weakness. Most cases settle with time while staying active, but weakness that gets worse, or symptoms in both legs, the saddle area, the bladder or bowels, need urgent care.',
    prior: 0.07,
    priorBasis: 'expert-estimate',
    priorNote:
      'Under 5% of LBP presentations are nerve-root pain in the UK triage split (CSAG 1996); raised slightly because people with leg symptoms are more likely to seek an app; estimate.',
    evidence: 'guideline',
    sources: ['S3-10', 'nice-ng59', 'csag-1996'],
  },
  {
    id: 'discogenic',
    name: 'Disc-related pain',
    summary:
      'Pain attributed to an intervertebral disc is typically worse sitting and bending forward, and may "centralise" (move from the buttock or leg back towards the spine) with repeated movements. Centralisation is the only history feature shown to make a disc source more likely; "worse sitting and bending" is widely taught but untested. On average, runners have healthier discs than people who do not run.',
    prior: 0.1,
    priorBasis: 'expert-estimate',
    priorNote:
      'No prevalence figure in the fact base; only centralisation raises the probability of a disc source (Hancock 2007), and runners’ discs are better hydrated (Belavý 2017); estimate.',
    evidence: 'systematic-review',
    sources: ['S0-05', 'hancock-2007', 'belavy-2017'],
  },
  {
    id: 'si_joint',
    name: 'Sacroiliac joint region',
    summary:
      'Pain over the dimple at the back of the pelvis, often into the buttock, brought on by stairs, getting out of a car or standing on one leg. Long-standing pain with more than half an hour of morning stiffness, pain that improves with exercise, or psoriasis, eye or bowel inflammation can be inflammatory (axial spondyloarthritis) and needs a doctor’s review. Only combinations of a clinician’s tests are informative; pointing to the spot cannot confirm it.',
    prior: 0.1,
    priorBasis: 'expert-estimate',
    priorNote:
      'No prevalence figure in the fact base (Hancock 2007 and Laslett 2005 report test accuracy, not prevalence); estimate.',
    evidence: 'cohort',
    sources: ['hancock-2007', 'laslett-2005', 'nice-ng65', 'sij-exam-chapter'],
  },
  {
    id: 'bone_stress',
    name: 'Bone stress injury',
    summary:
      'Repeated load without enough recovery or energy can overload bone: the sacrum or the hip (femoral neck) in distance runners, and a vertebra (spondylolysis) in teenagers who jump, sprint and arch. Pain on hopping or standing on one leg, one sharply sore spot, groin pain, missed periods or under-eating raise the suspicion. It needs a doctor and usually an MRI, not a running plan; most runners are back after about three to five months.',
    prior: 0.03,
    priorBasis: 'expert-estimate',
    priorNote:
      'Serious causes are under 5% of LBP (Henschke 2013); sacral stress fractures in runners are under-recognised (Fredericson 2003); spondylolysis causes about 47% of adolescent athletes’ LBP against about 5% in adults (Aspetar 2014). 3% is an estimate for the adult-dominated app population; the age question raises it for teenagers.',
    evidence: 'cohort',
    sources: [
      'fredericson-2003',
      'johnson-2001',
      'robertson-wood-2017',
      'masci-2006',
      'aspetar-2014',
      'mountjoy-2018',
    ],
  },
  {
    id: 'nonspecific',
    name: 'No single mechanical weak link',
    summary:
      'For most back pain no single tissue or cause can be pinned down; that is normal and not a sign of damage. This rises when your answers point to no particular running weak link: no clear trigger, pain spread across the back, or pain that does not follow your running. Warning signs such as fever or a cancer history are not counted here; the warning-sign check deals with them. Staying active and a programme of strength and mobility work suited to you are the mainstays, with hands-on treatment only alongside exercise.',
    prior: 0.3,
    priorBasis: 'expert-estimate',
    priorNote:
      'Most LBP has no identifiable source (Maher 2017; Hartvigsen 2018); 30% reflects that in a running app many answers do point to a training or movement contributor; estimate.',
    evidence: 'systematic-review',
    sources: [
      'maher-2017',
      'hartvigsen-2018',
      'nice-ng59',
      'S1-01',
      'S1-09',
      'S3-12',
      'S4-07',
      'S4-10',
      'S0-18',
    ],
  },
];
