"""CL9xx: findings about the run itself. The engine and runner produce them; these
declarations give them a code, a name, a default severity and documentation, so they
can be selected, ignored and re-severitied like any rule."""

from __future__ import annotations

from collections.abc import Iterator

from conditionlint.model import Problem
from conditionlint.registry import rule


@rule(code="CL901", name="internal-error", severity="error",
      summary="A rule or the parser failed on this file.")
def internal_error(doc, options) -> Iterator[Problem]:  # noqa: ANN001, ARG001
    """A rule (built-in or plugin) or the parser raised an exception on this file.

    The run goes on: the other rules still check the file and the other files are
    still checked. The message names the rule, the exception and where it was raised.

    ## Why

    One broken rule or plugin must not hide every other finding, nor print a
    traceback into a CI log. A CL901 makes the failure visible and the exit code
    non-zero, so it is reported to the rule's authors rather than ignored.

    ## Fix

    Report it, with the file, to the authors of the rule the message names. Until it
    is fixed you can ignore the rule that fails with `--ignore CODE`.
    """
    return iter(())


@rule(code="CL902", name="unused-suppression", severity="warning",
      summary="A suppression comment suppresses nothing.")
def unused_suppression(doc, options) -> Iterator[Problem]:  # noqa: ANN001, ARG001
    """A `conditionlint-disable...` comment that suppresses no finding.

    Reported for each rule named in the comment that ran and found nothing to
    suppress there (a comment without rule names: when it suppressed nothing at all),
    and for a `conditionlint-enable` comment that enables nothing: no `disable` of the
    rules it names is in force before it (a typo in the code, or a block already
    closed).

    It judges a comment by the rules that ran. A rule the comment names that did not
    run (left out by `--select`, `ignore`, `off` or an `overrides` entry) is not
    reported: whether it would have suppressed something is not known. A comment
    without rule names is judged by the rules that ran, whichever they are, so with
    `--select CL902` alone (or CL902 and a few rules) it is reported as suppressing
    nothing even where a rule left out would have had a finding for it to suppress:
    run CL902 with every rule (the default) for an answer that holds.

    ## Why

    Stale suppressions hide future problems: once the text they excused is fixed or
    moved, they silently excuse whatever comes next.

    ## Fails

    ```markdown
    # Migraine

    <!-- conditionlint-disable-next-line CL105 -- title is fine -->
    Migraine is a common headache disorder.
    ```

    ## Passes

    ```markdown
    # Migraine

    Migraine is a common headache disorder.
    ```

    ## Fix

    Delete the comment, or remove the rule codes that no longer apply.
    """
    return iter(())


@rule(code="CL903", name="unreadable-file", severity="error",
      summary="A file could not be read or is not text.")
def unreadable_file(doc, options) -> Iterator[Problem]:  # noqa: ANN001, ARG001
    """A file that could not be checked: permission denied, deleted while the run
    was going, a binary file (NUL bytes, an image header), larger than
    `max-file-size` (default 10 MiB), or a symbolic link that leads outside the
    checked folder or round in a loop (warnings, not followed).

    Part of a page can be unchecked too: text nested 100 levels deep or more (100
    blockquotes, `> > > ...`, or 50 lists; a blockquote is one level, a list two)
    is deeper than the Markdown parser reads, and the parser passes over it to the
    end of its container. The page's other text is checked; the lines passed over
    are one error each run, at the first of them ("line 92 is nested 100 levels
    deep or more ...: lines 92-97 were not checked"), whatever rules are selected.

    The other files are still checked.

    ## Why

    A page that cannot be read cannot be vouched for; CI must not pass silently.

    ## Fix

    Fix the file's permissions, remove the binary file from the content folder, split
    the page, raise `max-file-size`, nest the text less, or exclude the path in the
    config.
    """
    return iter(())


@rule(code="CL904", name="invalid-suppression", severity="error",
      summary="A suppression comment names an unknown rule or is never closed.")
def invalid_suppression(doc, options) -> Iterator[Problem]:  # noqa: ANN001, ARG001
    """A suppression comment that names a rule that does not exist, or a
    `<!-- conditionlint-...` comment that is never closed with `-->`.

    ## Why

    A typo in a rule code would otherwise suppress nothing without anyone noticing.

    ## Fails

    ```markdown
    # Migraine

    <!-- conditionlint-disable-next-line CL999 -->
    Migraine is a common headache disorder.
    ```

    ## Passes

    ```markdown
    # Migraine

    Migraine is a common headache disorder.
    ```

    ## Fix

    Correct the rule code or name (`conditionlint rules` lists them), or close the
    comment.
    """
    return iter(())
