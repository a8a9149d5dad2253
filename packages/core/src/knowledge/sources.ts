/**
 * The bibliography of the knowledge base: every study, guideline and
 * secondary page that a contributor, effect, red flag or triage rule cites.
 * Citations follow the project's shared research notes (the cited fact base);
 * `evidenceSection` points to where the fact is summarised there, and `level`
 * uses their evidence tags. Seed claims of the five clinic
 * articles are not listed here: records cite them by id (`S2-05`), see
 * `seed-claims.ts`.
 */
import type { z } from 'zod';
import type { ZSource } from './schema.js';

/** Every source cited by the knowledge base, grouped by topic. */
export const SOURCES: z.input<typeof ZSource>[] = [
  // ── Red flags and serious pathology (§1) ──
  {
    id: 'finucane-2020',
    citation:
      'Finucane LM, Downie A, Mercer C, et al. International framework for red flags for potential serious spinal pathologies. J Orthop Sports Phys Ther 2020;50(7):350–372. doi:10.2519/jospt.2020.9971',
    url: 'https://research.vu.nl/en/publications/international-framework-for-red-flags-for-potential-serious-spina/',
    level: 'guideline',
    evidenceSection: '§1.0',
  },
  {
    id: 'henschke-2013',
    citation:
      'Henschke N, et al. Red flags to screen for malignancy in patients with low-back pain. Cochrane Database Syst Rev 2013;CD008686.',
    url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC10631455',
    level: 'systematic-review',
    evidenceSection: '§1.0, §1.2',
  },
  {
    id: 'csag-1996',
    citation:
      'Clinical Standards Advisory Group (CSAG). Back pain triage: simple backache, nerve-root pain, serious pathology. 1996 (as quoted in a secondary clinical article).',
    url: 'http://www.lukerdavies.net/clinical-corner-articles/2017/2/9/navigating-the-serious-side-of-msk-complaints-red-flags',
    level: 'expert',
    evidenceSection: '§1.0',
  },
  {
    id: 'bmj-bp-ces',
    citation: 'BMJ Best Practice. Cauda equina syndrome: diagnosis approach.',
    url: 'https://bestpractice-bmj-com.bibliotheek.ehb.be/topics/en-gb/3000164/diagnosis-approach',
    level: 'guideline',
    evidenceSection: '§1.1',
  },
  {
    id: 'sbns-bass-2018',
    citation:
      'Society of British Neurological Surgeons (SBNS) and British Association of Spine Surgeons (BASS). Standards of care for investigation and management of cauda equina syndrome. 2018.',
    level: 'guideline',
    evidenceSection: '§1.1',
  },
  {
    id: 'ces-flag-accuracy',
    citation:
      'Retrospective review of 334 urgent MRI scans for suspected cauda equina syndrome (25 confirmed): sensitivity and specificity of individual flags.',
    reviewNote: 'Read as an abstract; the authors were not shown in the stored page.',
    url: 'https://discovery.researcher.life/topic/unilateral-leg-pain/8497969',
    level: 'cohort',
    evidenceSection: '§1.1',
  },
  {
    id: 'downie-2013',
    citation:
      'Downie A, Williams CM, Henschke N, et al. Red flags to screen for malignancy and fracture in patients with low back pain: systematic review. BMJ 2013;347:f7095.',
    url: 'https://hcplive.com/view/finding-red-flags-for-spinal-fracture-malignancy-in-low-back-pain',
    level: 'systematic-review',
    evidenceSection: '§1.2, §1.4',
  },
  {
    id: 'yusuf-2019',
    citation:
      'Yusuf M, Finucane L, Selfe J. Red flags for the early detection of spinal infection in back pain patients. BMC Musculoskelet Disord 2019;20:606.',
    url: 'https://bmcmusculoskeletdisord.biomedcentral.com/articles/10.1186/s12891-019-2949-6',
    level: 'systematic-review',
    evidenceSection: '§1.3',
  },
  {
    id: 'nice-ng65',
    citation: 'NICE NG65. Spondyloarthritis in over 16s: diagnosis and management. 2017.',
    url: 'https://www.nice.org.uk/guidance/ng65/chapter/recommendations',
    level: 'guideline',
    evidenceSection: '§1.5',
  },
  {
    id: 'sieper-2009-asas',
    citation:
      'Sieper J, et al. Ann Rheum Dis 2009;68:784–8 (ASAS expert criteria for inflammatory back pain: 4 of 5 features, sensitivity 79.6%, specificity 72.4%).',
    url: 'https://empendium.com/mcmtextbook/table/031_6932',
    level: 'guideline',
    evidenceSection: '§1.5',
  },
  {
    id: 'mayo-axspa-2020',
    citation:
      'Recognizing axial spondyloarthritis: a guide for primary care. Mayo Clin Proc 2020 (morning stiffness over 30 minutes, alternating buttock pain).',
    url: 'https://www.mayoclinicproceedings.org/article/S0025-6196(20)30153-1/fulltext',
    level: 'expert',
    evidenceSection: '§1.5',
  },
  {
    id: 'bmj-bp-aaa',
    citation: 'BMJ Best Practice. Abdominal aortic aneurysm: history and exam.',
    url: 'https://bestpractice-bmj-com.bibliotheek.ehb.be/topics/en-us/145/history-exam',
    level: 'guideline',
    evidenceSection: '§1.6',
  },
  {
    id: 'aspetar-2014',
    citation:
      'Low back pain in the young tennis player. Aspetar Sports Medicine Journal 2014 (citing Micheli & Wood 1995: spondylolysis in about 47% of adolescent athletes with LBP vs about 5% of adults).',
    url: 'https://journal.aspetar.com/en/archive/volume-3-targeted-topic-sports-medicine-in-tennis/low-back-pain-in-the-young-tennis-player',
    level: 'expert',
    evidenceSection: '§1.7',
  },
  {
    id: 'accesspediatrics-spondylolysis',
    citation:
      'AccessPediatrics (McGraw-Hill). Spondylolysis: presentation with extension-provoked pain, hamstring tightness and lower lumbar tenderness.',
    url: 'https://accesspediatrics.mhmedical.com/content.aspx?bookid=2196&sectionid=167755703',
    level: 'expert',
    evidenceSection: '§1.7',
  },
  {
    id: 'masci-2006',
    citation:
      'Masci L, et al. Use of the one-legged hyperextension test and magnetic resonance imaging in the diagnosis of active spondylolysis. Br J Sports Med 2006;40:940–6.',
    level: 'cohort',
    evidenceSection: '§1.7',
  },
  {
    id: 'fredericson-2003',
    citation:
      'Fredericson M, Salamancha L, Beaulieu C. Sacral stress fractures: tracking down nonspecific pain in distance runners. Phys Sportsmed 2003;31(2).',
    url: 'http://chiro.org/radiology/ABSTRACTS/Sacral_Stress_Fractures.html',
    level: 'expert',
    evidenceSection: '§1.7',
  },
  {
    id: 'johnson-2001',
    citation:
      'Johnson AW, et al. Stress fractures of the sacrum: an atypical cause of low back pain in the female athlete. Am J Sports Med 2001;29:498–508.',
    level: 'cohort',
    evidenceSection: '§1.7',
  },
  {
    id: 'mountjoy-2018',
    citation:
      'Mountjoy M, et al. IOC consensus statement on relative energy deficiency in sport (RED-S): 2018 update. Br J Sports Med 2018;52:687 (first statement: Br J Sports Med 2014;48:491).',
    level: 'guideline',
    evidenceSection: '§1.7',
  },
  {
    id: 'robertson-wood-2017',
    citation:
      'Robertson GA, Wood AM. Femoral neck stress fractures in sport: a current concepts review. Sports Med Int Open 2017;1:E58–68.',
    level: 'systematic-review',
    evidenceSection: '§1.7',
  },
  {
    id: 'evidence-synthesis-1-8',
    citation:
      "Backtrack clinical fact base (the project's shared research notes), §1.8: suggested urgency table for encoding. A synthesis of the sources of §1.0–§1.7 written for the app, not a published source.",
    level: 'expert',
    evidenceSection: '§1.8',
  },
  // ── Special groups: children, pregnancy and after birth (not covered by the fact base; found in the guidelines) ──
  {
    id: 'pch-paediatric-back-pain',
    citation:
      "Perth Children's Hospital (Child and Adolescent Health Service, WA). Pre-referral guideline: back pain in children and adolescents. Refer to the emergency department with fever, night pain or waking from sleep, weight loss, new neurological change, refusal to walk or move the spine, or a younger child.",
    url: 'https://pch.health.wa.gov.au/For-health-professionals/Referrals-to-PCH/Prereferral-guidelines/Back-pain',
    level: 'guideline',
  },
  {
    id: 'nenc-paediatric-back-pain',
    citation:
      'Healthier Together (NHS North East and North Cumbria). Back pain in children: paediatric red flags (unremitting pain, night pain, systemic symptoms, an antalgic gait or inability to bear weight, neurological change) warrant urgent assessment.',
    url: 'https://nenc-healthiertogether.nhs.uk/professionals/musculoskeletal-presentations-chronic-babies-and-children/back-pain',
    level: 'guideline',
  },
  {
    id: 'vleeming-2008',
    citation:
      'Vleeming A, Albert HB, Östgaard HC, Sturesson B, Stuge B. European guidelines for the diagnosis and treatment of pelvic girdle pain. Eur Spine J 2008;17(6):794–819. doi:10.1007/s00586-008-0602-4',
    url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC2518998',
    level: 'guideline',
  },
  {
    id: 'goom-2019',
    citation:
      'Goom T, Donnelly G, Brockwell E. Returning to running postnatal: guidelines for medical, health and fitness professionals managing this population. 2019 (endorsed by the ACPSEM; summarised in Br J Sports Med). Individual pelvic-health assessment; no running before 3 months after birth, or later while pelvic-floor symptoms persist.',
    url: 'https://www.csp.org.uk/innovations/return-running-postnatal-guideline-medical-health-and-fitness-professionals-managing',
    level: 'guideline',
  },

  // ── Risk stratification and outcome measures (§2) ──
  {
    id: 'hill-2008',
    citation:
      'Hill JC, et al. A primary care back pain screening tool: identifying patient subgroups for initial treatment. Arthritis Rheum 2008;59:632–41.',
    url: 'https://physio-pedia.com/STarT_Back_Screening_Tool',
    level: 'guideline',
    evidenceSection: '§2.1',
  },
  {
    id: 'hill-2011',
    citation:
      'Hill JC, et al. Comparison of stratified primary care management for low back pain with current best practice (STarT Back): a randomised controlled trial. Lancet 2011;378:1560–71.',
    url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC3208163',
    level: 'rct',
    evidenceSection: '§2.1',
  },
  {
    id: 'ostelo-2008',
    citation:
      'Ostelo RWJG, Deyo RA, Stratford P, et al. Interpreting change scores for pain and functional status in low back pain: towards international consensus regarding minimal important change. Spine 2008;33:90–4.',
    level: 'guideline',
    evidenceSection: '§2.3',
  },
  {
    id: 'stratford-1995',
    citation:
      'Stratford P, Gill C, Westaway M, Binkley J. Assessing disability and change on individual patients: a report of a patient specific measure. Physiother Can 1995;47:258–63. (Not in the clinical fact base; cited by the Patient-Specific Functional Scale instrument.)',
    level: 'cohort',
  },

  {
    id: 'abbott-2014',
    citation:
      'Abbott JH, Schmitt JS. Minimum important differences for the Patient-Specific Functional Scale, 4 region-specific outcome measures, and the numeric pain rating scale. J Orthop Sports Phys Ther 2014;44(8):560–564. doi:10.2519/jospt.2014.5248 (Not in the clinical fact base; cited by the outcome measures.)',
    url: 'https://www.integrative-archives.com/2014/04/minimum-important-differences-for-the-patient-specific-functional-scale-4-region-specific-outcome-measures-and-the-numeric-pain-rating-scale/',
    level: 'cohort',
    reviewNote:
      'Multicentre cohort of 1708 physiotherapy patients; PSFS minimum important difference 1.3 (small), 2.3 (medium) and 2.7 (large change) on the 0–10 scale, stable across body regions. Backtrack judges a PSFS change against the small-change figure.',
  },

  // ── Epidemiology of LBP in runners (§3) ──
  {
    id: 'maselli-2020',
    citation:
      'Maselli F, Storari L, Barbari V, et al. Prevalence and incidence of low back pain among runners: a systematic review. BMC Musculoskelet Disord 2020;21:343.',
    url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC7271446',
    level: 'systematic-review',
    evidenceSection: '§3',
  },
  {
    id: 'maselli-2021',
    citation:
      'Maselli F, Esculier JF, Storari L, et al. Low back pain among Italian runners: a cross-sectional survey. Phys Ther Sport 2021;48:136–45.',
    level: 'cohort',
    evidenceSection: '§3',
  },
  {
    id: 'belavy-2017',
    citation:
      'Belavý DL, Quittner MJ, Ridgers N, et al. Running exercise strengthens the intervertebral disc. Sci Rep 2017;7:45975.',
    url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC5396190/',
    level: 'cohort',
    evidenceSection: '§3',
  },
  {
    id: 'sadler-2017',
    citation:
      'Sadler SG, et al. BMC Musculoskelet Disord 2017;18:179 (systematic review of 12 prospective cohorts, n=5,459: physical predictors of new LBP).',
    level: 'systematic-review',
    evidenceSection: '§3',
  },
  {
    id: 'chaudhari-2020',
    citation:
      'Chaudhari AMW, et al. Med Sci Sports Exerc 2020;52:1347–53 (experimental core fatigue in novice runners changed knee loading, not lumbar outcomes).',
    level: 'lab',
    evidenceSection: '§3',
  },
  {
    id: 'nielsen-2012',
    citation:
      'Nielsen RO, et al. Training errors and running related injuries: a systematic review. Int J Sports Phys Ther 2012;7:58–75.',
    url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC3290924',
    level: 'systematic-review',
    evidenceSection: '§3',
  },
  {
    id: 'hartvigsen-2018',
    citation:
      'Hartvigsen J, et al. What low back pain is and why we need to pay attention. Lancet 2018;391:2356–67.',
    level: 'systematic-review',
    evidenceSection: '§3, §4',
  },

  // ── Clinical patterns (§4) ──
  {
    id: 'hancock-2007',
    citation:
      'Hancock MJ, Maher CG, Latimer J, et al. Systematic review of tests to identify the disc, SIJ or facet joint as the source of low back pain. Eur Spine J 2007;16:1539–50.',
    level: 'systematic-review',
    evidenceSection: '§4',
  },
  {
    id: 'han-2023',
    citation:
      'Han CS, et al. eClinicalMedicine 2023;59:101960 (updated review of tests for a disc source: centralisation +LR 3.06).',
    level: 'systematic-review',
    evidenceSection: '§4',
  },
  {
    id: 'maher-2017',
    citation:
      'Maher C, Underwood M, Buchbinder R. Non-specific low back pain. Lancet 2017;389:736–47.',
    level: 'systematic-review',
    evidenceSection: '§4',
  },
  {
    id: 'statpearls-facet',
    citation: 'StatPearls. Lumbosacral facet syndrome.',
    url: 'https://statpearls.com/point-of-care/24477',
    level: 'expert',
    evidenceSection: '§4',
  },
  {
    id: 'laslett-2006',
    citation:
      'Laslett M, et al. Clinical prediction rule for facet joint pain (2006), as reported second-hand; similar rules have not been replicated.',
    url: 'http://findhealthclinics.com/EG/Suez/115702753456169/Dr-Abdelrahman-Taha',
    level: 'cohort',
    evidenceSection: '§4',
  },
  {
    id: 'laslett-2005',
    citation:
      'Laslett M, Aprill CN, McDonald B, Young SB. Diagnosis of sacroiliac joint pain: validity of individual provocation tests and composites of tests. Man Ther 2005;10:207–18.',
    level: 'cohort',
    evidenceSection: '§4',
  },
  {
    id: 'laslett-2003',
    citation:
      'Laslett M, et al. Sacroiliac provocation tests after excluding people whose pain centralises. Aust J Physiother 2003 (as summarised in a clinical prediction-rule page).',
    url: 'https://johnsnyderdpt.com/for-clinicians/clinical-prediction-rules/sacroiliac-joint-pain/',
    level: 'cohort',
    evidenceSection: '§4',
  },
  {
    id: 'sij-exam-chapter',
    citation:
      'Clinical examination of the sacroiliac joint (textbook chapter): pain around the PSIS is typical, but location and tenderness alone are unreliable.',
    url: 'https://vdocuments.site/41-clinical-examination-of-the-sacroiliac-joint-to-date-palpation-tests-have.html',
    level: 'expert',
    evidenceSection: '§4',
  },
  {
    id: 'muscle-strain-pages',
    citation:
      'Clinic information pages on paravertebral muscle strain and ligament sprain (e-algos.com; St Joseph’s Hospital): acute onset after lifting or overuse, local pain and spasm, no leg radiation, settles in days to weeks.',
    url: 'https://www.e-algos.com/category/conditions/low-back-pain/injury-of-paravertebral-muscles-strain-and-ligaments-sprain/',
    level: 'expert',
    evidenceSection: '§4',
  },
  {
    id: 'iversen-2013',
    citation:
      'Iversen T, et al. BMC Musculoskelet Disord 2013;14:206 (accuracy of the neurological examination in chronic lumbar radiculopathy: no single test reached +LR 4).',
    level: 'cohort',
    evidenceSection: '§4',
  },

  {
    id: 'petersen-2017',
    citation:
      'Petersen T, Laslett M, Juhl C. Clinical classification in low back pain: best-evidence diagnostic rules based on systematic reviews. BMC Musculoskelet Disord 2017;18:188 (structure-based prediction rules for disc, SIJ, spondylolisthesis, disc herniation with root involvement and spinal stenosis; clusters outperform single tests).',
    level: 'systematic-review',
    evidenceSection: '§4',
  },

  // ── Treatment and training (§5) ──
  {
    id: 'nice-ng59',
    citation:
      'NICE NG59. Low back pain and sciatica in over 16s: assessment and management. 2016, updated 2020 (with quality standard QS155).',
    level: 'guideline',
    evidenceSection: '§4, §5.1, §5.11',
  },
  {
    id: 'owen-2020',
    citation:
      'Owen PJ, et al. Which specific modes of exercise training are most effective for treating low back pain? Network meta-analysis. Br J Sports Med 2020;54:1279–87.',
    level: 'systematic-review',
    evidenceSection: '§5.1',
  },
  {
    id: 'saragiotto-2016',
    citation:
      'Saragiotto BT, et al. Motor control exercise for chronic non-specific low-back pain. Cochrane CD012004, 2016.',
    level: 'systematic-review',
    evidenceSection: '§5.1',
  },
  {
    id: 'mcgill-big-three',
    citation:
      'McGill spine-stability programme ("big three": curl-up, side bridge, bird-dog) targeting trunk endurance, as described in clinic materials.',
    url: 'https://getawakn.com/blogs/learn/the-mcgill-big-3-for-core-stability',
    level: 'expert',
    evidenceSection: '§5.2',
  },
  {
    id: 'santamaria-2023',
    citation:
      'Santamaría G, et al. Sports 2023;11:167 (systematic review of 7 trials of hip strengthening for low back pain).',
    level: 'systematic-review',
    evidenceSection: '§5.3',
  },
  {
    id: 'fukuda-2021',
    citation:
      'Fukuda TY, et al. Braz J Phys Ther 2021;25:900–7 (RCT, n=70: hip strengthening added to manual therapy and lumbar stabilisation gave no extra benefit).',
    level: 'rct',
    evidenceSection: '§5.3',
  },
  {
    id: 'bandy-1997',
    citation:
      'Bandy WD, Irion JM, Briggler M. The effect of time and frequency of static stretching on flexibility of the hamstring muscles. Phys Ther 1997;77:1090–6.',
    level: 'rct',
    evidenceSection: '§5.4',
  },
  {
    id: 'silbernagel-2007',
    citation:
      'Silbernagel KG, Thomeé R, Eriksson BI, Karlsson J. Continued sports activity, using a pain-monitoring model, during rehabilitation in patients with Achilles tendinopathy. Am J Sports Med 2007;35:897–906.',
    level: 'rct',
    evidenceSection: '§5.5',
  },
  {
    id: 'lolli-2019',
    citation:
      'Lolli L, Batterham AM, Hawkins R, et al. Mathematical coupling causes spurious correlation within the conventional acute-to-chronic workload ratio calculations. Br J Sports Med 2019;53:921–2.',
    level: 'expert',
    evidenceSection: '§5.7',
  },
  {
    id: 'hayden-2021',
    citation:
      'Hayden JA, Ellis J, Ogilvie R, Malmivaara A, van Tulder MW. Exercise therapy for chronic low back pain. Cochrane Database Syst Rev 2021;CD009790 (249 trials; exercise probably reduces pain and functional limitation).',
    reviewNote: 'Pooled effect sizes recalled, not verified in stored text.',
    url: 'https://pedro.org.au/english/systematic-review-found-that-exercise-reduces-pain-more-than-no-treatment-in-adults-with-chronic-non-specific-low-back-pain/',
    level: 'systematic-review',
    evidenceSection: '§5.1',
  },
  {
    id: 'reid-2014',
    citation:
      'Reid DA, Kim J. Maintaining flexibility gains after an initial six-week stretching block: about three sessions a week keep the range, one a week loses it. NZ J Physiother 2014.',
    level: 'rct',
    evidenceSection: '§5.4',
  },
  {
    id: 'return-to-run-trial-2023',
    citation:
      'Walk-run return-to-running protocol of a military randomised trial (6 phases at RPE 3–5/10, ≥1 rest day between runs, each phase at least twice, progress only without swelling, stiffness or more pain, level surfaces). Trials 2023;24, doi:10.1186/s13063-023-07502-x, Table 1.',
    url: 'https://trialsjournal.biomedcentral.com/articles/10.1186/s13063-023-07502-x/tables/1',
    level: 'expert',
    evidenceSection: '§5.6',
  },
  {
    id: 'warden-2021',
    citation:
      'Warden SJ et al. 2021, on rebuilding running after injury: frequency first, then duration, then intensity, hills and speed last (as summarised in a secondary source; consensus, not trial evidence).',
    url: 'https://running-wiki.pages.dev/techniques/return-to-running',
    level: 'expert',
    evidenceSection: '§5.6',
  },
  {
    id: 'return-to-run-readiness',
    citation:
      'Readiness checks before running again after injury, from clinic pages: a pain-free 30-minute walk, 10–15 single-leg hops, 10 single-leg squats, one minute of jogging on the spot, pain 2/10 or less (expert opinion).',
    url: 'https://www.runnerspicks.com/blog/tim-return-to-running-after-injury-protocol/',
    level: 'expert',
    evidenceSection: '§5.6',
  },
  {
    id: 'return-to-run-day-plan',
    citation:
      'Sports-medicine clinic return-to-running protocol: brisk walking building from 10 to 30 minutes first, then walk/jog mixes up to a 30-minute jog with a no-impact day every fourth day; start only once walking is pain-free, and after significant pain rest a day and repeat the previous step (expert opinion).',
    url: 'http://sunnycoastsportsmedicine.com.au/return-to-running-protocol-post-injury',
    level: 'expert',
    evidenceSection: '§5.6',
  },
  {
    id: 'bone-stress-pain-free',
    citation:
      'Clinic page on bone stress injuries in runners: the pain-monitoring model does not apply to suspected bone stress, where running must be pain-free (expert opinion).',
    url: 'https://achievepodiatry.com.au/uncategorized/bone-stress-injuries-in-runners-with-next-gen-physio/',
    level: 'expert',
    evidenceSection: '§5.5',
  },
  {
    id: 'buist-2008',
    citation:
      'Buist I, Bredeweg SW, van Mechelen W, et al. No effect of a graded training program on the number of running-related injuries in novice runners. Am J Sports Med 2008;36:33–9.',
    level: 'rct',
    evidenceSection: '§5.7',
  },
  {
    id: 'nielsen-2014',
    citation:
      'Nielsen RO, Parner ET, Nohr EA, et al. Excessive progression in weekly running distance and risk of running-related injuries: an association which varies according to type of injury. J Orthop Sports Phys Ther 2014;44:739–47.',
    level: 'cohort',
    evidenceSection: '§5.7',
  },
  {
    id: 'frandsen-2025',
    citation:
      'Frandsen JSB, et al. How much running is too much? Identifying high-risk running sessions in a 5200-person cohort study. Br J Sports Med 2025 (PMID 40623829).',
    reviewNote: 'First-author name not verified.',
    level: 'cohort',
    evidenceSection: '§5.7',
  },
  {
    id: 'gabbett-2016',
    citation:
      'Gabbett TJ. The training–injury prevention paradox: should athletes be training smarter and harder? Br J Sports Med 2016;50:273–80.',
    url: 'https://www.naulus.com/research/claim/19208',
    level: 'expert',
    evidenceSection: '§5.7',
  },
  {
    id: 'impellizzeri-2021',
    citation:
      'Impellizzeri FM, et al. What role do chronic workloads play in the acute to chronic workload ratio? Time to dismiss ACWR and its underlying theory. Sports Med 2021;51:581–92.',
    level: 'cohort',
    evidenceSection: '§5.7',
  },
  {
    id: 'heiderscheit-2011',
    citation:
      'Heiderscheit BC, Chumanov ES, Michalski MP, Wille CM, Ryan MB. Effects of step rate manipulation on joint mechanics during running. Med Sci Sports Exerc 2011;43:296–302.',
    level: 'lab',
    evidenceSection: '§5.8',
  },
  {
    id: 'levine-2007',
    citation:
      'Levine D, Colston MA, Whittle MW, et al. Sagittal lumbar spine position during standing, walking, and running at various gradients. J Athl Train 2007;42:29–34.',
    level: 'lab',
    evidenceSection: '§5.9',
  },
  {
    id: 'cook-1985',
    citation:
      'Cook SD, Kester MA, Brunet ME. Shock absorption characteristics of running shoes. Am J Sports Med 1985;13:248–53.',
    level: 'lab',
    evidenceSection: '§5.10',
  },
  {
    id: 'kong-2009',
    citation:
      'Kong PW, Candelaria NG, Smith DR. Running in new and worn shoes. Br J Sports Med 2009;43:745–9.',
    level: 'cohort',
    evidenceSection: '§5.10',
  },
  {
    id: 'kulmala-2018',
    citation:
      'Kulmala JP, et al. Sci Rep 2018;8:17496 (highly cushioned "maximalist" shoes increased impact peak and loading rate).',
    level: 'lab',
    evidenceSection: '§5.10',
  },
  {
    id: 'sahar-2009',
    citation:
      'Sahar T, et al. Insoles for prevention and treatment of back pain. Cochrane CD005275.pub2, 2009.',
    level: 'systematic-review',
    evidenceSection: '§5.10',
  },
  {
    id: 'maselli-table-8',
    citation:
      'Maselli 2020, Table 8: runner LBP risk factors from single low-quality studies (Clement 1981; Ellapen 2013; Malliaropoulos 2015; Woolf 2002).',
    url: 'https://bmcmusculoskeletdisord.biomedcentral.com/articles/10.1186/s12891-020-03357-4/tables/8',
    level: 'systematic-review',
    evidenceSection: '§3',
  },

  // ── Project material ──
  {
    id: 'backtrack-own',
    citation:
      "Backtrack's own choice, made for the plan engine and listed for clinician review. No study gives this number; it is an expert estimate and may change.",
    level: 'expert',
  },
  {
    id: 'vignettes-readme',
    citation:
      'Backtrack runner low-back-pain case cards (vignettes/README.md): labelling conventions of the test vignettes. Test material, not a clinical source.',
    level: 'expert',
  },
];
