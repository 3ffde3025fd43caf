"""The numbers a quote states, in digits or in words, so a figure can be checked against its quote."""

from __future__ import annotations

import re
from functools import cache

WORD_VALUES = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "half": 50,
}  # fmt: skip
MULTIPLIERS = {"hundred": 100, "thousand": 1_000, "million": 1_000_000}
# "a thousand", "another hundred": the article stands for one.
ARTICLES = {"a", "an", "another"}
# Words that keep a run of numbers open for a multiplier after it: "three to four thousand".
RANGE_WORDS = {"to", "and", "or"}

TOKEN = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[a-z]+")


@cache
def stated_numbers(quote: str) -> frozenset[float]:
    """Every number the quote states: 11,200 -> 11200; '7 to 8 thousand' -> 7, 8, 7000, 8000;
    'ten thousand' -> 10, 10000; 'another thousand' -> 1000; '48.5%' -> 48.5; 'half' -> 50.
    """
    found: set[float] = set()
    pending: list[float] = []  # numbers a following multiplier applies to
    previous = ""
    for token in TOKEN.findall(quote.lower()):
        if token[0].isdigit():
            number = float(token.replace(",", ""))
        elif token in WORD_VALUES:
            number = float(WORD_VALUES[token])
        elif token in MULTIPLIERS:
            factor = MULTIPLIERS[token]
            if previous in ARTICLES:
                pending = [1.0]
            found.update(n * factor for n in pending)
            pending = [n * factor for n in pending]
            previous = token
            continue
        else:
            if token not in RANGE_WORDS:
                pending = []
            previous = token
            continue
        found.add(number)
        pending = [*pending, number] if previous in RANGE_WORDS else [number]
        previous = token
    return frozenset(found)
