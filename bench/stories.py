"""Generate a corpus of stories told by many outlets: wire copies, rewrites, recurring quotes.

Each story is an event with a cast, a place, figures and statements; its wire article states
them in about twenty sentences. The story's other articles are:

- verbatim copies of the wire with a site's chrome around it (most of them), now and then with
  one word or figure changed;
- rewrites: the wire's sentences reworded (synonyms, another order, some dropped, quotations
  cut to fragments), as an outlet writing its own version or a translation would;

story sizes follow a long tail (most stories have three to eight articles, a few wire stories
are carried by hundreds of sites), some statements of national figures recur across many
stories, and a share of articles stand alone. Like bench/corpus.py, nothing here is text of
the measuring corpora: names are generated, phrasing comes from the templates below.

    python -m bench.stories OUT --articles 1000 [--seed 11]
"""

from __future__ import annotations

import argparse
import random
from dataclasses import dataclass
from pathlib import Path

from bench.corpus import BODIES, BOILERPLATE, GIVEN, NOUNS, PLACES, Generator, Person, surname

EVENTS = (
    ("strike", "staff at {org} downed tools", "the stoppage"),
    ("flood", "floods swept through {place}", "the floods"),
    ("fire", "a fire destroyed part of {org}'s plant", "the fire"),
    ("vote", "lawmakers voted on the {noun} bill", "the vote"),
    ("outage", "a power outage hit {place}", "the outage"),
    ("protest", "farmers blocked roads around {place}", "the protest"),
)
UNITS = ("people", "workers", "homes", "households", "trucks", "flights", "schools", "families")
SYNONYMS = {
    "said": "told reporters", "about": "around", "percent": "per cent", "began": "started",
    "more than": "over", "officials": "authorities", "expected": "likely", "urged": "called on",
    "announced": "said", "damaged": "hit", "closed": "shut", "week": "seven days",
}
WIRE = (
    "{Place}, {month} {day} ({wire}) - {event_lead} on {weekday}, {officials} said.",
    "About {n1:,} {unit1} were affected across {districts} districts, according to {body}.",
    "{Lead} said {n2} percent of the {noun} budget would be released this week.",
    "\"{quote1},\" {Lead} said at a briefing in {place}.",
    "The damage was estimated at {n3} million {currency}, {body2} said.",
    "{Second}, who heads {body}, urged residents to stay calm.",
    "\"{quote2},\" {Second} told reporters.",
    "Schools in {district_count} districts closed, and {n4:,} {unit2} were moved to shelters.",
    "{event_name} began on {weekday} and was expected to last until {weekday2}.",
    "Officials said more than {n5:,} {unit3} had been checked by the evening.",
    "{Third}, an analyst at {org}, said the {noun} would take months to repair.",
    "\"{quote3},\" {Third} said.",
    "The {noun2} plan announced last year set aside {n6} million {currency} for repairs.",
    "{body3} said it would publish a full report on {weekday2}.",
    "{national_quote}",
    "Residents in {place2} said they had not been warned before {event_name}.",
    "The government said it would review the {noun2} rules after {event_name}.",
    "{Lead} is expected to visit {place2} on {weekday2}.",
)
STATEMENTS = (
    "We will not leave anyone behind while the {noun} is repaired",
    "No household will pay for repairs it did not cause",
    "The {noun} will be rebuilt, and it will be rebuilt properly",
    "We asked for help on {weekday} and we are still waiting",
    "This is the worst {event} we have seen in {place} for a generation",
    "Our teams are working day and night to restore the {noun}",
)
NATIONAL = (
    "\"Our thoughts are with everyone in {place} tonight,\" Prime Minister {pm} said in a statement.",
    "\"We will spare no effort to help those affected,\" President {president} said.",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("March", "April", "May", "June", "July", "September", "October", "November")
CURRENCIES = ("euros", "dollars", "pesos", "rupees", "zlotys", "dirhams")


@dataclass
class Event:
    """One story: what it fills its templates with."""

    values: dict[str, object]


class StoryGenerator:
    """Deterministic story corpus generator."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.base = Generator(seed, 8)
        self.pm = f"{self.rng.choice(GIVEN)} {surname(self.rng)}"
        self.president = f"{self.rng.choice(GIVEN)} {surname(self.rng)}"
        self.outlets = [f"site-{surname(self.rng).lower()}" for _ in range(60)]

    def person(self) -> str:
        return Person(self.rng.choice(GIVEN), surname(self.rng), "").full

    def event(self) -> Event:
        rng = self.rng
        kind, lead, name = rng.choice(EVENTS)
        place, place2 = rng.sample(PLACES, 2)
        org = f"{surname(rng)} {rng.choice(('Industries', 'Mining', 'Energy', 'Logistics'))}"
        noun, noun2 = rng.sample(NOUNS, 2)
        values: dict[str, object] = {
            "Place": place.upper(), "place": place, "place2": place2, "org": org,
            "month": rng.choice(MONTHS), "day": rng.randint(1, 28),
            "wire": rng.choice(("Harbour Wire", "Continental Press", "Metro Wire")),
            "weekday": rng.choice(WEEKDAYS), "weekday2": rng.choice(WEEKDAYS),
            "officials": "officials", "event": kind, "event_name": name.capitalize(),
            "noun": noun, "noun2": noun2,
            "n1": rng.randint(2, 90) * 1000, "n2": rng.randint(3, 95), "n3": rng.randint(5, 900),
            "n4": rng.randint(2, 60) * 100, "n5": rng.randint(10, 99) * 10, "n6": rng.randint(5, 500),
            "unit1": rng.choice(UNITS), "unit2": rng.choice(UNITS), "unit3": rng.choice(UNITS),
            "districts": rng.randint(3, 30), "district_count": rng.randint(2, 12),
            "currency": rng.choice(CURRENCIES),
            "body": rng.choice(BODIES), "body2": rng.choice(BODIES), "body3": rng.choice(BODIES).capitalize(),
            "Lead": self.person(), "Second": self.person(), "Third": self.person(),
            "pm": self.pm, "president": self.president,
        }
        led = lead.format(**values)
        values["event_lead"] = led[0].upper() + led[1:]
        for k in (1, 2, 3):
            values[f"quote{k}"] = rng.choice(STATEMENTS).format(**values)
        values["national_quote"] = rng.choice(NATIONAL).format(**values)
        return Event(values)

    def wire(self, event: Event) -> list[str]:
        headline = f"{event.values['event_name']} in {event.values['place']}: {event.values['Lead']} promises help"
        return [headline, *(line.format(**event.values) for line in WIRE)]

    def copy(self, lines: list[str]) -> str:
        """The wire as a site prints it: chrome above and below, now and then a word changed."""
        rng = self.rng
        body = list(lines)
        if rng.random() < 0.05:
            i = rng.randrange(1, len(body))
            body[i] = body[i].replace(" the ", " a ", 1)
        cast = (Person(rng.choice(GIVEN), surname(rng), "Mayor"),)
        chrome = [self.base.fill(rng.choice(BOILERPLATE), cast, "the city") for _ in range(rng.randint(1, 3))]
        return "\n\n".join([body[0], *chrome[:1], *body[1:], *chrome[1:]]) + "\n"

    def rewrite(self, lines: list[str]) -> str:
        """The story in an outlet's own words: synonyms, another order, some sentences dropped,
        a quotation cut to a fragment; now and then a figure or a name gets it wrong."""
        rng = self.rng
        body = [line for line in lines[1:] if rng.random() < 0.8]
        rng.shuffle(body)
        out = []
        for line in body:
            for word, other in SYNONYMS.items():
                if rng.random() < 0.5:
                    line = line.replace(f" {word} ", f" {other} ")
            if line.startswith('"') and rng.random() < 0.3:
                words = line.strip('"').split()
                line = f"One official said it was \"{' '.join(words[2:7])}\"."
            out.append(line)
        if out and rng.random() < 0.05:
            i = rng.randrange(len(out))
            out[i] = out[i].replace("0", "00", 1)  # a figure with a zero too many
        return "\n\n".join([lines[0].replace(":", " -"), *out]) + "\n"

    def corpus(self, articles: int) -> list[tuple[str, str]]:
        rng = self.rng
        out: list[tuple[str, str]] = []
        while len(out) < articles:
            if rng.random() < 0.15:
                out.append((rng.choice(self.outlets), self.base.article()[1]))
                continue
            event = self.event()
            lines = self.wire(event)
            size = min(articles - len(out), 1 + int(rng.paretovariate(1.3) * 2))
            out.append((rng.choice(self.outlets), "\n\n".join(lines) + "\n"))
            for _ in range(size - 1):
                text = self.copy(lines) if rng.random() < 0.6 else self.rewrite(lines)
                out.append((rng.choice(self.outlets), text))
        return out[:articles]


def write_story_corpus(out: Path, articles: int, seed: int = 11) -> int:
    """Write the corpus under ``out`` (``<outlet>/<n>.txt``); return the number of words."""
    out.mkdir(parents=True, exist_ok=True)
    words = 0
    for n, (outlet, text) in enumerate(StoryGenerator(seed).corpus(articles)):
        folder = out / outlet
        folder.mkdir(exist_ok=True)
        (folder / f"{n:06}.txt").write_text(text, encoding="utf-8")
        words += len(text.split())
    return words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    words = write_story_corpus(args.out, args.articles, args.seed)
    print(f"wrote {args.articles} articles, {words} words, to {args.out}")


if __name__ == "__main__":
    main()
