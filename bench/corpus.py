"""Generate a varied corpus of news-like articles for the benchmarks.

Articles are built from sentence templates whose slots draw on large pools (people with
generated names, places, institutions, numbers, nouns, verbs, days), so no two paragraphs
repeat, yet the corpus has what corpus rules look for: people who recur across articles under
one spelling (and now and then a corrupted one), statements quoted by several outlets (now and
then with a word changed), outlet boilerplate (promo lines, ad markers, calls to action), and
a few transcription slips. The mean article is about 720 words, as in the peer figures of
../shared/RESEARCH.md (1,000 articles, 721k words).

    python -m bench.corpus OUT --articles 1000 [--seed 7] [--jsonl-shards 0]

Files go to OUT/<outlet>/<n>.txt, or with --jsonl-shards N to OUT/shard-<k>.jsonl.
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

SYLLABLES = tuple(
    c + v + e for c in "bdfgklmnprstvz" for v in "aeiou" for e in ("", "n", "r", "l", "s")
)
GIVEN = (
    "Anna", "David", "Maria", "James", "Sofia", "Daniel", "Laura", "Michael", "Elena", "Robert",
    "Fatima", "Ahmed", "Chen", "Priya", "Olga", "Pierre", "Yuki", "Carlos", "Amara", "Thomas",
    "Ines", "Kwame", "Hannah", "Omar", "Grace", "Lucas", "Nadia", "Samuel", "Leila", "Victor",
    "Rosa", "Ivan", "Claire", "Mateo", "Aisha", "Peter", "Mei", "Hugo", "Zara", "Andrew",
)
TITLES = (
    "Minister", "Mayor", "Senator", "Dr.", "Councillor", "Judge", "Ambassador", "Premier",
    "Gen.", "Chief", "Professor", "Commissioner",
)
ROLES = (
    "spokesperson", "economist", "analyst", "resident", "union leader", "researcher",
    "business owner", "teacher", "police officer", "doctor", "farmer", "lawyer",
)
PLACES = (
    "Ottawa", "Toronto", "Winnipeg", "Halifax", "Calgary", "Regina", "Victoria", "Montreal",
    "London", "Manchester", "Leeds", "Glasgow", "Dublin", "Sydney", "Perth", "Auckland",
    "Chicago", "Denver", "Boston", "Seattle", "Austin", "Nairobi", "Lagos", "Accra",
    "Mumbai", "Delhi", "Manila", "Jakarta", "Lima", "Bogota", "Madrid", "Lisbon",
)
BODIES = (
    "the city council", "the provincial government", "the health authority", "the school board",
    "the transit agency", "the central bank", "the environment ministry", "the port authority",
    "the housing agency", "the water utility", "the auditor general", "the police board",
    "the statistics office", "the electoral commission", "the labour board", "the court",
)
NOUNS = (
    "budget", "plan", "report", "proposal", "contract", "policy", "program", "project",
    "strategy", "review", "inquiry", "agreement", "deadline", "rule", "study", "survey",
    "schedule", "forecast", "reform", "bill", "tax", "fee", "grant", "subsidy", "permit",
    "shortage", "surplus", "deficit", "wage", "pension", "rent", "price", "tariff", "route",
    "bridge", "hospital", "clinic", "school", "library", "factory", "pipeline", "harbour",
    "network", "system", "service", "fund", "board", "committee", "election", "campaign",
)
ADJECTIVES = (
    "new", "revised", "long-awaited", "controversial", "modest", "ambitious", "temporary",
    "regional", "national", "local", "costly", "delayed", "expanded", "draft", "final",
    "annual", "independent", "public", "private", "emergency", "interim", "proposed",
)
VERBS = (
    "approved", "rejected", "delayed", "announced", "criticized", "defended", "reviewed",
    "questioned", "endorsed", "cancelled", "expanded", "postponed", "welcomed", "challenged",
    "unveiled", "scrapped", "funded", "audited", "amended", "suspended", "launched",
)
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)
SENTENCES = (
    "{Body} {verb} the {adj} {noun} on {day}, {num} days after it was first tabled.",
    "The {noun} would cost about ${num} million over {small} years, according to {body}.",
    "{Person} said the {noun} was {adj} but necessary for {place}.",
    "Critics in {place} said the {noun} ignored the {noun2} and the people who depend on it.",
    "{Body} has {verb} {small} similar {noun}s since {month} {year}.",
    "In {place}, about {num} people attended a meeting on the {noun} on {day} evening.",
    "{Person}, who has led {body} since {year}, {verb} the {noun} in a statement.",
    "The {adj} {noun} follows a {noun2} that {body} {verb} in {month}.",
    "Officials expect the {noun} to be ready by {month}, though the {noun2} could slow it.",
    "A {role} in {place}, {Person}, said the {noun} had already changed how people work.",
    "Figures released by {body} show a rise of {small} per cent in the {noun} since {year}.",
    "The {noun2} remains unresolved, and {body} is expected to return to it in {month}.",
    "{Person} told reporters in {place} that the {noun} was not the end of the matter.",
    "More than {num} residents signed a petition against the {adj} {noun} last {day}.",
    "{Body} said it would publish the full {noun} once the {noun2} is complete.",
    "The {noun} was first proposed in {year} by {Person}, then a member of {body}.",
    "Neither {body} nor {body2} would say when the {noun} might take effect.",
    "Some {role}s in {place} welcomed the {noun}, while others called it {adj}.",
)
BOILERPLATE = (
    "READ MORE: {Headline}",
    "ADVERTISEMENT",
    "Sign up for the Daily Brief newsletter to get our top stories.",
    "Follow us on Bluesky and Instagram for breaking news.",
    "RELATED: {Headline}",
    "Article continues below this advertisement",
    "WATCH: {Headline}",
    "Copyright {year} {Outlet}. All rights reserved.",
)
STATEMENTS = (
    "We will not accept a {noun} that leaves {place} behind",
    "The {noun} is {adj} and we expect it to be reviewed before {month}",
    "Our priority is a fair deal for every {role} in {place}",
    "This {noun} was never about money, it was about trust",
    "We have asked {body} to make the necessary {arrangements} before the {noun} goes ahead",
    "There is no {noun} without the support of the people of {place}",
)
ARRANGEMENTS = ("arrangements", "plans", "provisions")


@dataclass(frozen=True)
class Person:
    given: str
    surname: str
    title: str

    @property
    def full(self) -> str:
        return f"{self.given} {self.surname}"


@dataclass(frozen=True)
class Story:
    """What several articles of the corpus report on: a cast and statements they quote."""

    cast: tuple[Person, ...]
    place: str
    quotes: tuple[tuple[Person, str], ...]


def surname(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.choice((2, 3)))).capitalize()


def corrupt(rng: random.Random, name: str) -> str:
    """A translation-style corruption: a letter added, dropped or changed."""
    i = rng.randrange(1, len(name) - 1)
    kind = rng.randrange(3)
    if kind == 0:
        return name + rng.choice("iae")
    if kind == 1:
        return name[:i] + name[i + 1 :]
    return name[:i] + rng.choice("aeiou") + name[i + 1 :]


class Generator:
    """Deterministic article generator (one random stream per seed)."""

    def __init__(self, seed: int, articles: int) -> None:
        self.rng = random.Random(seed)
        self.sequence = 0
        self.outlets = [f"outlet-{surname(self.rng).lower()}" for _ in range(12)]
        self.stories = [self.story() for _ in range(max(20, articles // 8))]

    def person(self) -> Person:
        return Person(self.rng.choice(GIVEN), surname(self.rng), self.rng.choice(TITLES))

    def story(self) -> Story:
        cast = tuple(self.person() for _ in range(self.rng.randint(2, 4)))
        place = self.rng.choice(PLACES)
        quotes = tuple(
            (self.rng.choice(cast), self.fill(self.rng.choice(STATEMENTS), cast, place, exact=True))
            for _ in range(2)
        )
        return Story(cast, place, quotes)

    def fill(self, template: str, cast: tuple[Person, ...], place: str, exact: bool = False) -> str:
        rng = self.rng
        self.sequence += 1
        body, body2 = rng.sample(BODIES, 2)
        person = rng.choice(cast)
        values = {
            "Body": body[0].upper() + body[1:], "body": body, "body2": body2,
            "verb": rng.choice(VERBS), "adj": rng.choice(ADJECTIVES),
            "noun": rng.choice(NOUNS), "noun2": rng.choice(NOUNS),
            "day": rng.choice(DAYS), "month": rng.choice(MONTHS),
            "num": str(rng.randint(12, 990) * (1 if exact else rng.choice((1, 1, 10)))),
            "small": str(rng.randint(2, 19)), "year": str(rng.randint(1998, 2025)),
            "place": place if exact or rng.random() < 0.6 else rng.choice(PLACES),
            "role": rng.choice(ROLES),
            "Person": f"{person.title} {person.full}" if rng.random() < 0.5 else person.surname,
            "arrangements": ARRANGEMENTS[0],
            "Headline": self.headline(cast, place), "Outlet": "The Daily",
        }
        return template.format(**values)

    def headline(self, cast: tuple[Person, ...], place: str) -> str:
        rng = self.rng
        return (f"{place} {rng.choice(NOUNS)} {rng.choice(VERBS)} after "
                f"{rng.choice(ADJECTIVES)} {rng.choice(NOUNS)} {rng.choice(('review', 'vote', 'talks'))}")

    def quote_paragraph(self, story: Story) -> str:
        speaker, statement = self.rng.choice(story.quotes)
        if self.rng.random() < 0.05:  # an outlet whose translation changed a word
            for word in (ARRANGEMENTS[0], "expect", "priority", "trust", "support"):
                if word in statement:
                    statement = statement.replace(word, {"arrangements": "provisions",
                        "expect": "hope", "priority": "concern", "trust": "faith",
                        "support": "backing"}[word], 1)
                    break
        lead = self.fill(self.rng.choice(SENTENCES), story.cast, story.place)
        return f'{lead} "{statement}," {speaker.surname} said.'

    def article(self) -> tuple[str, str]:
        """An outlet and the text of one article."""
        rng = self.rng
        story = rng.choice(self.stories)
        outlet = rng.choice(self.outlets)
        cast = story.cast
        if rng.random() < 0.04:  # a name corrupted in this article only
            victim = rng.choice(cast)
            cast = tuple(
                Person(p.given, corrupt(rng, p.surname), p.title) if p == victim else p for p in cast
            )
        lines = [self.headline(cast, story.place), ""]
        lead = cast[0]
        lines += [f"{lead.title} {lead.full} {rng.choice(VERBS)} the {rng.choice(ADJECTIVES)} "
                  f"{rng.choice(NOUNS)} in {story.place} on {rng.choice(DAYS)}.", ""]
        for _ in range(rng.randint(12, 22)):
            if rng.random() < 0.2:
                lines += [self.quote_paragraph(Story(cast, story.place, story.quotes)), ""]
            else:
                sentences = [self.fill(rng.choice(SENTENCES), cast, story.place)
                             for _ in range(rng.randint(2, 4))]
                lines += [" ".join(sentences), ""]
            if rng.random() < 0.06:
                lines += [self.fill(rng.choice(BOILERPLATE), cast, story.place), ""]
        text = "\n".join(lines).rstrip() + "\n"
        if rng.random() < 0.05:
            text = text.replace(" the ", " the the ", 1)
        return outlet, text

    def articles(self, count: int) -> Iterator[tuple[str, str]]:
        for _ in range(count):
            yield self.article()


def write_corpus(out: Path, articles: int, seed: int = 7, jsonl_shards: int = 0) -> int:
    """Write the corpus under ``out``; return the number of words written."""
    generator = Generator(seed, articles)
    out.mkdir(parents=True, exist_ok=True)
    words = 0
    shards = [(out / f"shard-{k:03}.jsonl").open("w", encoding="utf-8")
              for k in range(jsonl_shards)]
    try:
        for n, (outlet, text) in enumerate(generator.articles(articles)):
            words += len(text.split())
            if shards:
                record = {"id": f"{n:06}", "source": outlet, "text": text}
                shards[n % len(shards)].write(json.dumps(record) + "\n")
            else:
                folder = out / outlet
                folder.mkdir(exist_ok=True)
                (folder / f"{n:06}.txt").write_text(text, encoding="utf-8")
    finally:
        for shard in shards:
            shard.close()
    return words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--jsonl-shards", type=int, default=0)
    args = parser.parse_args()
    words = write_corpus(args.out, args.articles, args.seed, args.jsonl_shards)
    print(f"wrote {args.articles} articles, {words} words, to {args.out}")


if __name__ == "__main__":
    main()
