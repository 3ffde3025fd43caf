"""Numbers a quote states, in digits and in words."""

import pytest

from sinosoviet.validation.numbers import stated_numbers


@pytest.mark.parametrize(
    ("quote", "numbers"),
    [
        ("the first batch of 1,379 Chinese", {1379}),
        ("1,600-1,700 Chinese in jail", {1600, 1700}),
        ("48.5% of grocery retailers", {48.5}),
        ("7 to 8 thousand Chinese in total", {7, 8, 7000, 8000}),
        ("Three to four thousand Chinese", {3, 4, 3000, 4000}),
        ("ten thousand Chinese and four to five thousand Koreans", {10, 10000, 4, 5, 4000, 5000}),
        ("around a thousand Chinese", {1000}),
        ("another hundred innocent Chinese", {100}),
        ("lost more than 60 million people", {60, 60_000_000}),
        ("five to eight percent of the Chinese population", {5, 8}),
        ("more than half of commerce", {50}),
        ("6The news of the defection of 70,000", {6, 70000}),
        ("thousands of Chinese", set()),
    ],
)
def test_stated_numbers(quote, numbers):
    assert stated_numbers(quote) == frozenset(float(n) for n in numbers)


def test_a_multiplier_does_not_reach_across_other_words():
    assert 7000 not in stated_numbers("7 Chinese and a thousand Koreans")
