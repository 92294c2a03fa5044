"""Figures a sentence states, as observations: "plus de 1 600 participants", "deux réunions", "79 %".

A figure is a number (digits with French thousands separators, or a number word from deux to
mille) followed, after at most two adjectives, by a counted noun this module knows ("20 éminents
chercheurs", "10 initiatives"), or a percentage. The noun gives the measure and the unit as the
curated data records them (kg/data/README.md, "Figures"); "plus de", "au moins", "environ",
"jusqu'à", "moins de" give the qualifier, and a year in the same clause the period.
"""

from __future__ import annotations

import re
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
    "fonctionnaires": ("officials-trained", "fonctionnaires formés", "officials trained", "person"),
    "agents": ("officers-trained", "agents formés", "officers trained", "person"),
    "policiers": ("police-officers", "policiers", "police officers", "person"),
    "militaires": ("military-personnel", "militaires", "military personnel", "person"),
    "prestataires": ("service-providers", "prestataires", "service providers", "person"),
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
    (re.compile(r"\bplus\s+de\s*$|\bau-delà\s+de\s*$|\bsupérieur\s+à\s*$", re.I), "more-than"),
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
_REPEATED = re.compile(r"\b[Cc]es\s*$")
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


def _value(number: str) -> str:
    word = NUMBER_WORDS.get(number.lower())
    if word is not None:
        return str(word)
    return re.sub(r"[  \u202f.]", "", number).replace(",", ".")


def _noun(word: str) -> str | None:
    key = re.sub(r"\s+", " ", word.lower())
    if key == "pour cent":
        key = "%"
    key = _ALIASES.get(key, key)
    if key not in MEASURES and f"{key}s" in MEASURES:  # "aucune victime"
        key = f"{key}s"
    return key if key in MEASURES else None


def find_figures(sentence: str) -> list[Figure]:
    """Figures in reading order.

    >>> found = find_figures("plus de 1 600 participants et 20 éminents chercheurs")
    >>> [(f.value, f.noun, f.qualifier) for f in found]
    [('1600', 'participants', 'more-than'), ('20', 'chercheurs', None)]
    """
    out: list[Figure] = []
    for match in _FIGURE.finditer(sentence):
        number = match.group(0)
        noun, end, cursor = None, match.end(), match.end()
        for _ in range(3):  # the noun, after at most two adjectives ("20 éminents chercheurs")
            word = _WORD.match(sentence, cursor)
            if word is None:
                break
            noun = _noun(word.group(1))
            cursor = end = word.end()
            if noun is not None or word.group(1).lower() in _STOP or word.group(1)[:1].isupper():
                break
        if noun is None:
            continue
        before = sentence[max(0, match.start() - 30) : match.start()]
        if _NOT_A_COUNT.search(before) or _REPEATED.search(before):
            continue
        if noun in _TIME and (
            _DURATION.search(before) or re.match(r"\s*(?:prochain|dernièr)", sentence[end:])
        ):
            continue
        value = _value(number)
        if re.fullmatch(r"(?:19|20)\d\d", value) and noun not in ("%",):
            if not re.search(r"\d[  \u202f.]\d{3}$", number):
                continue  # a year before a noun ("en 2007 cas..." is rare; "2007 victimes" rarer)
        qualifier = next((name for pattern, name in _QUALIFIERS if pattern.search(before)), None)
        clause_start = max((m.end() for m in re.finditer(r"[;:]", sentence[: match.start()])), default=0)
        clause_end = next((m.start() for m in re.finditer(r"[;:]", sentence[match.end() :])), None)
        clause_end = len(sentence) if clause_end is None else match.end() + clause_end
        periods = [
            m
            for m in _PERIOD.finditer(sentence, clause_start, clause_end)
            if abs(m.start() - match.start()) <= 80
        ]
        period = min(periods, key=lambda m: abs(m.start() - match.start())).group(1) if periods else None
        span = period_range(sentence[max(clause_start, match.start() - 140) : min(clause_end, end + 100)])
        if span:
            out.append(Figure(match.start(), end, value, noun, qualifier, None, *span))
            continue
        out.append(Figure(match.start(), end, value, noun, qualifier, period))
    return _elliptical(sentence, out)


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
