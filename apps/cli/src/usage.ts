/** Help texts of the `backtrack` command and each subcommand. */

/** The subcommands. */
export const COMMAND_NAMES = ['assess', 'questions', 'kb', 'help'] as const;
/** A subcommand name. */
export type CommandName = (typeof COMMAND_NAMES)[number];

/** Whether `name` is a known subcommand. */
export function isCommandName(name: string): name is CommandName {
  return (COMMAND_NAMES as readonly string[]).includes(name);
}

const MAIN = `backtrack: find the weak link behind a runner's lower back pain

Usage:
  backtrack assess [--full]                       interactive assessment
  backtrack assess --answers FILE [--adaptive] [--json]
                                                  assess answers from a JSON file
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
  backtrack assess [--full]
  backtrack assess --answers FILE [--adaptive] [--json]

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
  --answers FILE    assess the answers in FILE instead of asking. FILE is JSON:
                      {"answers": {"age": 34, "saddle_numbness": "no",
                                   "pain_map": ["low_back_centre"]}}
                    Ids, types and ranges: backtrack questions
  --adaptive        with --answers: run the adaptive interview, answering each
                    question it asks from FILE (missing = skipped), and report
                    questionsAsked and endedBecause
  --json            with --answers: print the result as JSON
  -h, --help        show this help

An invalid FILE (missing, not JSON, no "answers", unknown question id, wrong
type or out of range) is reported on stderr with exit status 2.
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

Shows help for COMMAND (assess, questions, kb), or the overview.
`;

const TEXTS: Readonly<Record<CommandName, string>> = {
  assess: ASSESS,
  questions: QUESTIONS,
  kb: KB,
  help: HELP,
};

/** The help text of a command, or the overview when none is given. */
export function usage(command?: CommandName): string {
  return command === undefined ? MAIN : TEXTS[command];
}
