"""Does checking time stay linear on hostile pages?

    .venv/bin/python benchmarks/hostile_scaling.py [--base 10000] [--factor 4] [--only NAME]

Each attack page is built at two sizes (``base`` and ``base * factor`` repetitions)
and checked with every rule (``lint_text``, best of 3 runs for small inputs). The
``ratio`` column is time(big) / time(small): about ``factor`` means linear, about
``factor**2`` quadratic. A plain page of the same byte size is the baseline, in the
same run. Nothing here asserts: it prints figures (docs/security.md quotes them).
"""

from __future__ import annotations

import argparse
import time

from conditionlint.api import lint_text
from conditionlint.checks.encoding import _damage

TODAY = "2026-11-29"

ATTACKS = {
    "overstated wording": lambda n: "# T\n\nIt has been shown to will get rid of "
                                    * (n // 37) + "pain [1].\n",
    "empty-section invisibles": lambda n: "# T\n\n## S\n\n" + "[a]: <b " * (n // 8)
                                          + "<br " * (n // 8) + "&nbsp" * (n // 10) + "\n",
    "baseline prose": lambda n: "# T\n\n" + "Back pain is common and usually improves. " * (n // 8),
    "one long line": lambda n: "# T\n\n" + "word " * n + "\n",
    "nested lists": lambda n: "# T\n\n" + "- " * n + "x\n",
    "nested quotes": lambda n: "# T\n\n" + "> " * n + "x\n",
    "emphasis": lambda n: "# T\n\n" + "*a_" * n + "\n",
    "brackets": lambda n: "# T\n\n" + "[" * n + "]" * n + "\n",
    "open links": lambda n: "# T\n\n" + "[a](" * n + "\n",
    "backticks": lambda n: "# T\n\n" + "`a" * n + "\n",
    "unclosed comments": lambda n: "# T\n\n" + "x <!-- a " * n + "\n",
    "comment lines": lambda n: "# T\n\n" + "<!-- a\n" * n,
    "open directives": lambda n: "# T\n\n" + "<!-- conditionlint-disable CL301 " * (n // 4) + "\n",
    "table": lambda n: "# T\n\n|" + "a|" * 20 + "\n|" + "-|" * 20 + "\n"
                       + ("|" + "x|" * 20 + "\n") * (n // 20),
    "claim table, wide": lambda n: "# T\n\n|" + "How it works|" * (n // 16) + "\n|"
                                   + "-|" * (n // 16) + "\n|" + "Cell [1]|" * (n // 16) + "\n",
    "claim table, long": lambda n: "# T\n\n|Treatment|Results|\n|-|-|\n"
                                   + "|Gel [1]|Gradual fading|\n" * (n // 8),
    "front matter list": lambda n: "---\nitems:\n" + "  - x\n" * (n // 4) + "---\n# T\n",
    "markers in a sentence": lambda n: "# T\n\nRest helps" + " [1]" * (n // 4)
                                       + ".\n\n1. A. Title. 2020. doi:10.1000/xyz\n",
    "study links": lambda n: "# T\n\nRest helps" + " [a](https://doi.org/10.1000/x)"
                             * (n // 32) + ".\n",
    "bare addresses": lambda n: "# T\n\nRest helps" + " https://www.nice.org.uk/guidance/ng59"
                                * (n // 32) + ".\n",
    "html divs, unclosed": lambda n: "# T\n\n<div>\n" + "<div>Rest helps " * (n // 8) + "\n",
    "html divs, nested": lambda n: "# T\n\n" + "<div>" * (n // 8) + "Rest helps."
                                   + "</div>" * (n // 8) + "\n",
    "html paragraphs, one line": lambda n: "# T\n\n<p>" + "Rest helps.</p><p>" * (n // 16)
                                           + "</p>\n",
    "html divs in a paragraph": lambda n: "# T\n\n<p>" + "Rest <div>helps</div> " * (n // 16)
                                          + "</p>\n",
    # seventh session: clauses judged as sentences of their own (claimdetect._MAX_DEPTH)
    "colon clauses": lambda n: "# T\n\n" + "the cat sat: on the mat " * (n // 24) + "\n",
    "reason clauses": lambda n: "# T\n\n" + "Do not stop - " * (n // 14) + "end.\n",
    # a sentence opening with a run of characters that both "\W*" and a word class
    # with "-" or "'" can take (found by the seventh session's review)
    "hyphen run": lambda n: "# T\n\n" + "-" * n + "x y z works.\n",
    "apostrophe run": lambda n: "# T\n\n" + "'" * n + "x cures back pain.\n",
    # round 17 mends: a sign lead-in whose tail could be taken by two overlapping runs
    # (found by the round 17 review)
    "sign heading, dashes": lambda n: "# T\n\n## Signs that" + " -" * (n // 2) + "\n\nText.\n",
    "sign lead-in, dashes": lambda n: "# T\n\nSigns that" + " -" * (n // 2) + ": a:\n\n- tiredness\n",
    # the clauses after a described service, each judged on its own (bounded)
    "clauses after a service": lambda n: "# T\n\nOur podiatrists treat the whole foot"
                                         + " and x" * (n // 6) + ".\n",
    # round 18: words before and after a treatment, then no "can cause" (bounded runs)
    "treatment subject, no verb": lambda n: "# T\n\n" + "these tablets, " * (n // 15) + "x.\n",
    "most, words, no verb": lambda n: "# T\n\nMost" + " people" * (n // 7) + " x.\n",
    "have made, words": lambda n: "# T\n\nVaccines have made" + " x," * (n // 3) + " y.\n",
    "time after treatment, words": lambda n: "# T\n\nThree weeks after" + " x" * (n // 2) + ".\n",
    "time markers in a row": lambda n: "# T\n\n" + '"after two weeks of x x x ' * (n // 26) + ".\n",
    "treatment pronoun, spaces": lambda n: "# T\n\n## Treatment\n\nThey" + " " * n + "can x.\n",
    "more reliable, no than": lambda n: "# T\n\n" + "more reliable x x x " * (n // 20) + ".\n",
    "help you, spaces": lambda n: "# T\n\nIt can help you" + " " * n + "x:\n\n- Eat out\n",
    "zero, words": lambda n: "# T\n\nZero" + " x" * (n // 2) + ".\n",
    "most common, words": lambda n: "# T\n\n" + "is one of the most common x x x " * (n // 32) + ".\n",
    "pain words in a review": lambda n: '# T\n\n## Reviews\n\n★★★★★ "' + "pain " * (n // 5) + '." — Jo\n',
    # round 19: the service's offer of help, a "may help to:" lead-in, the plain
    # "causes", "treats ... as", the goal of care, a hedged cause under Causes, lead-in
    # items written as sentences (bounded runs)
    "if clause, we can help": lambda n: "# T\n\nIf" + " x" * (n // 2) + ", we can help.\n",
    "our words, can help": lambda n: "# T\n\nOur" + " x" * (n // 2) + " team can help.\n",
    "may help to, spaces": lambda n: "# T\n\nIt may help to" + " " * n + ":\n\n- rest\n",
    "causes, repeated": lambda n: "# T\n\n" + "x causes " * (n // 9) + "y.\n",
    "treats as, words": lambda n: "# T\n\n" + "treats x x x " * (n // 13) + "as.\n",
    "goal of, words": lambda n: "# T\n\nThe goal of" + " x" * (n // 2) + " is to.\n",
    "hedged causes, repeated": lambda n: "# T\n\n## Causes\n\n" + "x can " * (n // 6) + "make it worse.\n",
    "lead-in items, quotes": lambda n: "# T\n\nMassage helps with:\n\n"
                                       + "- back pain\'\'\'.\n" * (n // 16),
    # round 20: recovery time, transmission, harms after treatment, experts who trust,
    # a complication rate, the goals of care, fabric care (bounded runs)
    "recovery from, words": lambda n: "# T\n\nRecovery from" + " x" * (n // 2) + " takes 6 weeks.\n",
    "weeks before, words": lambda n: "# T\n\nIt may be 2 weeks before" + " x" * (n // 2) + " normal.\n",
    "you catch, words": lambda n: "# T\n\nYou can catch" + " x" * (n // 2) + " from sharing.\n",
    "affects half, people": lambda n: "# T\n\nIt affects half of" + " people" * (n // 7) + " x.\n",
    "develops, words": lambda n: "# T\n\nSome develop" + " x" * (n // 2) + " after surgery.\n",
    "long word, trust": lambda n: "# T\n\n" + "a" * n + " trust it.\n",
    "goals of, words": lambda n: "# T\n\nThe goals of treatment are to" + " x" * (n // 2) + ".\n",
    "fabrics, words": lambda n: "# T\n\nIt won't damage fabrics" + " x" * (n // 2) + ".\n",
    "risk of, long word": lambda n: "# T\n\nThere is a small risk of " + "a" * n + "ing.\n",
    # round 20 mends (review 20): the goal run stopping at 'and' or 'so that', a care
    # sentence with its whole-sentence scan, an outcome then its service lookahead, a
    # 'get' with its illness object, the outcome patterns, 'make you', 'affect how',
    # 'still have ... later'
    "focus on, and x": lambda n: "# T\n\nTreatment focuses on" + " x and y" * (n // 8) + ".\n",
    "goals of, so that": lambda n: "# T\n\nThe goals of care are to" + " so that x" * (n // 10) + ".\n",
    "machine washable, words": lambda n: "# T\n\nMachine washable" + " x." * (n // 3) + "\n",
    "zero, repeated": lambda n: "# T\n\n" + "zero x problems " * (n // 16) + ".\n",
    "had no, repeated": lambda n: "# T\n\n" + "had no x problems at all " * (n // 25) + ".\n",
    "you get, words": lambda n: "# T\n\nYou can get" + " x" * (n // 2) + " virus from sharing.\n",
    "make you, repeated": lambda n: "# T\n\n" + "can make the x " * (n // 15) + "dizzy.\n",
    "affect how, repeated": lambda n: "# T\n\n" + "can affect how your x " * (n // 22) + "sleep.\n",
    "still have, words": lambda n: "# T\n\nI still have" + " x" * (n // 2) + " a week later.\n",
    "takes, words": lambda n: "# T\n\nRecovery takes about" + " x" * (n // 2) + " weeks.\n",
    # round 21b: an exclusion in a later clause, the clauses before it judged alone
    # (the last clause end before the exclusion; the head classified once per depth)
    "clause ends, exclusion": lambda n: "# T\n\nRest helps" + ", but x" * (n // 7)
                                        + ", so we'll help you plan.\n",
    "semicolons, exclusion": lambda n: "# T\n\n" + "it cures warts; " * (n // 16)
                                       + "call 999.\n",
    "dashes, no exclusion": lambda n: "# T\n\nRest helps" + " - x" * (n // 4) + ".\n",
    "comma but, spaces": lambda n: "# T\n\nRest helps," + " " * n + "but call us.\n",
    "gerund items, long words": lambda n: "# T\n\nThese help everyone:\n\n"
                                          + ("- " + "a" * 30 + "ing x\n") * (n // 40),
    "gerund items, punctuation": lambda n: "# T\n\nThese help everyone:\n\n"
                                           + "- ((((((((eating x\n" * (n // 20),
    "review, starred names": lambda n: '# T\n\n"x" \u2013 ' + "*A " * (n // 3) + "\n",
    "quoted, underscores": lambda n: '# T\n\n"' + "x_" * (n // 2) + '" \u2014 _Jo_ x\n',
    "signed lines, long": lambda n: "# T\n\n" + ('"' + "x_* " * 140 + '" \u2013 *A' + "\n\n")
                                    * (n // 570),
    "attribution, stars": lambda n: "# T\n\n> Better. \u2013 " + "**A" * (n // 3) + ".\n",
    "to reduce, words": lambda n: "# T\n\n" + "Raise it, to reduce x " * (n // 22) + "swelling.\n",
    "to help, spaces": lambda n: "# T\n\nRaise it," + " " * n + "to help reduce the x swelling.\n",
    "rarely see, words": lambda n: "# T\n\n" + "rarely see the x " * (n // 17) + "again.\n",
    # twelfth session: evidence-section prose, taking part, and the new vague wording
    "evidence section, prose": lambda n: "# T\n\n## The evidence\n\n"
                                         + "Studies show it helps. " * (n // 23) + "\n",
    "take part, repeated": lambda n: "# T\n\n" + "take part in a trial and " * (n // 25)
                                     + "found it.\n",
    "surveys put, words": lambda n: "# T\n\nSome surveys put" + " x" * (n // 2) + " at 20%.\n",
    "backed by, words": lambda n: "# T\n\nIt is backed by" + " decades of" * (n // 11)
                                  + " clinical experience.\n",
    # (an imperative word then a run of spaces was quadratic, ratio about 19 at
    # 820c966, 10 s at 40 kB: the reason-clause pattern's ",?\s+otherwise" tried every
    # space of the run; since the ninth session it starts only at the run's first one)
    "imperative word, spaces": lambda n: "# T\n\nRest" + " " * n + "x.\n",
    # (one alternative of a gated pattern matching often while another, past its gate,
    # never matched: 1.6 s at 40 kB, ratio 15-18, until the ninth session)
    "negated course, repeated": lambda n: "# T\n\n" + "does not usually heal x " * (n // 24) + ".\n",
    # (each unclosed list tag under References scanned up to 200,000 characters for its
    # close tag: 9.5 s at 112 kB, ratio 15, until the tenth session)
    "unclosed HTML lists": lambda n: "# T\n\n## References\n\n" + "<ul> x " * (n // 7) + "\n",
    "unclosed HTML lists, flat": lambda n: "# T\n\n**References**\n\n" + "<ol> x " * (n // 7) + "\n",
    # round 22: schedule verbs, a claim after an excluded first clause, ranking verdicts,
    # what most people do, first-person outcomes, -ing subjects
    "r22 session includes, words": lambda n: "# T\n\nThe session includes a" + " lymph" * (n // 6)
                                             + " reset.\n",
    "r22 sessions last, words": lambda n: "# T\n\nSessions last" + " x" * (n // 2) + " hours.\n",
    "r22 first clause, semicolons": lambda n: "# T\n\nBook a consultation" + "; x" * (n // 3)
                                              + "; it eases pain.\n",
    "r22 first clause, repeated": lambda n: "# T\n\n" + "Book a consultation, but " * (n // 25)
                                            + "it eases pain.\n",
    "r22 is the best, words": lambda n: "# T\n\nIt is the best" + " x" * (n // 2) + " treatment.\n",
    "r22 is the most, repeated": lambda n: "# T\n\n" + "is the most " * (n // 12) + "x.\n",
    "r22 most people, words": lambda n: "# T\n\nMost people" + " x" * (n // 2) + " within.\n",
    "r22 most people, repeated": lambda n: "# T\n\n" + "most people " * (n // 12) + "x.\n",
    "r22 most people, within": lambda n: "# T\n\nMost people" + " within x" * (n // 9) + ".\n",
    "r22 my, much": lambda n: "# T\n\nMy pain is" + " much" * (n // 5) + " x.\n",
    "r22 my, words": lambda n: "# T\n\nMy" + " x" * (n // 2) + " is better.\n",
    "r22 good option, words": lambda n: "# T\n\nIt is a good" + " x-y" * (n // 4) + " option.\n",
    "r22 ing subject, words": lambda n: "# T\n\nResting" + " the x" * (n // 6) + " helps.\n",
    "r22 ing subject, commas": lambda n: "# T\n\nResting" + " x," * (n // 3) + " can cause.\n",
    # review 22 mends: schedule verbs before a number, a duration after "last", "most
    # people" with onset words, body-part subjects, -ing nouns, option subjects, ways to
    # book, service help, evidence subjects with a figure
    "m22 ends, words": lambda n: "# T\n\nInjections end" + " a" * (n // 2) + " 5.\n",
    "m22 last, durations": lambda n: "# T\n\nSessions last" + " a whole" * (n // 8) + " x.\n",
    "m22 most people, onset": lambda n: "# T\n\nMost people" + " develop x" * (n // 10)
                                        + " within.\n",
    "m22 most people, good": lambda n: "# T\n\nMost people are" + " good," * (n // 6) + " x.\n",
    "m22 my, parts": lambda n: "# T\n\nMy" + " skin" * (n // 5) + " x.\n",
    "m22 ing subject, gives you": lambda n: "# T\n\nResting" + " gives you" * (n // 10) + ".\n",
    "m22 good option, subjects": lambda n: "# T\n\n" + "Paying x " * (n // 9)
                                           + "is a good option.\n",
    "m22 way to, words": lambda n: "# T\n\nIt is the" + " x" * (n // 2) + " way to book.\n",
    "m22 help with, repeated": lambda n: "# T\n\n" + "help you with " * (n // 14) + "x.\n",
    "m22 my things, words": lambda n: "# T\n\nMy" + " x" * (n // 2) + " commute is longer.\n",
    "m22 studies show, figures": lambda n: "# T\n\nStudies show " + "1 in 7, " * (n // 8)
                                           + "x.\n",
    # thirteenth session: a figure reported on unnamed evidence; surveys; evidence prose
    "s13 figures, digits": lambda n: "# T\n\nStudies suggest " + "1.1 " * (n // 4) + "x.\n",
    "s13 figures, in": lambda n: "# T\n\nStudies suggest " + "1 in " * (n // 5) + "x.\n",
    "s13 surveys suggest, repeated": lambda n: "# T\n\n" + "many surveys " * (n // 13) + "x.\n",
    "s13 evidence prose, doi": lambda n: "# T\n\n## The evidence\n\n" + "See doi " * (n // 8)
                                         + "doi:10.1000/x1.\n",
    # round 23: ticked benefits; took the edge off; a named cause; a chance and survival
    # in figures; works just as well
    "r23 tick, er words": lambda n: "# T\n\n- \u2713 " + "softer, " * (n // 8) + "x\n",
    "r23 tick, s words": lambda n: "# T\n\n- \u2713 " + "fills " * (n // 6) + "7\n",
    "r23 tick, many ticks": lambda n: "# T\n\n- " + "\u2713 " * (n // 2) + "x\n",
    "r23 took the edge, words": lambda n: "# T\n\nIt took the edge off the" + " x" * (n // 2)
                                          + ".\n",
    "r23 common cause, repeated": lambda n: "# T\n\n" + "the most common cause " * (n // 22)
                                            + "x.\n",
    "r23 chance, figures": lambda n: "# T\n\nEach child has a " + "1 in 4 " * (n // 7)
                                     + "chance of x.\n",
    "r23 survival, figures": lambda n: "# T\n\n" + "1 in 4 of x " * (n // 12) + "live.\n",
    "r23 survival, half": lambda n: "# T\n\nAbout half of" + " x" * (n // 2) + " die.\n",
    "r23 keeps, words": lambda n: "# T\n\nIt keeps" + " x" * (n // 2) + " smooth.\n",
    "r23 keeps, repeated": lambda n: "# T\n\n" + "it keeps the " * (n // 13) + "x.\n",
    "r23 as well, repeated": lambda n: "# T\n\nIt works" + " just as well" * (n // 13)
                                       + " x.\n",
    # review 23 mends: the narrowed families and the fallback checks (a negating subject,
    # an open question, a group's deaths, a treatment's deaths)
    "m23 tick, less words": lambda n: "# T\n\n- \u2713 " + "less " * (n // 5) + "x\n",
    "m23 tick, ly words": lambda n: "# T\n\n- \u2713 " + "gently " * (n // 7) + "x\n",
    "m23 survival, who": lambda n: "# T\n\n1 in 4 people who" + " x" * (n // 2) + " die.\n",
    "m23 survival, groups": lambda n: "# T\n\n" + "half of people with x " * (n // 22)
                                      + "died of x.\n",
    "m23 op deaths": lambda n: "# T\n\n" + "1 in 9 people who have the operation " * (n // 37)
                               + "live.\n",
    "m23 no subject": lambda n: "# T\n\nNo" + " x" * (n // 2) + " keeps the skin smooth.\n",
    "m23 whether": lambda n: "# T\n\n" + "whether " * (n // 8) + "it keeps the skin smooth.\n",
    "m23 keeps body": lambda n: "# T\n\n" + "it keeps your skin " * (n // 19) + "x.\n",
    "m23 takes away": lambda n: "# T\n\n" + "it takes away the " * (n // 18) + "x.\n",
    "m23 later default": lambda n: "# T\n\n## Complications\n\nCall us, but " + "x " * (n // 2)
                                   + "1 in 4 people who get it die.\n",
    # round 23b: an adverb opening before a gerund or a verb in -s; a verdict from
    # experience; a labelled Causes item's hedged cause
    "r23b gently, words": lambda n: "# T\n\nGently " + "soothings " * (n // 10) + "x.\n",
    "r23b gently, repeated": lambda n: "# T\n\n" + "- \u2713 Gently calms x\n" * (n // 20),
    "r23b always, long": lambda n: "# T\n\nAlways " + "s" * n + "ing can help.\n",
    "r23b experience, repeated": lambda n: "# T\n\n" + "But in my experience x. " * (n // 24),
    "r23b experience, long": lambda n: "# T\n\nBut, in our own clinical experience"
                                       + " x" * (n // 2) + ".\n",
    "r23b factor cause, items": lambda n: "# T\n\n## Causes\n\nCommon causes include:\n\n"
                                          + "- **X.** X can also lead to y damage.\n" * (n // 40),
    "r23b factor cause, long": lambda n: "# T\n\n## Causes\n\nCommon causes include:\n\n"
                                         + "- **X.** X can cause" + " y" * (n // 2) + ".\n",
    # fifteenth session: the service-news exclusions (results ready, staff in an audit, a
    # booking system compared, the options named)
    "s15 results, long": lambda n: "# T\n\nYour test" + " results" * (n // 8) + " are ready.\n",
    "s15 staff audit, long": lambda n: "# T\n\nOur staff" + " x" * (n // 2)
                                       + " did well in the audit.\n",
    "s15 staff audit, repeated": lambda n: "# T\n\n" + "Staff did well in " * (n // 18) + "x.\n",
    "s15 booking, repeated": lambda n: "# T\n\nOur " + "online booking " * (n // 15)
                                       + "system is more reliable.\n",
    "s15 options, long": lambda n: "# T\n\nThe main options are" + " x," * (n // 3)
                                   + " and y.\n",
    # residue 15: a checklist 'Stops eating ... before'; fluid pushed back; a wound kept
    # moist; a chance that a child will be affected
    "r15 stops, long": lambda n: "# T\n\nStops eating" + " x" * (n // 2) + ".\n",
    "r15 stops, repeated": lambda n: "# T\n\n" + "- \u2713 Stops eating x before\n" * (n // 30),
    "r15 push back": lambda n: "# T\n\n" + "pushes the excess " * (n // 18) + "fluid x.\n",
    "r15 wound moist": lambda n: "# T\n\n" + "it keeps the wound " * (n // 19) + "x.\n",
    "r15 chance that": lambda n: "# T\n\nThere is a 1 in 4 chance that"
                                 + " each" * (n // 5) + " x.\n",
    "r15 chance, repeated": lambda n: "# T\n\n" + "is a 50% chance that a b c " * (n // 27)
                                      + ".\n",
    # round 24: a long named cause before 'can cause'; whether it passes on; a course that
    # ends 'on its own'
    "r24 long cause, words": lambda n: "# T\n\n" + "Infection, " * (n // 11) + "can also cause x.\n",
    "r24 long cause, no verb": lambda n: "# T\n\nStress " + "and poor sleep " * (n // 15)
                                         + "can both.\n",
    "r24 long cause, repeated": lambda n: "# T\n\n" + "A b c d e f g h i j k l can all cause x. "
                                          * (n // 41),
    "r24 passes on, repeated": lambda n: "# T\n\n" + "It does not usually spread to " * (n // 30)
                                         + "x.\n",
    "r24 not inherited, repeated": lambda n: "# T\n\n" + "is not usually " * (n // 15)
                                             + "inherited.\n",
    "r24 on its own, words": lambda n: "# T\n\nIt will not heal" + " x" * (n // 2)
                                       + " on its own.\n",
    "r24 on its own, repeated": lambda n: "# T\n\n" + "do not usually fade a b on " * (n // 27)
                                          + "its own.\n",
    # round 24: how long people live; a harm called rare
    "r24 live, repeated": lambda n: "# T\n\n" + "people live for many live into their " * (n // 37)
                                    + "x.\n",
    "r24 expectancy, repeated": lambda n: "# T\n\n" + "life expectancy has now " * (n // 24) + "x.\n",
    "r24 rare, repeated": lambda n: "# T\n\n" + "serious reactions to a b c d " * (n // 29)
                                    + "x rare.\n",
    "r24 rare, long": lambda n: "# T\n\nSerious complications" + " x" * (n // 2)
                                + " are very rare.\n",
    "r24 rarely, repeated": lambda n: "# T\n\n" + "It rarely leads to " * (n // 19) + "x.\n",
    # round 24: what seals a defect; remission
    "r24 seals, repeated": lambda n: "# T\n\n" + "it seals the a b seals them in " * (n // 31)
                                     + "x.\n",
    "r24 remission, repeated": lambda n: "# T\n\n" + "puts a b c into puts in " * (n // 24)
                                         + "x remission.\n",
    "r24 remission, words": lambda n: "# T\n\nIt keeps" + " x" * (n // 2) + " in remission.\n",
    # review 24 mends: the service look-aheads of (a), (e) and (g), the negations of (b)
    # and (c), and the exclusions for doors, 'Leave X to', products and what seals
    "m24 shared hold-up, repeated": lambda n: "# T\n\n" + "A b can both cause the a b c " * (n // 29)
                                              + "x.\n",
    "m24 rare service, repeated": lambda n: "# T\n\n" + "serious problems with the a b " * (n // 30)
                                            + "are rare.\n",
    "m24 rarely hold-up, repeated": lambda n: "# T\n\n" + "It rarely causes long a " * (n // 24)
                                              + "x.\n",
    "m24 spreads, repeated": lambda n: "# T\n\n" + "never spreads from one person to " * (n // 33)
                                       + "x.\n",
    "m24 won't fade, repeated": lambda n: "# T\n\n" + "won\u2019t fade a b c on " * (n // 24)
                                          + "x.\n",
    "m24 gate on its own, repeated": lambda n: "# T\n\n" + "the gate closes a b c " * (n // 22)
                                               + "on x.\n",
    "m24 leave to, repeated": lambda n: "# T\n\n" + "Leave a b c to soften " * (n // 22)
                                        + "x.\n",
    "m24 product life, words": lambda n: "# T\n\nOur boilers" + " x" * (n // 2)
                                         + " live for many years.\n",
    "m24 lid seals, repeated": lambda n: "# T\n\n" + "the lid a b seals the leak in " * (n // 30)
                                         + "x.\n",
    "m24 remission people, repeated": lambda n: "# T\n\n" + "puts a people in remission " * (n // 27)
                                                + "x.\n",
    "m24 any not, repeated": lambda n: "# T\n\n" + "a not b isn\u2019t heal x on " * (n // 27)
                                       + "its.\n",
    "m24 publish rates, repeated": lambda n: "# T\n\n" + "we publish our remission rates " * (n // 31)
                                             + "x.\n",
    # round 25: an after-effect that lasts days or weeks; a course over time or with age
    "r25 after-effect, repeated": lambda n: "# T\n\n" + "may be red and sore for a " * (n // 26)
                                            + "x.\n",
    "r25 after-effect, harms": lambda n: "# T\n\nYou may have" + " sore" * (n // 5)
                                         + " feet.\n",
    "r25 after-effect, verbs": lambda n: "# T\n\n" + "is have be feel " * (n // 16)
                                         + "for a few days.\n",
    "r25 course, repeated": lambda n: "# T\n\n" + "tends to fade and darken in " * (n // 28)
                                      + "x.\n",
    "r25 course, gets": lambda n: "# T\n\n" + "gets slowly worse gradually " * (n // 28)
                                  + "x.\n",
    "r25 treatment cause, repeated": lambda n: "# T\n\n" + "creams, a b c d e f g, can " * (n // 27)
                                               + "x.\n",
    "r25 treatment cause, long": lambda n: "# T\n\nSome creams" + " x" * (n // 2)
                                           + " can cause it.\n",
    "r25 painless, repeated": lambda n: "# T\n\n" + "it is a, b, c, d, e, f and " * (n // 27)
                                        + "painless.\n",
    "r25 pressure, repeated": lambda n: "# T\n\n" + "feel pressure and some x, but " * (n // 30)
                                        + "pain.\n",
    # round 26: a ticked verb in -s; a visit's length; a first-person setup
    "r26 tick verb, words": lambda n: "# T\n\n- \u2713 Mends" + " mends" * (n // 6) + "\n",
    "r26 tick verb, ticks": lambda n: "# T\n\n- " + "\u2713 " * (n // 2) + "Mends x\n",
    "r26 length, words": lambda n: "# T\n\nYour first appointment" + " x" * (n // 2)
                                   + " lasts 45 minutes.\n",
    "r26 length, repeated": lambda n: "# T\n\n" + "each session a b lasts about " * (n // 29)
                                      + "x.\n",
    "r26 setup, prefix": lambda n: "# T\n\n" + "a b c " * (n // 6) + "I couldn't walk.\n",
    "r26 setup, repeated": lambda n: "# T\n\n" + "I couldn't I noticed " * (n // 21) + "x.\n",
    "r26 report lead, repeated": lambda n: "# T\n\n" + "with a b, our patients typically " * (n // 34)
                                           + "report:\n\n- x\n",
    "r26 report lead, words": lambda n: "# T\n\nOur patients" + " usually" * (n // 8)
                                        + " notice:\n\n- x\n",
    "r26 helper, repeated": lambda n: "# T\n\n" + "a b c d e f g h, your GP " * (n // 25)
                                      + "can help x.\n",
    "r26 helper, words": lambda n: "# T\n\nYour" + " GP or" * (n // 6) + " nurse can help.\n",
    # round 27: "That is why we ..."; glued signature and heading lines; table header cells
    "r27 why, repeated": lambda n: "# T\n\n" + "that is why we " * (n // 15) + "x.\n",
    "r27 why, words": lambda n: "# T\n\nThat is why we" + " x" * (n // 2) + " to help.\n",
    "r27 glued, lines": lambda n: "# T\n\n" + "Ab cd\n" * (n // 6) + "Xy.\n",
    "r27 glued, long line": lambda n: "# T\n\n" + "Ab" + " cd" * (n // 3) + "\nXy.\n",
    "r27 named plan, repeated": lambda n: "# T\n\n## Reviews\n\n\"" + "after two weeks with x " * (n // 23)
                                          + "I.\"\n",
    "r27 named plan, words": lambda n: "# T\n\n## Reviews\n\n\"Eight weeks after starting " + "x" * n
                                       + "'s plan it.\"\n",
    "r27 not had, repeated": lambda n: "# T\n\n" + "I haven't had a x " * (n // 18) + "since x.\n",
    "r27 not had, words": lambda n: "# T\n\nI haven't had a" + " x" * (n // 2) + " since x.\n",
    "r28 lasts, repeated": lambda n: "# T\n\n" + "it can last for a few " * (n // 22) + "x.\n",
    "r28 lasts, words": lambda n: "# T\n\nThe" + " x" * (n // 2) + " can last for months.\n",
    "r28 common for, repeated": lambda n: "# T\n\n" + "are common for a " * (n // 17) + "x.\n",
    "r28 temporary, repeated": lambda n: "# T\n\n" + "it is usually " * (n // 14) + "temporary x.\n",
    "r29 treated count, repeated": lambda n: "# T\n\n" + "we have treated over 5,000 x " * (n // 29) + "x.\n",
    "r29 surgeon verb, repeated": lambda n: "# T\n\nThe surgeon " + "gently x " * (n // 9) + "x.\n",
    "r29 surgeon nouns, repeated": lambda n: "# T\n\nThe " + "surgeon " * (n // 8) + "opens x.\n",
    "r29 most important, repeated": lambda n: "# T\n\nThe most important step is to " + "x " * (n // 2) + "x.\n",
    "r29 most important, lines": lambda n: "# T\n\n" + "the most important step is to x\n" * (n // 31) + "x.\n",
    "r29 healed, words": lambda n: "# T\n\n" + "x, " * (n // 3) + "once it has healed.\n",
    "r29 healed, repeated": lambda n: "# T\n\n" + "once the x has healed " * (n // 22) + "x.\n",
    "r29 healed, modals": lambda n: "# T\n\n" + "x can " * (n // 6) + "be done once it heals.\n",
    "r29 treated count, words": lambda n: "# T\n\nwe have treated over 5,000" + " x" * (n // 2) + " since 2012 and we.\n",
    "r30 ticked lines": lambda n: "# T\n\n" + "- \u2713 Softens x\n" * (n // 13) + "x.\n",
    "r30 ticks, one line": lambda n: "# T\n\n- " + "\u2713 " * (n // 2) + "Softens x.\n",
    "r30 symptoms span, words": lambda n: "# T\n\n## Symptoms\n\nIt usually gets better " + "within x " * (n // 9) + "x.\n",
    "r30 symptoms span, repeated": lambda n: "# T\n\n## Symptoms\n\n" + "It usually passes in a few x days. " * (n // 35) + "x\n",
    "r30 reversible, words": lambda n: "# T\n\n" + "x " * (n // 2) + "is completely reversible.\n",
    "r30 reversible, repeated": lambda n: "# T\n\n" + "it is x, " * (n // 9) + "x.\n",
    "r30 most can be prevented": lambda n: "# T\n\n" + "most x can " * (n // 11) + "be prevented.\n",
    "r30 bare share, digits": lambda n: "# T\n\n| a |\n|---|\n| " + "1" * n + "% x |\n",
    "r30 bare share, words": lambda n: "# T\n\n- 10% of " + "x " * (n // 2) + "over 6 months y\n",
    "r31 purpose lead-in, words": lambda n: "# T\n\nTo lower " + "x, " * (n // 3) + "y:\n\n- z\n",
    "r31 purpose lead-ins, repeated": lambda n: "# T\n\n" + "To lower the risk: " * (n // 19) + "x\n",
    "r31 used to, words": lambda n: "# T\n\n" + "my x " * (n // 5) + "used to ache.\n",
    "r31 used to, repeated": lambda n: "# T\n\n" + "\u2014 I used to x " * (n // 15) + "now.\n",
    "r31 study design, words": lambda n: "# T\n\nA large " + "x " * (n // 2) + "study followed y.\n",
    "r31 study design, repeated": lambda n: "# T\n\n" + "Two trials in the x " * (n // 20) + "tested this.\n",
    "r31 emergency condition, commas": lambda n: "# T\n\nIf " + "x, " * (n // 3) + "call 999.\n",
    "r31 emergency conditions, repeated": lambda n: "# T\n\n" + "If x stops bleeding, y. " * (n // 24) + "call 999.\n",
    "r31 review headline, long": lambda n: "# T\n\n\u2605\u2605\u2605\u2605\u2605 " + "x " * (n // 2) + "\u2014 y\n",
    "r31 review headlines, repeated": lambda n: "# T\n\n" + "\u2605\u2605\u2605\u2605\u2605 Works \u2014 *V*\nI had x. " * (n // 27) + "\n",
    "r32 pointer tail, open brackets": lambda n: "# T\n\n## Overview\n\nPilates eases pain " + "(see x " * (n // 7) + ").\n",
    "r32 pointer tail, links": lambda n: "# T\n\n## Overview\n\nPilates eases pain " + "([a](b " * (n // 7) + ")).\n",
    "r32 pointer tails, repeated": lambda n: "# T\n\n## Overview\n\n" + "Pilates eases pain (see our page) " * (n // 34) + "x.\n",
    "r32 negated reason, words": lambda n: "# T\n\n- do not " + "x " * (n // 2) + "\u2013 it y\n",
    "r32 negated reason, dashes": lambda n: "# T\n\n- do not x " + "\u2013 x " * (n // 4) + "\n",
    "r32 ticked comparative, words": lambda n: "# T\n\n- \u2713 " + "x " * (n // 2) + "\n",
    "r32 ticked comparatives, repeated": lambda n: "# T\n\n- \u2713 " + "over " * (n // 5) + "\n",
    "r32 state now, words": lambda n: "# T\n\n> \"I " + "x " * (n // 2) + "now.\"\n",
    "r32 state now, repeated": lambda n: "# T\n\n> \"" + "we x now " * (n // 9) + "y.\"\n",
    "r32 no longer, words": lambda n: "# T\n\n> \"I no longer " + "x " * (n // 2) + "y.\"\n",
    "r32 any more, repeated": lambda n: "# T\n\n> \"" + "x any more " * (n // 11) + "y\"\n",
    "s19 records, repeated": lambda n: "# T\n\n" + "our own client records " * (n // 23) + "x.\n",
    "s19 independent, repeated": lambda n: "# T\n\n" + "independent lab testing " * (n // 24) + "x.\n",
    "s19 warn, words": lambda n: "# T\n\nMany" + " x" * (n // 2) + " experts warn.\n",
    # fix20b: whether an urgent-care action is advice (checks/safety.advice_matches)
    "f20b advice, A&E repeated": lambda n: "# T\n\n" + "A&E " * (n // 4) + "x.\n",
    "f20b advice, call or": lambda n: "# T\n\n" + "call 999 or " * (n // 12) + "x.\n",
    "f20b advice, words before": lambda n: "# T\n\nMany" + " x" * (n // 2) + " go to A&E.\n",
    "f20b advice, commas": lambda n: "# T\n\n" + "x, " * (n // 3) + "A&E x, A&E.\n",
    "f20b advice, not spaces": lambda n: "# T\n\nnot" + " " * n + "call 999. not need to A&E\n",
    "f20b advice, asides": lambda n: "# T\n\n" + "(x (y " * (n // 6) + "call 999.\n",
    "f20b advice, modals": lambda n: "# T\n\nyou" + " may" * (n // 4) + " call 999 A&E.\n",
    "f20b numbers before 112": lambda n: "# T\n\n" + "call 12, 34 or 56/ " * (n // 19) + "x.\n",
    "f20b call for, repeated": lambda n: "# T\n\n" + "call for an call 12 for " * (n // 24) + "x.\n",
    "f20b go to an, repeated": lambda n: "# T\n\n" + "go to an urgent care " * (n // 21) + "x.\n",
    "f20b never again, words": lambda n: "# T\n\nnever suffer" + " x" * (n // 2) + " again. Results vary.\n",
    "f20b never suffer, repeated": lambda n: "# T\n\n" + "never suffer x " * (n // 15) + "x. Results vary.\n",
    "f20b free for, repeated": lambda n: "# T\n\n" + "pain-free for the rest of " * (n // 26) + "x. Results vary.\n",
    "f20b promise, repeated": lambda n: "# T\n\n" + "we promise that your x " * (n // 23) + "x. Results vary.\n",
    "f20b condition, commas": lambda n: "# T\n\nif" + " x" * (n // 2) + " won't come back. Results vary.\n",
    # fix21b: the widened CL410/CL411 families
    "f21b natural, repeated": lambda n: "# T\n\n" + "herbal, with so " * (n // 16) + "x.\n",
    "f21b natural, words": lambda n: "# T\n\nherbal" + " x" * (n // 2) + ", so no side effects.\n",
    "f21b bother, repeated": lambda n: "# T\n\n" + "don't bother with the " * (n // 22) + "x.\n",
    "f21b skip the, repeated": lambda n: "# T\n\n" + "skip the gp queue " * (n // 18) + "x.\n",
    "f21b no longer, words": lambda n: "# T\n\nno longer need their" + " x" * (n // 2) + " tablets.\n",
    # fix21e: the look-alikes' exceptions (review s21 D11)
    "f21e not free, repeated": lambda n: "# T\n\nherbal, so " + "not x " * (n // 6) + "no side effects.\n",
    "f21e were reported, rep": lambda n: "# T\n\nherbal, so " + "were x " * (n // 7) + "no risks.\n",
    "f21e has gone, repeated": lambda n: "# T\n\n" + "has x " * (n // 6) + "no longer need surgery.\n",
    # fix21d: CL301's doubt check, runs whose repair brings in a script (Greek, CJK)
    # the gaps between them do not show (was quadratic: 134 s at 100,000 characters)
    "f21d mojibake, new script": lambda n: "# T\n\n" + "\u00ce\u00b1\u00ce\u00b2\u00ce\u00b3 ok " * (n // 9) + "\n",
    "f21d mojibake, CJK": lambda n: "# T\n\n" + "\u00e6\u2014\u00a5\u00e6\u0153\u00ac x " * (n // 9) + "\n",
    # fix21d: runs of one sentence taken through two code pages, settled on one
    "f21d mojibake, two pages": lambda n: "# T\n\n" + "m\u0102\u00b4\u0139\u017ee\u0139\u0104 pr\u0102\u00ads\u0139\u013d " * (n // 16) + "\n",
    # fix21f (review s21b E1): a page mixing code pages, Greek read as Windows-1252 next
    # to Slovak read as ISO-8859-2 in every sentence: the doubt message's page list was
    # rebuilt over the whole page's mixed runs for each run (21.5 s at 100,000 chars)
    "f21f mojibake, mixed pages": lambda n: "# T\n\n" + ("\u00ce\u00b1\u00ce\u00b2\u00ce\u00b3 m\u0102\u00b4\u0139\u017ee\u0139\u0104. " * (n // 17 + 1))[:n] + "\n",
    "r27 header cells": lambda n: "# T\n\n|" + " Success rate |" * (n // 15) + "\n|"
                                  + "---|" * (n // 15) + "\n| x |\n",
    # r32b: round 32's families, their service look-alikes left alone (review s21b E5)
    "r32b negated reason, places": lambda n: "# T\n\n- do not x " + "\u2013 it can be very " * (n // 19) + "\n",
    "r32b negated reason, we": lambda n: "# T\n\n- do not x " + "\u2013 we x " * (n // 7) + "can y\n",
    "r32b state now, service": lambda n: "# T\n\n> \"" + "we now on our x " * (n // 16) + "y.\"\n",
    "r32b no longer, subjects": lambda n: "# T\n\n> \"" + "parking is " * (n // 11) + "no longer a problem.\"\n",
    "r32b no longer, have to": lambda n: "# T\n\n> \"" + "I no longer have to " * (n // 20) + "y.\"\n",
    # r34: round 34's precision families (docs/round34.md): the record of people
    # accompanied and its result lookahead, the plain-verb instruction, the report lead-in
    "r34 record, words": lambda n: "# T\n\nWe have supported " + "x " * (n // 2) + "people now.\n",
    "r34 record, repeated": lambda n: "# T\n\n" + "we have supported people " * (n // 25) + "now.\n",
    "r34 record, staff": lambda n: "# T\n\n" + "our x y have guided " * (n // 20) + "people.\n",
    "r34 bare instruction, words": lambda n: "# T\n\nDip a " + "x " * (n // 2) + "and you y.\n",
    "r34 bare instruction, lines": lambda n: "# T\n\n" + "Dip the x.\n\n" * (n // 12),
    "r34 report lead, repeated": lambda n: "# T\n\n" + "x report that " * (n // 14) + "y:\n\n- z\n",
    "r34 report lead, colons": lambda n: "# T\n\n" + "we notice: : " * (n // 13) + "y\n",
    # r35: round 35's families (docs/round35.md): the lead-in naming a class (people who /
    # with, effects that include)
    "r35 member lead, people": lambda n: "# T\n\n" + "those who have with " * (n // 20) + "x:\n\n- y\n",
    "r35 member lead, helps": lambda n: "# T\n\n" + "helps people " * (n // 13) + "with:\n\n- y\n",
    "r35 member lead, effects": lambda n: "# T\n\n" + "side effects can include " * (n // 25) + "x: : :\n\n- y\n",
    "r35 study design, nouns": lambda n: "# T\n\n" + "the study trials evidence " * (n // 26) + "followed x.\n",
    "r35 study design, words": lambda n: "# T\n\nThe study " + "x " * (n // 2) + "was done in y.\n",
    "r35 study design, finding": lambda n: "# T\n\n" + "a trial was done, " * (n // 18) + "and found x.\n",
    "r35 outcome lead, words": lambda n: "# T\n\n" + "you can expect " * (n // 15) + "x, to:\n\n- ✓ y\n",
    "r35 outcome lead, items": lambda n: "# T\n\nYou can expect:\n\n" + "- ✓ x\n" * (n // 6),
    "r35 strap line, dots": lambda n: "# T\n\n" + "x · " * (n // 4) + "y\n",
    "r35 strap line, segment": lambda n: "# T\n\nx · " + "y " * (n // 2) + "· z\n",
    # r38: round 38's families (docs/round38.md): a group compared by frequency (its
    # quantifiers, its list of groups, the reason looked for after it), the seller's own study
    "r38 group compared, quantifiers": lambda n: "# T\n\nIt is " + "about two to three " * (n // 19) + "x more common in women.\n",
    "r38 group compared, groups": lambda n: "# T\n\nIt is more common in women" + ", and in men" * (n // 12) + " with x.\n",
    "r38 group compared, ages": lambda n: "# T\n\n" + "it is more common in women aged x " * (n // 34) + "because y.\n",
    "r38 group compared, subjects": lambda n: "# T\n\n" + "women are more likely than men to get " * (n // 38) + "x because y.\n",
    "r38 group compared, affects": lambda n: "# T\n\n" + "it affects women about twice as often as " * (n // 41) + "x.\n",
    "r38 own study, durations": lambda n: "# T\n\nIn our own " + "8-week " * (n // 7) + "study, x.\n",
    "r38 own study, possessive": lambda n: "# T\n\n" + "our team's our x's " * (n // 19) + "audit found x.\n",
    "r38 own research, words": lambda n: "# T\n\nOur research with " + "x " * (n // 2) + "found y.\n",
    # r39: round 39's family (docs/round39.md): a suitability statement (its subject words,
    # the reason looked for after it, the tail to the sentence end)
    "r39 suitability, subject words": lambda n: "# T\n\n" + "x y z " * (n // 6) + "is not suitable for children.\n",
    "r39 suitability, repeated": lambda n: "# T\n\n" + "it is not suitable for children " * (n // 32) + "because y.\n",
    "r39 suitability, tail": lambda n: "# T\n\nIt is not suitable for children" + " x" * (n // 2) + ", y.\n",
    "r39 mainstream medicine, words": lambda n: "# T\n\nConventional medicine " + "x " * (n // 2) + "y.\n",
    "r39 mainstream medicine, commas": lambda n: "# T\n\nConventional medicine " + "x, " * (n // 3) + "cures y.\n",
    # fix21g: the end-of-a-course exception, the product after a hospital stay, bare
    # nouns before a marker, four-digit markers, urged gerunds (review s21b E2-E11)
    "f21g course, repeated": lambda n: "# T\n\n" + "the infection has x need " * (n // 25) + "will never need antibiotics.\n",
    "f21g course, words": lambda n: "# T\n\nonce the infection has gone" + " x" * (n // 2) + " you will never need antibiotics.\n",
    "f21g hospital stay, rep": lambda n: "# T\n\n" + "avoid a hospital stay with x " * (n // 29) + "x.\n",
    "f21g option marker, rep": lambda n: "# T\n\n" + "an option [2] for x " * (n // 20) + "x.\n",
    "f21g four digits, rep": lambda n: "# T\n\n" + "x [1000-2000, 2024] " * (n // 20) + "x.\n",
    "f21g delay calling, rep": lambda n: "# T\n\n## When to get urgent help\n\n" + "you must not delay calling 999 " * (n // 31) + "x.\n",
    # fix22: "no side effects" before a noun or in a trial's report
    "f22 no side effects, rep": lambda n: "# T\n\n" + "no side effects no risk " * (n // 24) + "data.\n",
    "f22 side effects seen, rep": lambda n: "# T\n\n" + "no x side effects were x " * (n // 25) + "reported.\n",
    # fix22: "not wait for ... to call 999" urged as advice
    "f22 wait for, words": lambda n: "# T\n\nDo not wait for" + " x" * (n // 2) + " to call 999.\n",
    "f22 wait for, rep": lambda n: "# T\n\n" + "do not wait for a x " * (n // 20) + "to call 999.\n",
    # fix22: unclosed front matter, a key line after each heading weighed (the next line
    # read too), a long value read as a sentence or not
    "f22 unclosed fm, keys": lambda n: "---\ntitle: T\n" + "# c\nSeries: x y z.\nb: c\n" * (n // 24) + "x.\n",
    "f22 unclosed fm, value": lambda n: "---\ntitle: T\n# c\nnote: " + "x " * (n // 2) + "\n",
    # fix22: layers of one code page undone again, outer layers glued to lossy runs
    "f22 mojibake, mac roman x3": lambda n: "# T\n\n" + "t\u201a\u00c4\u00f6\u221a\u2020\u221a\u2202\u00ac\u00a8\u00ac\u00a9l " * (n // 14) + "\n",
    "f22 mojibake, lossy outer": lambda n: "# T\n\n" + "\u00c3\u00a2\u00e2\u20ac\ufffd x " * (n // 8) + "\n",
    "f22 wait for, carers": lambda n: "# T\n\n" + "parents should not wait for x " * (n // 30) + "to call 999.\n",
    # fix22b: denials of a guarantee (rules/risky-wording.yaml absolute unless,
    # rules/disclaimer.yaml negations and guarantees)
    "f22b none of, repeated": lambda n: "# T\n\n" + "none of these x nothing is " * (n // 27) + "guaranteed to work.\n",
    "f22b impossible, repeated": lambda n: "# T\n\n" + "guaranteed results are x " * (n // 25) + "impossible.\n",
    # r33: round 33's CL402 families (proven to, a group that agrees or warns, every
    # professional met, case reports, trusted by) and the claims they lend CL401
    "r33 proven to, repeated": lambda n: "# T\n\n" + "it is proven " * (n // 13) + "to x.\n",
    "r33 group, adverbs": lambda n: "# T\n\nDentists " + "now " * (n // 4) + "x.\n",
    "r33 group, repeated": lambda n: "# T\n\n" + "dentists have been " * (n // 19) + "x.\n",
    "r33 group, long word": lambda n: "# T\n\n" + "x" * n + "ists warn.\n",
    "r33 every professional": lambda n: "# T\n\n" + "every nurse I " * (n // 14) + "x.\n",
    "r33 case reports": lambda n: "# T\n\n" + "case reports have " * (n // 18) + "x.\n",
    "r33 trusted by": lambda n: "# T\n\n" + "trusted by 200 nhs " * (n // 19) + "x.\n",
    "r33 count then outcome": lambda n: "# T\n\n> \"" + "two injections and " * (n // 19) + "x.\"\n",
    "r33 most common, rep": lambda n: "# T\n\n## Complications\n\n" + "it is the most common " * (n // 22) + "x.\n",
    "r33 can all, commas": lambda n: "# T\n\n## Causes\n\n" + "x, y " * (n // 5) + "and z can all x.\n",
    "r33 can all, ands": lambda n: "# T\n\n## Causes\n\nx, " + "y and " * (n // 6) + "can all x.\n",
    # fix23: guidelines invoked as a place, by country, a body by kind ("task force")
    "f23 recommended in, words": lambda n: "# T\n\nIt is recommended in " + "national " * (n // 9) + "x.\n",
    "f23 recommended in, rep": lambda n: "# T\n\n" + "recommended in the 2019 x guidelines " * (n // 37) + "x.\n",
    "f23 guidance from, rep": lambda n: "# T\n\n" + "guidance from the united " * (n // 25) + "x.\n",
    "f23 task force, rep": lambda n: "# T\n\n" + "task force of x " * (n // 16) + "recommends.\n",
}


# fix22b (audit22 #1): a config's exclude and overrides globs against a long file name:
# (glob, name) at n; glob_to_regex's full match must stay linear in the name.
GLOB_ATTACKS = {
    "glob stars": lambda n: ("*a" * 14 + "*c", "a" * n + ".md"),
    "glob double stars": lambda n: ("**/a" + "**a" * 13 + "**c", "d/" + "a" * n + ".md"),
    "glob folders": lambda n: ("**/a/" * 14 + "c", "a/" * (n // 2) + "b.md"),
}


def timed_glob(glob: str, name: str) -> float:
    from conditionlint.config import glob_to_regex

    rx = glob_to_regex(glob)
    best = float("inf")
    for _ in range(3):
        t = time.perf_counter()
        rx.fullmatch(name)
        best = min(best, time.perf_counter() - t)
    return best


def timed(text: str) -> float:
    best = float("inf")
    for _ in range(3 if len(text) < 200_000 else 1):
        # the mojibake scan of a page is kept for the next rules (and so the next
        # run); each run must pay for it, or a slow scan hides behind the best of 3
        # (fix21d: the quadratic doubt check of CL301 showed as 0.1 s)
        _damage.cache_clear()
        t = time.perf_counter()
        lint_text(text, today=TODAY)
        best = min(best, time.perf_counter() - t)
    return best


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", type=int, default=10_000)
    ap.add_argument("--factor", type=int, default=4)
    ap.add_argument("--only", default=None)
    args = ap.parse_args()
    lint_text("# warm up\n", today=TODAY)
    print(f"{'attack':20} {'chars':>9} {'time':>9} {'chars x' + str(args.factor):>11} "
          f"{'time':>9} {'ratio':>6}")
    for name, make in ATTACKS.items():
        if args.only and args.only not in name:
            continue
        small, big = make(args.base), make(args.base * args.factor)
        ts, tb = timed(small), timed(big)
        print(f"{name:20} {len(small):9d} {ts:8.3f}s {len(big):11d} {tb:8.3f}s "
              f"{tb / max(ts, 1e-9):6.1f}")
    for name, make in GLOB_ATTACKS.items():
        if args.only and args.only not in name:
            continue
        (glob, small), (_, big) = make(args.base), make(args.base * args.factor)
        ts, tb = timed_glob(glob, small), timed_glob(glob, big)
        print(f"{name:20} {len(small):9d} {ts:8.3f}s {len(big):11d} {tb:8.3f}s "
              f"{tb / max(ts, 1e-9):6.1f}")


if __name__ == "__main__":
    main()
