"""Speaker colours: stable across runs, distinct across a cast, readable on both themes."""

from __future__ import annotations

from reader.app.colours import PALETTE, SpeakerColours, assign


def luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_same_name_same_colour_every_time():
    cast = [("Mara", 3), ("Tobias", 3), ("the Inspector", 15)]
    assert assign(cast) == assign(list(reversed(cast)))
    assert assign([("Mara", 1)])["Mara"] == assign([("Mara", 1)])["Mara"]


def test_cast_gets_distinct_colours_until_the_palette_runs_out():
    cast = [(f"Character {n}", 100 - n) for n in range(len(PALETTE))]
    swatches = assign(cast)
    assert len({swatch.name for swatch in swatches.values()}) == len(PALETTE)
    crowd = assign([*cast, ("One more", 0)])
    assert crowd["One more"] in PALETTE


def test_main_characters_claim_colours_first():
    small = assign([("Ines", 35), ("Tobin", 32)])
    big = assign([("Ines", 35), ("Tobin", 32), *((f"Extra {n}", 1) for n in range(30))])
    assert small["Ines"] == big["Ines"] and small["Tobin"] == big["Tobin"]


def test_unknown_speaker_has_no_colour():
    colours = SpeakerColours([("Mara", 3)])
    assert colours.style(None, dark=True) is None
    assert colours.style("Nobody", dark=True) is None
    assert colours.style("Mara", dark=False) is not None


def test_every_shade_is_readable_on_its_background():
    for swatch in PALETTE:
        for background in ("#1e1e1e", "#000000", "#2e3440", "#282a36"):
            assert contrast(swatch.dark, background) >= 4.5, (swatch.name, background)
        for background in ("#ffffff", "#f0f0f0", "#d8d8d8", "#eee8d5"):
            assert contrast(swatch.light, background) >= 3.5, (swatch.name, background)


def test_the_main_cast_gets_clearly_different_hues():
    from reader.app.colours import HUES, PALETTE

    cast = [("Mara", 3), ("Tobias", 3), ("Ines", 35), ("Tobin", 32)]
    slots = [PALETTE.index(swatch) for swatch in assign(cast).values()]
    for index, slot in enumerate(slots):
        for other in slots[:index]:
            gap = abs(HUES[slot] - HUES[other]) % 360
            assert min(gap, 360 - gap) >= 60
