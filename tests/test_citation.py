"""cite(): a citation that leads a reader to the exact quote, for claims and sources alike."""

from __future__ import annotations

import pytest

import sinosoviet

WIKIPEDIA = (
    "Wikipedia contributors. \u201cSoviet deportations of Chinese people\u201d. Wikipedia. "
    "https://en.wikipedia.org/wiki/Soviet_deportations_of_Chinese_people."
)


def test_cite_a_claim_gives_source_locator_quote_and_row(fixture_package):
    assert sinosoviet.cite("dep-1938-vladivostok-ayagoz-first-batch") == (
        f"{WIKIPEDIA} Deportation during 1936\u201339 > Chinese reactions to deportation: "
        "\u201cthe first batch of 1,379 Chinese departed from Vladivostok to Ayagoz\u201d. "
        f"Via the sinosoviet dataset v{sinosoviet.__version__}, table deportations, "
        "claim dep-1938-vladivostok-ayagoz-first-batch."
    )


def test_cite_names_the_original_source_a_claim_is_attributed_to(fixture_package):
    text = sinosoviet.cite("dth-1938-memorial-shot")
    assert "(attributed to Database of victims of state terror in the Soviet Union)" in text


def test_cite_a_source_follows_cited_via(fixture_package):
    assert sinosoviet.cite("shen-bao-1929-09-15") == (
        f"\u201cShen Bao report of 15 September 1929\u201d. Shen Bao. 1929-09-15. Cited in: {WIKIPEDIA}"
    )


def test_cite_an_unknown_id(fixture_package):
    with pytest.raises(KeyError, match="No claim or source has the id 'nope'"):
        sinosoviet.cite("nope")


def test_every_real_claim_can_be_cited():
    for table in sinosoviet.figure_tables():
        for identifier, quote in sinosoviet.load(table)[["id", "quote"]].itertuples(index=False):
            assert f"\u201c{quote}\u201d" in sinosoviet.cite(identifier)
