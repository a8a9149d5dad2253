/**
 * The claims of the five clinic articles Backtrack started from
 * (`seeds/CLAIMS.md`), each paraphrased in our own words. Records adopt a
 * claim by citing its id in `sources` (for example `['S2-05',
 * 'maselli-2020']`); a claim the knowledge base deliberately does not adopt
 * carries `notAdopted` with the reason and the stronger evidence behind it.
 * A claim that is both cited and marked `notAdopted` is adopted only in part:
 * the citing records take the part that holds up, the reason explains the rest.
 * `seed-claims.test.ts` checks that every claim is accounted for one way or
 * the other.
 */
import type { z } from 'zod';
import type { ZSeedClaim } from './schema.js';

/** Every seed claim, S0-01 to S4-10, in article order. */
export const SEED_CLAIMS: z.input<typeof ZSeedClaim>[] = [
  // ── Article 000: the "weak link" article ──
  {
    id: 'S0-01',
    summary:
      'Runners get back pain often, and it tends to be missed because leg and hip injuries such as plantar fasciitis, runner’s knee and IT band pain draw the attention.',
  },
  {
    id: 'S0-02',
    summary:
      'Back pain in a runner frequently reflects poor movement efficiency, muscle groups out of balance, or the body making up for a problem somewhere else.',
  },
  {
    id: 'S0-03',
    summary:
      'Where it hurts is not necessarily where the problem is: the back may simply be the first link of the chain to complain.',
  },
  {
    id: 'S0-04',
    summary:
      'A runner whose muscles and joints are in balance and whose training is sensible should not get back pain unless something traumatic happens.',
    notAdopted:
      'Backtrack does not promise pain-free running to well-trained, balanced runners: low back pain has a lifetime incidence of 58–84% and for most episodes no specific cause can be found (Hartvigsen 2018; Maher 2017), so pain is not proof that something was done wrong.',
  },
  {
    id: 'S0-05',
    summary:
      'Sometimes the back itself (its joints, discs or nerves) is the true source of the problem.',
  },
  {
    id: 'S0-06',
    summary: 'Tightness in the muscles at the front of the hip (hip flexors) is one cause.',
  },
  { id: 'S0-07', summary: 'Tight inner-thigh (adductor) muscles are listed as a cause.' },
  { id: 'S0-08', summary: 'Tight calf muscles are listed as a cause.' },
  { id: 'S0-09', summary: 'Tightness across the shoulders is listed as a cause.' },
  { id: 'S0-10', summary: 'Weak gluteal (buttock) muscles are listed as a cause.' },
  { id: 'S0-11', summary: 'Weakness of the muscles that steady the ankle is listed as a cause.' },
  {
    id: 'S0-12',
    summary: 'Weak oblique muscles at the sides of the abdomen are listed as a cause.',
  },
  {
    id: 'S0-13',
    summary:
      'An uneven stride, with more ground time on one foot or a longer reach forward or backward on one side, is listed as a cause.',
  },
  {
    id: 'S0-14',
    summary:
      'Breathing by heaving the chest up rather than with the diaphragm is listed as a cause.',
  },
  { id: 'S0-15', summary: 'Twisting the trunk too much with each stride is listed as a cause.' },
  {
    id: 'S0-16',
    summary: 'Not extending the hip far enough behind the body while running is listed as a cause.',
  },
  { id: 'S0-17', summary: 'Holding the arms rigid while running is listed as a cause.' },
  {
    id: 'S0-18',
    summary:
      'A physical therapist with sports training should examine how the runner’s muscle groups work together to find the cause.',
  },

  // ── Article 001: causes and signs ──
  {
    id: 'S1-01',
    summary:
      'Running is not what makes the back hurt; at most it sets off a condition or injury that was already there.',
  },
  {
    id: 'S1-02',
    summary:
      'Giving up running leaves the underlying cause untouched, so the pain usually comes back.',
  },
  {
    id: 'S1-03',
    summary:
      'A strained muscle is a frequent reason for pain flaring during exercise and is the first thing to consider; it is short-lived, goes away by itself, and heat or ice, stretching and physiotherapy speed it up.',
  },
  {
    id: 'S1-04',
    summary:
      'Muscle imbalance, typically deep trunk muscles that are weaker than the leg and surface muscles, is a cause; watching the runner’s gait reveals it and a strengthening programme corrects it.',
  },
  {
    id: 'S1-05',
    summary:
      'Irritated, inflamed facet joints of the spine can make the back hurt during activity.',
  },
  {
    id: 'S1-06',
    summary:
      'A stiff back, pain that comes and goes without obvious reason, and pain that flares when the back is stretched suggest the facet joints.',
  },
  {
    id: 'S1-07',
    summary: 'A joint source can only be confirmed when a clinician assesses the runner.',
  },
  {
    id: 'S1-08',
    summary: 'Getting to a physical therapist early stops the pain from getting worse.',
    notAdopted:
      'Adopted only for pain that is getting worse or not improving (triage rules). Not adopted as advice that everyone should see a therapist early: stratified care (Hill 2011; NICE NG59) matches the intensity of care to the risk of a poor outcome, and low-risk people do well with advice and self-management.',
  },
  {
    id: 'S1-09',
    summary:
      'Good care keeps the person active, limits reliance on painkillers, avoids injections and surgery where it can, finds the cause, tailors the exercises and improves sleep.',
  },
  {
    id: 'S1-10',
    summary: 'The clinic offers free consultations by phone or in person.',
    notAdopted:
      'A commercial offer of one clinic, not a clinical claim. Backtrack’s own clinic feature handles bookings, matched to the triage tier.',
  },

  // ── Article 002: form, core, shoes, overuse ──
  {
    id: 'S2-01',
    summary:
      'Poor running form (slumped posture, twisting, too little muscular support) is a major cause, because the back muscles have to brace on every stride.',
  },
  {
    id: 'S2-02',
    summary:
      'To fix form, run tall with the torso stacked over the hips, the shoulders loose and the feet pointing forward.',
  },
  {
    id: 'S2-03',
    summary:
      'Land with the foot under the body instead of reaching it far ahead (avoid overstriding).',
  },
  {
    id: 'S2-04',
    summary: 'Habitual running form changes slowly; expect a period of getting used to it.',
  },
  {
    id: 'S2-05',
    summary:
      'A weak core is among the most important causes, since the low back absorbs the load of each stride when the trunk is not held steady.',
  },
  { id: 'S2-06', summary: 'Plank, bridge and bird-dog exercises train the core.' },
  {
    id: 'S2-07',
    summary: 'Single-leg deadlifts, hip thrusts and side lunges strengthen the lower body.',
  },
  {
    id: 'S2-08',
    summary:
      'Shoes that fit badly, are poorly made or are worn out make the back muscles work harder, throw off alignment and pass more shock up the body.',
  },
  {
    id: 'S2-09',
    summary:
      'Run in a technical shoe with cushioning and stability, and swap it for a new pair at regular intervals.',
  },
  {
    id: 'S2-10',
    summary:
      'Overuse, usually from increasing training too fast, causes repetitive strain that ranges from a dull ache to severe pain.',
  },
  {
    id: 'S2-11',
    summary:
      'For overuse, rest without stopping everything (easy walks and stretching), then build intensity back up gradually.',
  },
  {
    id: 'S2-12',
    summary:
      'See a physical therapist when pain persists and is not improving; the clinic offers a free 30-minute running analysis booked online or by phone.',
    notAdopted:
      'Adopted only in part: persistent pain that is not improving leads to a clinician referral (triage rule). The free running analysis and booking channels are one clinic’s commercial offer, not a clinical claim.',
  },

  // ── Article 003: the kinetic chain and other injuries ──
  {
    id: 'S3-01',
    summary:
      'Running works as a chain: the legs take the impact, the trunk holds steady and the arms drive, so an injury at any point upsets the whole chain.',
  },
  {
    id: 'S3-02',
    summary:
      'After an injury some muscles weaken while others overwork, and that imbalance pulls on the low back.',
  },
  {
    id: 'S3-03',
    summary:
      'Moving differently to protect an injury changes running form and puts extra load on the low back.',
  },
  {
    id: 'S3-04',
    summary: 'Inflammation from an injury elsewhere can spread through the body to the low back.',
    notAdopted:
      'No evidence in the fact base supports local injury inflammation travelling to the low back. A link between another injury and back pain is adopted through altered movement (S3-03), and truly inflammatory back pain is handled as axial spondyloarthritis under the NICE NG65 and ASAS criteria.',
  },
  {
    id: 'S3-05',
    summary: 'A tight IT band tugs on the pelvis and adds to back pain.',
  },
  {
    id: 'S3-06',
    summary:
      'Plantar fasciitis changes the way a runner walks and runs, creating imbalances that reach the back.',
  },
  {
    id: 'S3-07',
    summary:
      'Runner’s knee makes people run with a bent knee or a changed stride, which stresses the low back.',
  },
  {
    id: 'S3-08',
    summary:
      'Hip impingement gives pain at the front or back of the hip that can spread into the low back.',
  },
  {
    id: 'S3-09',
    summary:
      'Pain that gets worse with running or with certain movements points to a form problem or an underlying injury.',
  },
  {
    id: 'S3-10',
    summary:
      'Back pain that spreads into the buttocks or legs suggests an irritated (pinched) nerve or pain referred from elsewhere.',
  },
  {
    id: 'S3-11',
    summary: 'Stiffness and trouble bending or twisting point to tight muscles or inflammation.',
  },
  {
    id: 'S3-12',
    summary:
      'Acting early prevents complications; rehabilitation pairs evidence-based exercise with hands-on therapy.',
  },

  // ── Article 004: sitting, hips, form, hills, shoes ──
  {
    id: 'S4-01',
    summary:
      'A runner’s back pain may come from long hours of sitting, for example at a computer, rather than from running.',
  },
  {
    id: 'S4-02',
    summary:
      'Athletes have less back pain than the general population, and in runners weekly mileage did not track with back pain.',
  },
  {
    id: 'S4-03',
    summary: 'Limited hip mobility and poor core stability often bring back pain on.',
  },
  {
    id: 'S4-04',
    summary: 'The hips belong to the core, and many runners lack hip mobility.',
  },
  {
    id: 'S4-05',
    summary:
      'Stiff hips together with tight hamstrings can tilt the pelvis out of line and strain the spine.',
  },
  {
    id: 'S4-06',
    summary:
      'Poor form contributes to back pain and will not fix itself; an expert should identify it and teach corrective exercises.',
  },
  {
    id: 'S4-07',
    summary:
      'Runners differ, so no single exercise fits all: one needs flexibility, another needs to correct an imbalance.',
  },
  {
    id: 'S4-08',
    summary:
      'Hill sessions can aggravate back pain through extra arm drive and forward lean; dropping them for a while shows whether they are to blame.',
  },
  {
    id: 'S4-09',
    summary:
      'Insoles or a different shoe alter support and hip motion; arch support and heel-to-toe drop make a difference.',
    notAdopted:
      'Insoles and orthotics are not recommended: NICE NG59 advises against foot orthotics for low back pain, and the Cochrane review found no significant preventive effect of insoles (Sahar 2009, RR 0.73, 95% CI 0.43–1.22). An abrupt change of shoe type is still asked about as a possible trigger (footwear).',
  },
  {
    id: 'S4-10',
    summary: 'Every runner’s training should include mobility and strength work.',
  },
];
