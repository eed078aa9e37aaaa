"""Turn-taking over an exchange once the sure lines are known: untagged lines alternate
between two people, from the nearest sure line of the same parity."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from reader.model.characters import Cast
from reader.model.turns import Turn

ANCHORS = ("evidence", "addressed")


def refill(turns: list[Turn], trace: dict[int, str] | None, cast: Cast) -> None:
    """Re-decide guessed turns of each exchange from the nearest sure turn of the same
    parity, before it if there is one, else after: untagged lines alternate between two
    people."""
    for chain in _exchanges(turns):
        units = _units(chain)
        _answered(units, trace)
        anchors = [i for i, unit in enumerate(units) if unit[0].rule in ANCHORS]
        if not anchors:
            continue
        by_parity = ([j for j in anchors if j % 2 == 0], [j for j in anchors if j % 2 == 1])
        breaks = _break_counts(units, anchors)
        for i, unit in enumerate(units):
            head = unit[0]
            if head.rule in ANCHORS or head.rule in ("answered", "unknown"):
                continue
            parity = by_parity[i % 2]
            at = bisect_left(parity, i)
            near = parity[max(0, at - 3) : at + 3]  # the nearest sure turns either side
            # the nearest sure line before sets the turn, a later one only when none does:
            # reading goes forward, and a break in turn-taking is met before, not after
            same = sorted(near, key=lambda j: (_breaks(anchors, breaks, i, j), j > i, abs(i - j)))
            neighbours = {
                units[k][0].speaker
                for k in (i - 1, i + 1)
                if 0 <= k < len(units) and units[k][0].rule in ANCHORS
            }
            facing_ok = {
                units[k][0].speaker
                for k in (i - 1, i + 1)
                if 0 <= k < len(units) and units[k][0].rule in ANCHORS and units[k][0].opens
            }
            for j in same[:3]:
                who = units[j][-1].last
                if who is None or who in head.excluded or who in neighbours:
                    continue
                if head.gender and cast.gender(who) not in (None, head.gender) or who in head.unfit:
                    continue  # the tag said "she"
                _assign(unit, who, trace, "refill")
                head.rule = "refill"
                break
            else:
                if head.speaker is not None and head.speaker in facing_ok:
                    _other_side(units, i, neighbours, cast, trace)
                elif head.speaker is not None and not same:
                    facing = _facing(units, anchors, breaks, by_parity[1 - i % 2], i)
                    if head.speaker == facing:  # a sure speaker an odd number of turns off
                        _other_side(units, i, {facing}, cast, trace)


def _facing(
    units: list[list[Turn]], anchors: list[int], breaks: list[int], opposite: list[int], i: int
) -> str | None:
    """The speaker of the nearest sure turn an odd number of turns from ``i``, with
    turn-taking unbroken between them: the one unit ``i`` answers or is answered by."""
    near = sorted(opposite, key=lambda j: (abs(i - j), j > i))[:2]
    for j in near:
        if not _breaks(anchors, breaks, i, j):
            return units[j][-1].last if units[j][0].opens else None
    return None


def _other_side(
    units: list[list[Turn]], i: int, neighbours: set[str], cast: Cast, trace: dict[int, str] | None
) -> None:
    """A guess that repeats the sure speaker just before or after it breaks turn-taking:
    the line goes to the nearest other speaker of the exchange instead."""
    head = units[i][0]
    for step in range(1, len(units)):
        for k in (i - step, i + step):
            if not 0 <= k < len(units):
                continue
            who = units[k][-1].last
            if who is None or who in neighbours or who in head.excluded:
                continue
            if head.gender and cast.gender(who) not in (None, head.gender) or who in head.unfit:
                continue
            _assign(units[i], who, trace, "refill")
            head.rule = "refill"
            return


def _break_counts(units: list[list[Turn]], anchors: list[int]) -> list[int]:
    """Running counts of breaks in turn-taking between consecutive sure turns: two sure
    turns an odd number of turns apart with the same speaker (someone spoke twice running).
    ``counts[k]`` is how many of the first ``k`` pairs break; refilling never changes a
    sure turn, so the counts hold for the whole exchange."""
    counts = [0]
    for a, b in zip(anchors, anchors[1:]):
        broken = (b - a) % 2 == 1 and units[a][-1].last == units[b][0].speaker
        counts.append(counts[-1] + broken)
    return counts


def _breaks(anchors: list[int], counts: list[int], i: int, j: int) -> bool:
    """Turn-taking breaks between units ``i`` and ``j`` (a pair of consecutive sure turns
    between them breaks: see ``_break_counts``), so parity no longer carries from one to
    the other."""
    first = bisect_left(anchors, min(i, j))  # anchors are sorted
    last = bisect_right(anchors, max(i, j)) - 1
    return last > first and counts[last] > counts[first]


def _answered(units: list[list[Turn]], trace: dict[int, str] | None) -> None:
    """The one addressed by name in a reply ("Yes, Tom,") spoke the line before it."""
    for i in range(len(units) - 1):
        head = units[i][0]
        if head.speaker is not None:
            continue
        reply = units[i + 1][0]
        named = [n for n in reply.excluded if n not in head.excluded and n != reply.speaker]
        if len(named) != 1:
            continue
        _assign(units[i], named[0], trace, "answered")
        head.rule = "answered"


def _assign(unit: list[Turn], who: str, trace: dict[int, str] | None, rule: str) -> None:
    for turn in unit:
        for beat in turn.lines:
            if beat.speaker == turn.speaker or beat.speaker is None:
                beat.speaker = who
                if trace is not None:
                    trace[beat.start] = rule
        turn.speaker = turn.last = who


def _exchanges(turns: list[Turn]) -> list[list[Turn]]:
    """Runs of turns in consecutive paragraphs of one scene."""
    chains: list[list[Turn]] = []
    for turn in turns:
        if chains and turn.chained and chains[-1][-1].scene == turn.scene:
            chains[-1].append(turn)
        else:
            chains.append([turn])
    return chains


def _units(chain: list[Turn]) -> list[list[Turn]]:
    """Group a speech continued over paragraphs into one unit of turn-taking."""
    units: list[list[Turn]] = []
    for turn in chain:
        if units and turn.continued:
            units[-1].append(turn)
        else:
            units.append([turn])
    return units


def fill_alternation(turns: list[Turn], trace: dict[int, str] | None = None) -> None:
    """Back-fill the opening lines of an exchange from the first two known speakers."""
    for i in range(len(turns) - 3, -1, -1):
        turn = turns[i]
        if turn.speaker is not None or turn.continued or turn.rule == "unknown":
            continue
        nxt, after = turns[i + 1], turns[i + 2]
        if not (nxt.chained and after.chained) or nxt.scene != turn.scene:
            continue
        if after.speaker and nxt.speaker and after.speaker != nxt.speaker:
            if after.continued or nxt.continued:
                continue
            turn.speaker = turn.last = after.speaker
            for beat in turn.lines:
                beat.speaker = after.speaker
                if trace is not None:
                    trace[beat.start] = "backfill"
