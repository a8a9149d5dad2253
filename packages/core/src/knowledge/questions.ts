/**
 * The interview's questions, in the order a full interview asks them. Texts
 * are Backtrack's own plain-language wording. What each answer means for each
 * contributor (the likelihood ratios) lives in `effects.ts`; the red-flag
 * rules that read these answers live in `red-flags.ts`.
 */
import type { z } from 'zod';
import type { Rule, ZQuestion } from './schema.js';

/** A question record before validation and before its effects are attached. */
export type QuestionInput = Omit<z.input<typeof ZQuestion>, 'effects'>;

const yes = (q: string): Rule => ({ q, test: { kind: 'is', value: 'yes' } });
const includes = (q: string, value: string): Rule => ({ q, test: { kind: 'includes', value } });

/** Every question, in interview order. */
export const QUESTIONS: QuestionInput[] = [
  // ── About you (asked before the red-flag screen; several red flags depend on these) ──
  {
    id: 'age',
    section: 'about_you',
    text: 'How old are you?',
    type: 'number',
    unit: 'years',
    min: 10,
    max: 100,
    redFlag: true,
  },
  {
    id: 'sex',
    section: 'about_you',
    text: 'What sex were you assigned at birth?',
    help: 'Some warning signs and bone-health questions differ between the sexes.',
    type: 'single',
    options: [
      { id: 'female', label: 'Female' },
      { id: 'male', label: 'Male' },
      { id: 'prefer_not', label: 'Prefer not to say' },
    ],
    redFlag: true,
  },
  {
    id: 'duration',
    section: 'about_you',
    text: 'How long have you had this back pain?',
    type: 'single',
    options: [
      { id: 'under_1_week', label: 'Less than a week' },
      { id: 'weeks_1_6', label: '1 to 6 weeks' },
      { id: 'weeks_6_12', label: '6 to 12 weeks' },
      { id: 'over_3_months', label: 'More than 3 months' },
    ],
    redFlag: true,
  },
  {
    id: 'trend',
    section: 'about_you',
    text: 'Over the last week or two, is the pain getting better, staying the same, or getting worse?',
    type: 'single',
    options: [
      { id: 'better', label: 'Getting better' },
      { id: 'same', label: 'About the same' },
      { id: 'worse', label: 'Getting worse' },
    ],
    redFlag: true,
  },

  // ── Red-flag screen: nerve compression at the base of the spine (cauda equina) first ──
  {
    id: 'saddle_numbness',
    section: 'red_flags',
    text: 'Is there any new numbness, tingling or odd feeling around your bottom, between your legs or around your genitals (the area a saddle would touch)?',
    type: 'yes_no',
    redFlag: true,
  },
  {
    id: 'bladder_change',
    section: 'red_flags',
    text: 'Have you noticed any new change in passing urine: difficulty starting, a weak stream, a feeling of not emptying, leaking, or not feeling when you need to go?',
    type: 'yes_no',
    redFlag: true,
  },
  {
    id: 'bowel_change',
    section: 'red_flags',
    text: 'Any new loss of control of your bowels, or not feeling when you need to open them?',
    type: 'yes_no',
    redFlag: true,
  },
  {
    id: 'sexual_dysfunction',
    section: 'red_flags',
    text: 'Any new change in sexual function, such as numbness or being unable to get an erection or reach orgasm, since the back pain began?',
    type: 'yes_no',
    redFlag: true,
  },
  {
    id: 'both_legs',
    section: 'red_flags',
    text: 'Do you have pain, numbness, pins and needles or weakness in BOTH legs?',
    type: 'yes_no',
    redFlag: true,
  },
  {
    id: 'leg_weakness',
    section: 'red_flags',
    text: 'Has a leg or foot become weak, for example the foot slapping down, the knee giving way, or being unable to rise onto your toes?',
    type: 'yes_no',
    redFlag: true,
  },
  {
    id: 'leg_weakness_worsening',
    section: 'red_flags',
    text: 'Is that weakness getting worse, or spreading?',
    type: 'yes_no',
    redFlag: true,
    askIf: yes('leg_weakness'),
  },
  // ── Aneurysm ──
  {
    id: 'sudden_severe_pain',
    section: 'red_flags',
    text: 'Did this pain come on suddenly and severely, perhaps tearing or ripping, in the back or belly, with feeling faint, sweaty or collapsing?',
    type: 'yes_no',
    redFlag: true,
  },
  {
    id: 'pulsating_abdomen',
    section: 'red_flags',
    text: 'Have you felt a strong pulsing or throbbing in your belly, for example when lying down?',
    type: 'yes_no',
    redFlag: true,
    askIf: { q: 'age', test: { kind: 'range', min: 50 } },
  },
  // ── Infection ──
  {
    id: 'fever',
    section: 'red_flags',
    text: 'Have you had a fever (38 °C or more), shivering fits or drenching sweats since the back pain started?',
    type: 'yes_no',
    redFlag: true,
  },
  {
    id: 'feel_unwell',
    section: 'red_flags',
    text: 'Do you feel generally unwell, not just sore?',
    type: 'yes_no',
    redFlag: true,
  },
  {
    id: 'infection_risks',
    section: 'red_flags',
    text: 'Do any of these apply to you?',
    type: 'multi',
    options: [
      { id: 'iv_drug_use', label: 'I inject drugs' },
      { id: 'immunosuppressed', label: 'My immune system is weakened (by illness or medicines)' },
      { id: 'recent_spinal_procedure', label: 'Spinal injection or surgery in the last 3 months' },
      { id: 'recent_infection', label: 'A recent infection (urine, skin, blood or chest)' },
      { id: 'diabetes', label: 'Diabetes' },
      { id: 'none', label: 'None of these' },
    ],
    redFlag: true,
  },
  // ── Cancer ──
  {
    id: 'cancer_history',
    section: 'red_flags',
    text: 'Have you ever been treated for cancer?',
    type: 'yes_no',
    redFlag: true,
  },
  {
    id: 'weight_loss',
    section: 'red_flags',
    text: 'Have you lost weight recently without trying to?',
    type: 'yes_no',
    redFlag: true,
  },
  {
    id: 'night_pain',
    section: 'red_flags',
    text: 'Does the pain wake you at night?',
    type: 'yes_no',
    redFlag: true,
  },
  {
    id: 'night_pain_unrelieved',
    section: 'red_flags',
    text: 'At night, does the pain stay bad whatever position you lie in?',
    type: 'yes_no',
    redFlag: true,
    askIf: yes('night_pain'),
  },
  // ── Fracture ──
  {
    id: 'trauma',
    section: 'red_flags',
    text: 'Did the pain start with an accident or injury?',
    type: 'single',
    options: [
      { id: 'none', label: 'No' },
      { id: 'minor', label: 'A minor one: a small fall, a slip, lifting something' },
      {
        id: 'major',
        label: 'A major one: a road accident, a fall from height, a hard fall at speed',
      },
    ],
    redFlag: true,
  },
  {
    id: 'bone_health',
    section: 'red_flags',
    text: 'Do any of these apply to you?',
    type: 'multi',
    options: [
      {
        id: 'steroids',
        label: 'I have taken steroid tablets (such as prednisolone) for 3 months or more',
      },
      { id: 'osteoporosis', label: 'I have been told I have osteoporosis or thin bones' },
      { id: 'previous_stress_fracture', label: 'I have had a stress fracture before' },
      { id: 'none', label: 'None of these' },
    ],
    redFlag: true,
  },
  // ── Bone stress around the hip, pelvis and spine ──
  {
    id: 'groin_pain',
    section: 'red_flags',
    text: 'Do you have pain in the groin or the front of the hip when you run or walk?',
    type: 'yes_no',
    redFlag: true,
  },
  {
    id: 'weight_bearing',
    section: 'red_flags',
    text: 'Can you walk normally on that leg?',
    type: 'single',
    options: [
      { id: 'normal', label: 'Yes, normally' },
      { id: 'limp', label: 'Only with a limp' },
      { id: 'cannot', label: 'I can hardly put weight on it' },
    ],
    redFlag: true,
    askIf: yes('groin_pain'),
  },
  {
    id: 'hop_pain',
    section: 'red_flags',
    text: 'Try hopping gently on the leg of the sore side, a few times, only if standing on it is comfortable. Does hopping hurt your back, buttock, pelvis or hip?',
    help: 'If you cannot try it safely, answer "Unsure".',
    type: 'yes_no',
    redFlag: true,
  },
  {
    id: 'focal_bone_pain',
    section: 'red_flags',
    text: 'Is there one small spot on the bone, low in the back or at the back of the pelvis, that is sharply sore to press or to stand on one leg?',
    type: 'yes_no',
    redFlag: true,
  },
  {
    id: 'arching_pain_young',
    section: 'red_flags',
    text: 'Does arching backwards (or standing on one leg and leaning back) bring on the pain, and has that been so for more than two weeks?',
    type: 'yes_no',
    redFlag: true,
    askIf: { q: 'age', test: { kind: 'range', max: 20 } },
  },
  // ── Energy availability (RED-S) ──
  {
    id: 'periods',
    section: 'red_flags',
    text: 'How are your periods?',
    type: 'single',
    options: [
      { id: 'regular', label: 'Regular' },
      { id: 'irregular_or_missed', label: 'Irregular, or I have missed three or more in a row' },
      {
        id: 'not_applicable',
        label: 'Not applicable (menopause, pregnancy, hormonal contraception)',
      },
    ],
    redFlag: true,
    askIf: {
      all: [
        { q: 'sex', test: { kind: 'is', value: 'female' } },
        { q: 'age', test: { kind: 'range', min: 12, max: 56 } },
      ],
    },
  },
  {
    id: 'restricted_eating',
    section: 'red_flags',
    text: 'Are you deliberately eating less, cutting out food groups, or trying to lose weight while training?',
    type: 'yes_no',
    redFlag: true,
  },
  {
    id: 'low_energy_signs',
    section: 'red_flags',
    text: 'Over the last months, have you noticed any of these?',
    type: 'multi',
    options: [
      { id: 'fatigue', label: 'Tired all the time' },
      { id: 'performance_drop', label: 'Getting slower despite training' },
      { id: 'low_libido', label: 'Much lower sex drive' },
      { id: 'frequent_illness', label: 'Catching colds or infections more often' },
      { id: 'none', label: 'None of these' },
    ],
    redFlag: true,
  },
  // ── Inflammatory back pain (asked when the pain is long-standing, NICE NG65 / ASAS) ──
  {
    id: 'inflammatory_features',
    section: 'red_flags',
    text: 'Which of these fit your back pain?',
    type: 'multi',
    options: [
      { id: 'insidious_onset', label: 'It crept up gradually, without an injury' },
      { id: 'better_with_exercise', label: 'Exercise makes it better' },
      { id: 'not_better_with_rest', label: 'Rest does not make it better' },
      {
        id: 'wakes_second_half_night',
        label: 'It wakes me in the second half of the night and eases when I get up',
      },
      {
        id: 'morning_stiffness_over_30',
        label: 'I am stiff for more than half an hour in the morning',
      },
      { id: 'alternating_buttock', label: 'Buttock pain, sometimes switching sides' },
      {
        id: 'nsaid_relief',
        label: 'Anti-inflammatory tablets (ibuprofen, naproxen) help a lot within two days',
      },
      { id: 'none', label: 'None of these' },
    ],
    redFlag: true,
    askIf: { q: 'duration', test: { kind: 'is', value: 'over_3_months' } },
  },
  {
    id: 'inflammatory_history',
    section: 'red_flags',
    text: 'Have you, or a parent, brother, sister or child, had any of these?',
    type: 'multi',
    options: [
      { id: 'psoriasis', label: 'Psoriasis (me)' },
      { id: 'uveitis', label: 'A painful red eye treated as iritis or uveitis (me)' },
      { id: 'arthritis', label: 'Swollen, inflamed joints (me)' },
      {
        id: 'enthesitis',
        label: 'Inflamed tendon attachments, such as heel pain without injury (me)',
      },
      { id: 'bowel_inflammation', label: "Crohn's disease or ulcerative colitis (me)" },
      {
        id: 'family_spondyloarthritis',
        label: 'Ankylosing spondylitis or spondyloarthritis (a close relative)',
      },
      { id: 'none', label: 'None of these' },
    ],
    redFlag: true,
    askIf: { q: 'duration', test: { kind: 'is', value: 'over_3_months' } },
  },
  {
    id: 'smoker',
    section: 'red_flags',
    text: 'Do you smoke, or did you smoke in the past?',
    type: 'single',
    options: [
      { id: 'never', label: 'Never' },
      { id: 'ex', label: 'I used to' },
      { id: 'current', label: 'I smoke now' },
    ],
    redFlag: true,
    askIf: { q: 'age', test: { kind: 'range', min: 50 } },
  },

  // ── Symptoms ──
  {
    id: 'pain_map',
    section: 'symptoms',
    text: 'Tap every place where you feel this pain, including where it spreads.',
    type: 'body_regions',
  },
  {
    id: 'pain_now',
    section: 'symptoms',
    text: 'How bad is the pain right now, from 0 (none) to 10 (the worst you can imagine)?',
    type: 'scale',
    min: 0,
    max: 10,
  },
  {
    id: 'onset',
    section: 'symptoms',
    text: 'How did it start?',
    type: 'single',
    options: [
      {
        id: 'sudden_movement',
        label: 'Suddenly, with one movement (lifting, landing, kicking, twisting)',
      },
      { id: 'after_hard_session', label: 'After one hard session or race' },
      { id: 'gradual', label: 'Gradually, over days or weeks' },
      { id: 'after_other_injury', label: 'After another injury changed how I move' },
      { id: 'no_idea', label: 'I have no idea' },
    ],
  },
  {
    id: 'leg_nerve_symptoms',
    section: 'symptoms',
    text: 'Does the leg pain feel sharp, shooting or electric, or come with numbness or pins and needles?',
    type: 'yes_no',
    askIf: {
      any: [
        includes('pain_map', 'thigh_back_left'),
        includes('pain_map', 'thigh_back_right'),
        includes('pain_map', 'thigh_front_left'),
        includes('pain_map', 'thigh_front_right'),
        includes('pain_map', 'below_knee_left'),
        includes('pain_map', 'below_knee_right'),
      ],
    },
  },
  {
    id: 'worse_with',
    section: 'symptoms',
    text: 'What brings the pain on or makes it worse? Choose all that apply.',
    type: 'multi',
    options: [
      { id: 'running', label: 'Running' },
      { id: 'uphill', label: 'Running uphill' },
      { id: 'downhill', label: 'Running downhill' },
      { id: 'sitting', label: 'Sitting for a while (desk, car)' },
      { id: 'bending_forward', label: 'Bending forward (putting on socks, picking things up)' },
      { id: 'arching_back', label: 'Arching backwards or reaching overhead' },
      { id: 'twisting', label: 'Twisting or looking behind you' },
      { id: 'standing', label: 'Standing still for a long time' },
      { id: 'rising', label: 'Getting up from a chair or out of a car' },
      { id: 'stairs', label: 'Stairs' },
      { id: 'one_leg', label: 'Standing on one leg' },
      { id: 'bends', label: 'Bends on a track, or always turning the same way' },
      { id: 'after_cycling', label: 'Running straight after cycling' },
      { id: 'lifting', label: 'Lifting' },
      { id: 'none', label: 'None of these' },
    ],
  },
  {
    id: 'eased_by',
    section: 'symptoms',
    text: 'What eases it? Choose all that apply.',
    type: 'multi',
    options: [
      { id: 'moving', label: 'Moving about, once warmed up' },
      { id: 'sitting', label: 'Sitting down' },
      { id: 'bending_forward', label: 'Bending forward' },
      { id: 'lying_down', label: 'Lying down' },
      { id: 'rest', label: 'Rest days' },
      { id: 'heat', label: 'Heat or a warm shower' },
      { id: 'nothing', label: 'Nothing eases it' },
    ],
  },
  {
    id: 'run_pattern',
    section: 'symptoms',
    text: 'How does the pain behave around your runs?',
    type: 'single',
    options: [
      { id: 'eases_when_warm', label: 'Worse at the start, eases once I am warmed up' },
      { id: 'builds_during', label: 'Builds up during the run, especially later on' },
      { id: 'after_only', label: 'Only after runs, not during' },
      { id: 'all_the_time', label: 'There all the time, running or not' },
      { id: 'unrelated', label: 'Not linked to running' },
      { id: 'not_running', label: 'I cannot run at the moment' },
    ],
  },
  {
    id: 'settles_fast',
    section: 'symptoms',
    text: 'After a run, does the ache settle within an hour or so?',
    type: 'yes_no',
  },
  {
    id: 'morning_stiffness_min',
    section: 'symptoms',
    text: 'How many minutes are you stiff in the morning before your back loosens up? (0 if not stiff)',
    type: 'number',
    unit: 'min',
    min: 0,
    max: 240,
  },
  {
    id: 'pain_point',
    section: 'symptoms',
    text: 'If you point with one finger to where it hurts most, where is that?',
    type: 'single',
    options: [
      { id: 'pelvis_dimple', label: 'On the dimple at the back of the pelvis, to one side' },
      { id: 'beside_spine', label: 'The muscles beside the spine' },
      { id: 'spine_midline', label: 'On the spine itself, in the middle' },
      { id: 'buttock', label: 'Deep in the buttock' },
      { id: 'spread_out', label: 'I cannot point to one spot; it is spread out' },
    ],
  },
  {
    id: 'muscle_tender',
    section: 'symptoms',
    text: 'Are the muscles beside your spine sore to touch, tight or in spasm?',
    type: 'yes_no',
  },
  {
    id: 'centralises',
    section: 'symptoms',
    text: 'When you repeat a movement (such as bending back gently 10 times), does leg or buttock pain move back towards the middle of your back?',
    type: 'yes_no',
    askIf: {
      any: [
        includes('pain_map', 'buttock_left'),
        includes('pain_map', 'buttock_right'),
        includes('pain_map', 'thigh_back_left'),
        includes('pain_map', 'thigh_back_right'),
        includes('pain_map', 'below_knee_left'),
        includes('pain_map', 'below_knee_right'),
      ],
    },
  },

  // ── Training ──
  {
    id: 'weekly_km',
    section: 'training',
    text: 'How far do you run in a usual week now?',
    type: 'number',
    unit: 'km',
    min: 0,
    max: 300,
  },
  {
    id: 'weekly_change',
    section: 'training',
    text: 'Compared with a month or two ago, how has your weekly distance changed?',
    type: 'single',
    options: [
      { id: 'less', label: 'Less' },
      { id: 'same', label: 'About the same' },
      { id: 'up_small', label: 'Up a little (less than 10%)' },
      { id: 'up_moderate', label: 'Up 10 to 30%' },
      { id: 'up_large', label: 'Up more than 30%' },
    ],
  },
  {
    id: 'long_run_spike',
    section: 'training',
    text: 'In the weeks before the pain began, did you do a run much longer than any in the month before it?',
    type: 'single',
    options: [
      { id: 'no', label: 'No' },
      { id: 'up_10_30', label: 'Yes, 10 to 30% longer' },
      { id: 'up_30_plus', label: 'Yes, more than 30% longer (or a race)' },
    ],
  },
  {
    id: 'training_changes',
    section: 'training',
    text: 'What else changed in your training recently? Choose all that apply.',
    type: 'multi',
    options: [
      { id: 'more_runs', label: 'More runs per week, fewer rest days' },
      { id: 'speed_work', label: 'More speed work or intervals' },
      { id: 'more_hills', label: 'More hills or trails' },
      { id: 'new_surface', label: 'A new surface (track, trail, treadmill, camber)' },
      { id: 'back_after_break', label: 'Back after a break' },
      { id: 'heavy_lifting', label: 'Heavy gym lifting (deadlifts, squats)' },
      { id: 'none', label: 'Nothing changed' },
    ],
  },
  {
    id: 'rest_days',
    section: 'training',
    text: 'How many days a week do you have without running?',
    type: 'number',
    unit: 'days',
    min: 0,
    max: 7,
  },
  {
    id: 'hills',
    section: 'training',
    text: 'How much of your running is on hills?',
    type: 'single',
    options: [
      { id: 'flat', label: 'Almost all flat' },
      { id: 'some', label: 'Some hills each week' },
      { id: 'lots', label: 'Lots: hilly routes, hill repeats or mountain trails' },
    ],
  },
  {
    id: 'surfaces',
    section: 'training',
    text: 'Where do you run? Choose all that apply.',
    type: 'multi',
    options: [
      { id: 'road', label: 'Roads and pavements' },
      { id: 'track', label: 'An outdoor track' },
      { id: 'indoor_track', label: 'A banked indoor track' },
      { id: 'trail', label: 'Trails' },
      { id: 'treadmill', label: 'Treadmill' },
      { id: 'grass', label: 'Grass' },
    ],
  },
  {
    id: 'same_direction',
    section: 'training',
    text: 'Do you mostly run in the same direction on a track or loop, or on the same side of a sloping road?',
    type: 'yes_no',
  },
  {
    id: 'years_running',
    section: 'training',
    text: 'How many years have you been running regularly?',
    type: 'number',
    unit: 'years',
    min: 0,
    max: 70,
  },
  {
    id: 'other_sports',
    section: 'training',
    text: 'What other sport or training do you do? Choose all that apply.',
    type: 'multi',
    options: [
      { id: 'cycling_aero', label: 'Cycling, often in a low or aero position' },
      { id: 'cycling', label: 'Cycling, upright' },
      { id: 'breaststroke', label: 'Breaststroke swimming' },
      { id: 'weights', label: 'Weights' },
      { id: 'jumps_sprints', label: 'Jumping or sprinting sports' },
      { id: 'yoga_pilates', label: 'Yoga or Pilates' },
      { id: 'none', label: 'None' },
    ],
  },

  // ── Shoes ──
  {
    id: 'shoe_km',
    section: 'shoes',
    text: 'Roughly how far have your main running shoes gone?',
    type: 'number',
    unit: 'km',
    min: 0,
    max: 5000,
  },
  {
    id: 'shoe_worn',
    section: 'shoes',
    text: 'Do your shoes look worn: midsole foam squashed, heel collapsed, or the shoe leaning when set on a table?',
    type: 'yes_no',
  },
  {
    id: 'shoe_change',
    section: 'shoes',
    text: 'Did you change shoes shortly before the pain began?',
    type: 'single',
    options: [
      { id: 'no', label: 'No' },
      { id: 'same_model', label: 'Yes, a new pair of the same model' },
      {
        id: 'different_type',
        label: 'Yes, to a different type (much more or less cushioning, drop or support)',
      },
    ],
  },
  {
    id: 'better_other_shoes',
    section: 'shoes',
    text: 'Have you noticed less pain when running in a different or newer pair?',
    type: 'yes_no',
  },

  // ── Other injuries, form and strength ──
  {
    id: 'other_injuries',
    section: 'other_injuries',
    text: 'Have you had any of these in the last few months? Choose all that apply.',
    type: 'multi',
    options: [
      { id: 'it_band', label: 'IT band pain (outside of the knee or thigh)' },
      { id: 'plantar_fascia', label: 'Plantar fasciitis (heel or arch pain)' },
      { id: 'knee', label: "Runner's knee or other knee pain" },
      { id: 'hip', label: 'Hip pain or hip impingement' },
      { id: 'ankle', label: 'An ankle sprain or Achilles or calf trouble' },
      { id: 'none', label: 'None of these' },
    ],
  },
  {
    id: 'gait_changed',
    section: 'other_injuries',
    text: 'Has that injury changed how you run, for example limping, keeping a leg stiff, hitching a hip or shortening a stride?',
    type: 'yes_no',
    askIf: {
      all: [
        {
          q: 'other_injuries',
          test: {
            kind: 'includesAny',
            values: ['it_band', 'plantar_fascia', 'knee', 'hip', 'ankle'],
          },
        },
      ],
    },
  },
  {
    id: 'back_after_injury',
    section: 'other_injuries',
    text: 'Did the back pain start after that other injury?',
    type: 'yes_no',
    askIf: {
      all: [
        {
          q: 'other_injuries',
          test: {
            kind: 'includesAny',
            values: ['it_band', 'plantar_fascia', 'knee', 'hip', 'ankle'],
          },
        },
      ],
    },
  },
  {
    id: 'form_observations',
    section: 'other_injuries',
    text: 'Has a coach, friend or video shown any of these in your running? Choose all that apply.',
    type: 'multi',
    options: [
      { id: 'trunk_rotation', label: 'Twisting my upper body a lot' },
      { id: 'arms_across', label: 'Arms swinging across my body' },
      { id: 'tense_arms', label: 'Stiff, tense arms or hunched shoulders' },
      { id: 'overstriding', label: 'Feet landing far in front of me' },
      { id: 'hip_drop', label: 'One hip dropping when I land' },
      { id: 'uneven_stride', label: 'Uneven stride or arm swing between sides' },
      { id: 'forward_lean', label: 'Leaning forward from the waist' },
      { id: 'none', label: 'None of these' },
      { id: 'not_known', label: 'I have never been watched' },
    ],
  },
  {
    id: 'plank_seconds',
    section: 'other_injuries',
    text: 'How long can you hold a front plank with good form?',
    type: 'number',
    unit: 's',
    min: 0,
    max: 600,
  },
  {
    id: 'single_leg_balance',
    section: 'other_injuries',
    text: 'Standing on one leg with eyes open, how steady are you for 30 seconds?',
    type: 'single',
    options: [
      { id: 'steady', label: 'Steady on both legs' },
      { id: 'wobbly', label: 'Wobbly on one or both legs' },
      { id: 'cannot', label: 'I cannot hold it' },
    ],
  },
  {
    id: 'tight_areas',
    section: 'other_injuries',
    text: 'Which areas feel tight? Choose all that apply.',
    type: 'multi',
    options: [
      { id: 'hip_front', label: 'Front of the hips (hip flexors)' },
      { id: 'inner_thigh', label: 'Inner thighs' },
      { id: 'hamstrings', label: 'Back of the thighs (hamstrings)' },
      { id: 'calves', label: 'Calves' },
      { id: 'shoulders', label: 'Shoulders and upper back' },
      { id: 'none', label: 'None' },
    ],
  },

  // ── Work and sitting ──
  {
    id: 'sitting_hours',
    section: 'work',
    text: 'On a usual day, how many hours do you sit (desk, car, sofa)?',
    type: 'number',
    unit: 'h/day',
    min: 0,
    max: 20,
  },

  // ── Breathing ──
  {
    id: 'breathing',
    section: 'breathing',
    text: 'When you breathe hard on a run, what moves most?',
    help: 'Put one hand on your chest and one on your belly during an effort, or ask someone to watch.',
    type: 'single',
    options: [
      { id: 'belly', label: 'My belly and lower ribs expand' },
      { id: 'chest', label: 'My chest and shoulders lift' },
      { id: 'unsure', label: "I don't know" },
    ],
  },

  // ── Risk screen: nine topics of the STarT Back tool, in Backtrack's own words ──
  {
    id: 'sb_leg_spread',
    section: 'risk_screen',
    text: 'In the past two weeks, has your back pain gone down into a leg at any point?',
    type: 'yes_no',
  },
  {
    id: 'sb_other_pain',
    section: 'risk_screen',
    text: 'In the past two weeks, have you also had pain in your neck or shoulders?',
    type: 'yes_no',
  },
  {
    id: 'sb_walk_short',
    section: 'risk_screen',
    text: 'In the past two weeks, has your back kept you to walking only short distances?',
    type: 'yes_no',
  },
  {
    id: 'sb_dress_slow',
    section: 'risk_screen',
    text: 'In the past two weeks, has your back made you slower than usual at getting dressed?',
    type: 'yes_no',
  },
  {
    id: 'sb_fear',
    section: 'risk_screen',
    text: 'Do you feel that being physically active is risky for someone with your back?',
    type: 'yes_no',
  },
  {
    id: 'sb_worry',
    section: 'risk_screen',
    text: 'Have worrying thoughts been on your mind a lot lately?',
    type: 'yes_no',
  },
  {
    id: 'sb_catastrophising',
    section: 'risk_screen',
    text: 'Do you feel your back pain is awful and will never get better?',
    type: 'yes_no',
  },
  {
    id: 'sb_low_mood',
    section: 'risk_screen',
    text: 'Lately, have you stopped enjoying the things you normally enjoy?',
    type: 'yes_no',
  },
  {
    id: 'sb_bothersome',
    section: 'risk_screen',
    text: 'Overall, how much has your back pain bothered you in the past two weeks?',
    type: 'single',
    options: [
      { id: 'not_at_all', label: 'Not at all' },
      { id: 'slightly', label: 'Slightly' },
      { id: 'moderately', label: 'Moderately' },
      { id: 'very_much', label: 'Very much' },
      { id: 'extremely', label: 'Extremely' },
    ],
  },
];

/** Question ids of the STarT-Back-style risk screen, in the tool's topic order. */
export const RISK_SCREEN_IDS = [
  'sb_leg_spread',
  'sb_other_pain',
  'sb_walk_short',
  'sb_dress_slow',
  'sb_fear',
  'sb_worry',
  'sb_catastrophising',
  'sb_low_mood',
  'sb_bothersome',
] as const;
