/** Help texts of the `backtrack` command and each subcommand. */

/** The subcommands. */
export const COMMAND_NAMES = [
  'assess',
  'plan',
  'checkin',
  'import',
  'training',
  'questions',
  'kb',
  'help',
] as const;
/** A subcommand name. */
export type CommandName = (typeof COMMAND_NAMES)[number];

/** Whether `name` is a known subcommand. */
export function isCommandName(name: string): name is CommandName {
  return (COMMAND_NAMES as readonly string[]).includes(name);
}

const MAIN = `backtrack: find the weak link behind a runner's lower back pain

Usage:
  backtrack assess [--full] [--save-answers FILE] [--no-training-data]
                                                  interactive assessment
  backtrack assess --answers FILE [--adaptive] [--json] [--no-training-data]
                                                  assess answers from a JSON file
  backtrack plan --answers FILE [--profile FILE] [--json] [--pdf OUT.pdf]
                 [--ics OUT.ics] [--start YYYY-MM-DD] [--save]
                 [--no-training-data]             a multi-week plan from the answers
  backtrack checkin --during N --after N --morning N --done N [--planned N]
                    [--date YYYY-MM-DD | --day N] [--json]
                                                  record a day against the saved plan
  backtrack import PATH... [--json]               import runs: FIT, GPX, TCX files,
                                                  folders, a Strava export .zip
  backtrack training [--json] [--as-of YYYY-MM-DD] [--shoe-reminder NAME=KM ...]
                                                  what the imported runs show
  backtrack questions [--json]                    list every question
  backtrack kb [--json]                           list contributors and red flags
  backtrack help [COMMAND]                        show help for a command

Options:
  -h, --help      show help (also after a command: backtrack assess --help)
  --version       print the version

Exit status: 0 done, 1 internal error, 2 bad arguments or bad input file,
130 interview cancelled.

Backtrack is not a diagnosis. If a warning sign appears or the pain gets
worse, seek care.
`;

const ASSESS = `Usage:
  backtrack assess [--full] [--save-answers FILE] [--no-training-data]
  backtrack assess --answers FILE [--adaptive] [--json] [--no-training-data]

Without --answers, runs the interview in the terminal, one question at a time.
Warning-sign questions come first and cannot be skipped (answer "unsure" if
you do not know); an emergency answer ends the interview at once. Answers can
also be piped in, one per line.
  At every prompt:  b back (undo the last answer) · s skip · r results now · ? help
  Answers:          y / n / u (yes, no, unsure); a number; numbers separated
                    by commas for "choose all that apply"

Options:
  --full            ask every question that applies (default: adaptive, only
                    the most informative questions)
  --save-answers FILE
                    after the interview, write your answers to FILE (a new
                    file) in the --answers format, for backtrack plan --answers;
                    without it, the interview offers to save at the end
  --answers FILE    assess the answers in FILE instead of asking. FILE is JSON:
                      {"answers": {"age": 34, "saddle_numbness": "no",
                                   "pain_map": ["low_back_centre"]}}
                    Ids, types and ranges: backtrack questions
  --adaptive        with --answers: run the adaptive interview, answering each
                    question it asks from FILE (missing = skipped), and report
                    questionsAsked and endedBecause
  --json            with --answers: print the result as JSON
  --no-training-data
                    do not use the imported runs (see below)
  -h, --help        show this help

With --answers, runs imported with \`backtrack import\` answer the questions
FILE leaves unanswered (weekly distance and its change, a long-run spike,
hills, shoe distance, an uneven stride); your own answers always win. Every
step of the explanation they produce says "From your imported runs: …", and
the JSON has them under "fromImportedRuns". In the interview, what the runs
imply is shown under each question they answer (never a warning-sign one):
press Enter to accept it, or type your own answer.

An invalid FILE (missing, not JSON, no "answers", unknown question id, wrong
type or out of range) or a corrupt activity store is reported on stderr with
exit status 2.
`;

const PLAN = `Usage:
  backtrack plan --answers FILE [--profile FILE] [--json]
  backtrack plan --answers FILE --pdf OUT.pdf
  backtrack plan --answers FILE --ics OUT.ics [--start YYYY-MM-DD]
  backtrack plan --answers FILE --save

Assesses the answers in FILE (every answer, as \`backtrack assess --answers\`
does) and builds a multi-week plan: exercises with doses for the likely weak
links, running (kept, rebuilt with walk/run, or paused), running rules and
when to seek help. Where triage forbids a plan (a warning sign that needs a
doctor), there is no plan: only what to do now.

Options:
  --answers FILE    the answers file (see \`backtrack assess --help\`)
  --profile FILE    your running, as JSON; every field is optional:
                      {"runningDaysPerWeek": 3, "weeklyKm": 25,
                       "longestRunKm": 10, "equipment": ["mat", "band"],
                       "units": "km"}
                    equipment: mat, step, band, wall, chair, dumbbell;
                    units: km or mi (distances are shown in these)
  --json            print the plan as JSON (distances in km): {"kind": "plan",
                    "weeks": [{"days": [{"items": [...]}]}], ...}, or
                    {"kind": "no_plan", "reason", "whatToDoNow", ...}
  --pdf OUT.pdf     write a printable handout: triage, weekly schedule, each
                    exercise with its illustration, running rules, when to
                    seek help
  --ics OUT.ics     write the sessions as all-day calendar events
  --start DATE      day 1 of the plan, YYYY-MM-DD (default: next Monday)
  --save            keep the plan for \`backtrack checkin\` in
                    $BACKTRACK_HOME/cli-state.json (default ~/.backtrack/);
                    a plan saved before is kept in cli-state.previous.json
  --no-training-data
                    do not fill unanswered questions from the runs imported
                    with \`backtrack import\` (used by default; your own
                    answers always win; JSON: "fromImportedRuns")
  -h, --help        show this help

With --pdf or --ics the text plan is not printed; with --json, notes about
written files go to stderr. A bad file or date: a message on stderr, exit 2.
`;

