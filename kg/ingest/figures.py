"""Figures a sentence states, as observations: "plus de 1 600 participants", "deux réunions", "79 %".

A figure is a number (digits with French thousands separators, or a number word from deux to
mille) followed, after at most two adjectives, by a counted noun this module knows ("20 éminents
chercheurs", "10 initiatives"), or a percentage. The noun gives the measure and the unit as the
curated data records them (kg/data/README.md, "Figures"); "plus de", "au moins", "environ",
"jusqu'à", "moins de" give the qualifier, and a year in the same clause the period.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from kg.ingest.dates import MONTHS, period_range

__all__ = ["Figure", "find_figures", "MEASURES", "NUMBER_WORDS"]

NUMBER_WORDS = {
    "aucun": 0,  # "n'avoir connaissance d'aucun cas"
    "aucune": 0,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "cing": 5,  # OCR
    "six": 6,
    "sept": 7,
    "huit": 8,
    "neuf": 9,
    "dix": 10,
    "onze": 11,
    "douze": 12,
    "treize": 13,
    "quatorze": 14,
    "quinze": 15,
    "seize": 16,
    "vingt": 20,
    "trente": 30,
    "quarante": 40,
    "cinquante": 50,
    "soixante": 60,
    "cent": 100,
    "mille": 1000,
}

# counted noun (plural as printed, folded to lower case) -> (measure slug part, French, English, unit)
MEASURES = {
    "victimes": ("victims", "victimes", "victims", "person"),
    "cas": ("cases", "cas", "cases", "case"),
    "affaires": ("cases", "affaires", "cases", "case"),
    "personnes": ("persons", "personnes", "persons", "person"),
    "individus": ("persons", "personnes", "persons", "person"),
    "enquêtes": ("investigations", "enquêtes", "investigations", "investigation"),
    "poursuites": ("prosecutions", "poursuites", "prosecutions", "prosecution"),
    "condamnations": ("convictions", "condamnations", "convictions", "conviction"),
    "procédures": ("proceedings", "procédures", "proceedings", "proceeding"),
    "infractions": ("offences", "infractions", "offences", "offence"),
    "participants": ("participants", "participants", "participants", "person"),
    "chercheurs": ("researchers", "chercheurs", "researchers", "person"),
    "experts": ("experts", "experts", "experts", "person"),
    "enquêteurs": ("investigators", "enquêteurs", "investigators", "person"),
    "fonctionnaires": ("officials-trained", "fonctionnaires formés", "officials trained", "person"),
    "agents": ("officers-trained", "agents formés", "officers trained", "person"),
    "policiers": ("police-officers", "policiers", "police officers", "person"),
    "gardes": ("border-guards", "gardes-frontière", "border guards", "person"),
    "militaires": ("military-personnel", "militaires", "military personnel", "person"),
    "prestataires": ("service-providers", "prestataires", "service providers", "person"),
    "travailleurs": ("workers", "travailleurs", "workers", "person"),  # "769 travailleurs sociaux"
    "parlementaires": ("parliamentarians", "parlementaires", "parliamentarians", "person"),
    "juges": ("judges", "juges", "judges", "person"),
    "procureurs": ("prosecutors", "procureurs", "prosecutors", "person"),
    "enfants": ("children", "enfants", "children", "person"),
    "femmes": ("women", "femmes", "women", "person"),
    "hommes": ("men", "hommes", "men", "person"),
    "jeunes": ("young-people", "jeunes", "young people", "person"),
    "élèves": ("pupils", "élèves", "pupils", "person"),
    "étudiants": ("students", "étudiants", "students", "person"),
    "trafiquants": ("traffickers", "trafiquants", "traffickers", "person"),
    "auteurs": ("offenders", "auteurs", "offenders", "person"),
    "membres": ("members", "membres", "members", "member"),
    "projets": ("projects", "projets", "projects", "project"),
    "dollars": ("us-dollars", "dollars des États-Unis", "US dollars", "USD"),
    "euros": ("euros", "euros", "euros", "EUR"),
    "organisations": ("organizations", "organisations", "organizations", "organisation"),
    "organismes": ("organizations", "organismes", "organizations", "organisation"),
    "agences": ("agencies", "agences", "agencies", "organisation"),
    "ministères": ("ministries", "ministères", "ministries", "organisation"),
    "ong": ("ngos", "ONG", "NGOs", "organisation"),
    "entreprises": ("companies", "entreprises", "companies", "organisation"),
    "pays": ("countries", "pays", "countries", "country"),
    "états": ("states", "États", "States", "country"),
    "gouvernements": ("governments", "gouvernements", "governments", "government"),
    "régions": ("regions", "régions", "regions", "region"),
    "sessions": ("sessions", "sessions", "sessions", "session"),
    "réunions": ("meetings-held", "réunions", "meetings", "meeting"),
    "conférences": ("conferences", "conférences", "conferences", "conference"),
    "séminaires": ("seminars", "séminaires", "seminars", "seminar"),
    "ateliers": ("training-workshops", "ateliers", "workshops", "workshop"),
    "stages": ("training-courses", "stages", "training courses", "course"),
    "formations": ("trainings", "formations", "trainings", "training"),
    "groupes": ("groups", "groupes", "groups", "group"),
    "équipes": ("task-forces", "équipes", "task forces", "task force"),  # "35 équipes multidisciplinaires"
    "langues": ("languages", "langues", "languages", "language"),
    "documents": ("documents", "documents", "documents", "document"),
    "publications": ("publications", "publications", "publications", "publication"),
    "épisodes": ("episodes", "épisodes", "episodes", "episode"),
    "messages": ("messages", "messages", "messages", "message"),
    "diffusions": ("broadcasts", "diffusions", "broadcasts", "broadcast"),
    "posters": ("posters", "posters", "posters", "poster"),
    "affiches": ("posters", "affiches", "posters", "poster"),
    "brochures": ("brochures", "brochures", "brochures", "brochure"),
    "sites": ("sites", "sites", "sites", "site"),
    "initiatives": ("initiatives", "initiatives", "initiatives", "initiative"),
    "demandes": ("applications", "demandes", "applications", "application"),
    "candidatures": ("applications", "candidatures", "applications", "application"),
    "propositions": ("proposals", "propositions", "proposals", "proposal"),
    "soumissions": ("submissions", "soumissions", "submissions", "submission"),
    "subventions": ("grants", "subventions", "grants", "grant"),
    "appels": ("calls", "appels", "calls", "call"),
    "téléchargements": ("downloads", "téléchargements", "downloads", "download"),
    "critères": ("criteria", "critères", "criteria", "criterion"),
    "foyers": ("shelters", "foyers", "shelters", "shelter"),
    "centres": ("centres", "centres", "centres", "centre"),
    "unités": ("units", "unités", "units", "unit"),
    "ans": ("years", "ans", "years", "year"),
    "années": ("years", "années", "years", "year"),
    "mois": ("months", "mois", "months", "month"),
    "jours": ("days", "jours", "days", "day"),
    "%": ("share", "part", "share", "percent"),
}
_ALIASES = {"etats": "états", "enquetes": "enquêtes", "eleves": "élèves", "procedures": "procédures"}

_NUMBER = r"\d{1,3}(?:[  \u202f.]\d{3})+|\d+(?:,\d+)?"
_WORD_NUMBER = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_STOP = {"de", "des", "du", "d", "la", "le", "les", "l", "à", "au", "aux", "en", "et", "ou", "par", "pour"}
_STOP |= {"sur", "dans", "avec", "entre", "ont", "a", "sont", "est", "qui", "que"}
_FIGURE = re.compile(rf"(?<![\w/.,-])(?:{_NUMBER}|(?:{_WORD_NUMBER})(?![\w-]))(?![\w/-])", re.I)
_WORD = re.compile(r"\s*(%|pour\s+cent\b|[A-Za-zÀ-ÿ]+)")
_NOT_A_COUNT = re.compile(
    r"(?:résolution|article|paragraphe|par\.|session|chapitre|annexe|n°|no|décision|point|alinéa|"
    r"page|p\.|A/|E/|CTOC/COP/|plan)\s*$",
    re.I,
)
_QUALIFIERS = [
    (re.compile(r"\bplus\s+d(?:e\s*|[’']\s*)$|\bau-delà\s+de\s*$|\bsupérieur\s+à\s*$", re.I), "more-than"),
    (re.compile(r"\bau\s+moins\s*$", re.I), "at-least"),
    (re.compile(r"\benviron\s*$|\bquelque\s*$|\bprès\s+de\s*$", re.I), "about"),
    (re.compile(r"\bjusqu[’']\s*à\s*$", re.I), "up-to"),
    (re.compile(r"\bmoins\s+de\s*$", re.I), "fewer-than"),
]
_PERIOD = re.compile(r"\b(?:en|au\s+cours\s+de|pour)\s+((?:19|20)\d\d)\b", re.I)
_TIME = {"ans", "années", "mois", "jours"}
# a duration or a frequency, not a count: "tous les deux ans", "ateliers de trois jours", "ces deux
# dernières années"; and "ces deux messages" repeats a figure already given
_DURATION = re.compile(
    r"(?:\btous\s+les|\bces|\bde|\bdes|\bles|\bdepuis|\bpendant|\bdurant|\bdans)\s*$", re.I
)
# a length the text states as such ("un délai de 90 jours", "une période de 3 ans") is a figure
_SPAN = re.compile(r"\b(?:délai|période|durée)\s+d[e’']\s*$", re.I)
# "ces deux messages", and a sentence opening "Les deux équipes s'efforcent" (a number in words,
# after the paragraph's number if any): counted before; "Les 46 participants ont adopté" is a count
_REPEATED = re.compile(r"\b[Cc]es\s*$")
_REPEATED_OPENING = re.compile(r"^\W*(?:\d+\.\s*)?Les\s*$")
_BARE = re.compile(r"(?<![\w/.,-])(\d{1,3}(?:[  \u202f]\d{3})+|\d+)(?![\w/-]|,\d)")
_ELLIPSIS = re.compile(r"(?:\bdont|\bet|,)\s*$", re.I)


@dataclass(frozen=True)
class Figure:
    start: int
    end: int
    value: str  # as atkg:value takes it: "1600", "2.5"
    noun: str  # the MEASURES key
    qualifier: str | None
    period: str | None
    start_date: str | None = None  # a period printed as a range ("entre 1999 et juin 2004")
    end_date: str | None = None

    @property
    def measure(self) -> tuple[str, str, str, str]:
        return MEASURES[self.noun]


_SCALE = re.compile(r"\s+(millions?|milliards?)\s+d(?:e(?=\s)|[’'])", re.I)


def _scaled(value: str, scale: str) -> str:
    """ "2,01 millions" -> "2010000": decimal arithmetic (a float gave 2009999.9999999998)."""
    from decimal import Decimal

    amount = Decimal(value) * (10**6 if scale.lower().startswith("million") else 10**9)
    return str(int(amount)) if amount == amount.to_integral_value() else format(amount.normalize(), "f")


def _value(number: str) -> str:
    word = NUMBER_WORDS.get(number.lower())
    if word is not None:
        return str(word)
    return re.sub(r"[  \u202f.]", "", number).replace(",", ".")


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


_FOLDED = {_fold(key): key for key in MEASURES}


def _lookup(word: str) -> tuple[str | None, bool]:
    """The MEASURES key a printed noun names, and whether it was printed in the singular. Accents
    are compared folded: OCR swaps them ("deux critéres")."""
    key = re.sub(r"\s+", " ", word.lower())
    if key == "pour cent":
        key = "%"
    key = _ALIASES.get(key, key)
    key = _FOLDED.get(_fold(key), key)
    if key not in MEASURES and _fold(f"{key}s") in _FOLDED:  # "aucune victime"
        return _FOLDED[_fold(f"{key}s")], True
    return (key, False) if key in MEASURES else (None, False)


def _noun(word: str) -> str | None:
    return _lookup(word)[0]


def find_figures(sentence: str) -> list[Figure]:
    """Figures in reading order.

    >>> found = find_figures("plus de 1 600 participants et 20 éminents chercheurs")
    >>> [(f.value, f.noun, f.qualifier) for f in found]
    [('1600', 'participants', 'more-than'), ('20', 'chercheurs', None)]
    """
    out: list[Figure] = []
    for match in _FIGURE.finditer(sentence):
        number = match.group(0)
        noun, singular, end, cursor = None, False, match.end(), match.end()
        scale = _SCALE.match(sentence, cursor)
        if scale:  # "2,8 millions de dollars"
            cursor = scale.end()
        for _ in range(3):  # the noun, after at most two adjectives ("20 éminents chercheurs")
            word = _WORD.match(sentence, cursor)
            if word is None:
                break
            noun, singular = _lookup(word.group(1))
            cursor = end = word.end()
            if noun is not None or word.group(1).lower() in _STOP or word.group(1)[:1].isupper():
                break
        if noun is None:
            continue
        value = _value(number)
        if scale:
            value = _scaled(value, scale.group(1))
        if singular and value not in ("0", "1"):
            continue  # "4 Publication des Nations Unies": a footnote's mark, not a count
        before = sentence[max(0, match.start() - 30) : match.start()]
        if _NOT_A_COUNT.search(before) or _REPEATED.search(before):
            continue
        if not number[0].isdigit() and _REPEATED_OPENING.search(before):
            continue
        if (
            noun in _TIME
            and not _SPAN.search(before)
            and (_DURATION.search(before) or re.match(r"\s*(?:prochain|dernièr)", sentence[end:]))
        ):
            continue
        if re.fullmatch(r"(?:19|20)\d\d", value) and noun not in ("%",):
            if not re.search(r"\d[  \u202f.]\d{3}$", number):
                continue  # a year before a noun ("en 2007 cas..." is rare; "2007 victimes" rarer)
        qualifier = next((name for pattern, name in _QUALIFIERS if pattern.search(before)), None)
        out.append(_dated(sentence, match.start(), end, value, noun, qualifier))
    taken = [(f.start, f.end) for f in out]
    for figure in _approximate(sentence):
        if not any(a < figure.end and figure.start < b for a, b in taken):
            out.append(figure)
    return _elliptical(sentence, sorted(out, key=lambda f: f.start))


def _dated(sentence: str, start: int, end: int, value: str, noun: str, qualifier: str | None) -> Figure:
    """The figure with the period its clause gives: a year near it ("en 2007") or a range."""
    clause_start = max((m.end() for m in re.finditer(r"[;:]", sentence[:start])), default=0)
    clause_end = next((m.start() for m in re.finditer(r"[;:]", sentence[end:])), None)
    clause_end = len(sentence) if clause_end is None else end + clause_end
    periods = [
        m for m in _PERIOD.finditer(sentence, clause_start, clause_end) if abs(m.start() - start) <= 80
    ]
    period = min(periods, key=lambda m: abs(m.start() - start)).group(1) if periods else None
    span = period_range(sentence[max(clause_start, start - 140) : min(clause_end, end + 100)])
    if span:
        return Figure(start, end, value, noun, qualifier, None, *span)
    return Figure(start, end, value, noun, qualifier, period)


# "un millier de parlementaires", "une centaine d'ONG": a round figure, about that many
_ROUND = {"dizaine": 10, "centaine": 100, "millier": 1000}
_APPROX = re.compile(
    rf"(?<![\w-])(un|une|{_WORD_NUMBER})\s+(dizaine|centaine|millier)s?\s+d(?:e\s+|[’']\s*)([A-Za-zÀ-ÿ]+)",
    re.I,
)
# "se réunit deux fois par an", "diffusé un millier de fois": meetings, broadcasts
_TIMES = re.compile(
    rf"(?:(?<![\w-])|\bà\s+)(\d{{1,3}}(?:[  \u202f]\d{{3}})+|\d+|{_WORD_NUMBER}"
    rf"|(?:un|une|{_WORD_NUMBER})\s+(?:dizaine|centaine|millier)s?\s+de)"
    r"\s+(?:fois|reprises)\b(?!\s+par\b)",  # a count, not a rate ("deux fois par an")
    re.I,
)
_TIMES_NOUN = [
    (re.compile(r"\bréuni\w*\s+(?:\S+\s+){0,2}$", re.I), "réunions"),
    (re.compile(r"\bdiffus\w*\s+(?:\S+\s+){0,2}$", re.I), "diffusions"),
]
# "deux cinquièmes des pays", "trois quarts des victimes": a share
# (of a noun counted: not "un tiers de confiance", "trois quarts d'heure")
_FRACTION = re.compile(
    rf"(?<![\w-])(un|{_WORD_NUMBER})\s+(tiers|quarts?|cinquièmes?|dixièmes?)\s+d(?:es|u|e|[’'])\b"
    r"(?=\s*([A-Za-zÀ-ÿ]+))",
    re.I,
)
_DENOMINATOR = {"tier": 3, "quart": 4, "cinquième": 5, "dixième": 10}  # plural "s" dropped


# "le nombre d'États parties au Protocole [...] est passé à 150", "s'élevait à 159": the noun
# counted is the one after "nombre de" (the OCR prints "à" as "a" or "&")
_TOTAL = re.compile(
    r"\bnombre\s+d(?:e\s+|[’']\s*)(?P<noun>[A-Za-zÀ-ÿ]+)[^.;:]{0,120}?"
    r"\b(?:est\s+passé\s+(?:de\s+[\d  \u202f]+\s+)?[àa&]|s[’']\s*élev(?:e|ait)\s+[àa&]"
    rf"|a\s+atteint|atteignait|atteint|est\s+de|était\s+de)\s+(?P<number>{_NUMBER})(?![\w/-])",
    re.I,
)


def _count(word: str) -> int:
    return 1 if word.lower() in ("un", "une") else NUMBER_WORDS.get(word.lower(), 0)


def _approximate(sentence: str) -> list[Figure]:
    """Figures printed in words French keeps for round or relative amounts: "un millier de",
    "deux fois par an", "deux cinquièmes des pays"."""
    out: list[Figure] = []

    def qualifier(start: int, default: str | None) -> str | None:
        before = sentence[max(0, start - 30) : start]
        return next((name for pattern, name in _QUALIFIERS if pattern.search(before)), default)

    for match in _APPROX.finditer(sentence):
        noun = _noun(match.group(3))
        count = _count(match.group(1))
        if noun is None or not count:
            continue
        value = str(count * _ROUND[match.group(2).lower()])
        out.append(
            _dated(sentence, match.start(), match.end(), value, noun, qualifier(match.start(), "about"))
        )
    for match in _TIMES.finditer(sentence):
        before = sentence[max(0, match.start() - 40) : match.start()]
        noun = next((n for pattern, n in _TIMES_NOUN if pattern.search(before)), None)
        if noun is None:
            continue
        words = match.group(1).split()
        if match.group(1)[0].isdigit():  # "1 200 fois": the whole number, separators and all
            value, default = _value(match.group(1)), None
        elif len(words) == 1:
            value, default = str(_count(words[0])), None
        else:
            value, default = str(_count(words[0]) * _ROUND[words[1].lower().rstrip("s")]), "about"
        out.append(
            _dated(sentence, match.start(), match.end(), value, noun, qualifier(match.start(), default))
        )
    for match in _TOTAL.finditer(sentence):
        noun = _noun(match.group("noun"))
        if noun is not None:
            start, end = match.span("number")
            out.append(
                _dated(sentence, start, end, _value(match.group("number")), noun, qualifier(start, None))
            )
    for match in _FRACTION.finditer(sentence):
        if _noun(match.group(3)) is None:
            continue
        count = _count(match.group(1))
        share = 100 * count / _DENOMINATOR[match.group(2).lower().rstrip("s")]
        if not count or share > 100:
            continue
        value = f"{share:.1f}".removesuffix(".0")
        out.append(_dated(sentence, match.start(), match.end(), value, "%", qualifier(match.start(), None)))
    return out


def _elliptical(sentence: str, figures: list[Figure]) -> list[Figure]:
    """ "65 victimes [...], dont 6 en 2005 et 13 en 2006", "53 personnes, dont 18 ont été
    poursuivies": a bare number after a figure, introduced by "dont", "et" or a comma, counts the
    same thing."""
    if not figures:
        return figures
    out = list(figures)
    for match in _BARE.finditer(sentence, figures[0].end):
        if any(f.start <= match.start() < f.end for f in out):
            continue
        value = _value(match.group(1))
        after = sentence[match.end() : match.end() + 25]
        if re.fullmatch(r"(?:19|20)\d\d", value) or re.match(
            r"\s*(?:%|pour\s+cent|[A-Za-zÀ-ÿ]+\s*\))", after
        ):
            continue
        if _noun((_WORD.match(sentence, match.end()) or re.match("", "")).group(0).strip() or "-"):
            continue  # a figure of its own
        if re.match(rf"\s*(?:{'|'.join(MONTHS)})\b", after, re.I):
            continue  # a date
        if not _ELLIPSIS.search(sentence[max(0, match.start() - 8) : match.start()]):
            continue
        previous = [f for f in out if f.end <= match.start()]
        if not previous:
            continue
        last = previous[-1]
        period = _PERIOD.match(sentence, match.end() + 1)
        out.append(
            Figure(
                match.start(), match.end(), value, last.noun, None, period.group(1) if period else last.period
            )
        )
    return sorted(out, key=lambda f: f.start)