const CHECKIN = `Usage:
  backtrack checkin --during N --after N --morning N --done N [--planned N]
                    [--date YYYY-MM-DD | --day N] [--km KM]
                    [--leg none|above_knee|below_knee] [--note TEXT] [--json]

Records one day of the saved plan (see \`backtrack plan --save\`) and shows
how the plan adapts: from this week's check-ins, next week progresses, holds
or steps back (pain-monitoring model), with the reason and next week's
schedule. A second check-in for the same day replaces the first.

Options:
  --during N     pain during the day's sessions, 0–10
  --after N      pain after them, 0–10
  --morning N    pain the next morning, 0–10
  --done N       sessions done
  --planned N    sessions planned (default: from the plan; the day's
                 exercises count as one session, a run or walk as another)
  --date DATE    the day checked in, YYYY-MM-DD (default: today)
  --day N        the day checked in, as a day of the plan (1 = day 1)
  --km KM        kilometres actually run that day
  --leg WHERE    where the pain reached: none, above_knee, below_knee; pain
                 newly past the knee asks you to check the warning signs again
  --note TEXT    a note for your physiotherapist (up to 1,000 characters)
  --json         print {checkIn, date, week, adaptation, ...} as JSON
  -h, --help     show this help

The state file is $BACKTRACK_HOME/cli-state.json (default ~/.backtrack/).
No saved plan, a corrupt state file, or a value out of range: a message
naming the problem on stderr, exit 2.
`;

const IMPORT = `Usage:
  backtrack import PATH... [--json]

Imports runs (and other activities) into $BACKTRACK_HOME/activities/
(default ~/.backtrack/): .fit, .gpx and .tcx files (each optionally .gz),
folders of them, .zip files, and Strava bulk exports (the .zip, or its
folder, with activities.csv: names, types and shoes come from it).

The same run imported twice (the same file, or a watch's FIT and an app's
GPX of it: start within 2 minutes, distance within 2%) is stored once; a
file imported before (the same content) is skipped without being read
again, and listed as "already imported, skipped". A file that cannot be
read is listed with the reason; the others are imported.
On a terminal a progress bar is drawn on stderr.

Options:
  --json        print {activities: [...], errors: [{file, message}],
                summary: {read, new, alreadyStored, duplicates, from, to,
                distanceKm, shoes, ...}, store: {path, activities}}
  -h, --help    show this help

Exit status: 0 when anything was read (even if some files failed), 2 when
nothing could be read (no such path, or every file failed) or the store is
corrupt (it is never overwritten: move it away).
`;

const TRAINING = `Usage:
  backtrack training [--json] [--as-of YYYY-MM-DD] [--shoe-reminder NAME=KM ...]

What the imported runs show: weekly distance and time for 12 weeks, the
change from week to week, the longest run of the last 30 days and runs more
than 10% longer than the longest of the 30 days before, the acute:chronic
ratio with its caveats, downhill share and climb, cadence (steps/min),
ground-contact balance, distance per shoe, and the findings the assessment
uses ("From your imported runs: ..."). With a saved plan's check-ins, pain
against training (hilly or flat runs, long-run spikes, shoes, run or rest
days), saying "not enough data yet" until each group has 5 days.

Options:
  --as-of DATE             the last day to include (default: today)
  --shoe-reminder NAME=KM  remind at this distance for the shoe named NAME
                           (as in your Strava gear); repeat for more shoes
  --json                   print the whole report as JSON (distances in m)
  -h, --help               show this help

No imported runs, or a corrupt store: a message on stderr, exit 2.
`;

const QUESTIONS = `Usage:
  backtrack questions [--json]

Lists every question of the interview, in order: id, section, type, options,
unit and range, whether it is a warning-sign question, and when a follow-up is
asked. Use the ids and option ids in an answers file (backtrack assess --answers).

Options:
  --json        print a JSON array with id, text, help, type, section, redFlag,
                options, unit, min, max and askIf for each question
  -h, --help    show this help
`;

const KB = `Usage:
  backtrack kb [--json]

Lists the knowledge base: the contributors (likely weak links) with their
starting probability and summary, the red flags with the tier they set and the
condition they point to, and the sources cited.

Options:
  --json        print JSON: {contributors, redFlags, sources}
  -h, --help    show this help
`;

const HELP = `Usage:
  backtrack help [COMMAND]

Shows help for COMMAND (assess, plan, checkin, import, training, questions,
kb), or the overview.
`;

const TEXTS: Readonly<Record<CommandName, string>> = {
  assess: ASSESS,
  plan: PLAN,
  checkin: CHECKIN,
  import: IMPORT,
  training: TRAINING,
  questions: QUESTIONS,
  kb: KB,
  help: HELP,
};

/** The help text of a command, or the overview when none is given. */
export function usage(command?: CommandName): string {
  return command === undefined ? MAIN : TEXTS[command];
}
