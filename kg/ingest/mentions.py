"""Find the known names in a passage: longest match first, tolerant of accents, case and OCR.

Long names are looked for in the text with its spaces removed, so a name survives OCR that split
or glued its words (``lalutte international e``, ``latraite``); names of six letters or fewer
(acronyms, short country names) must match whole words, and acronyms must be in capitals.

A short or generic label is a mention only where the text uses it as a name (the errors an audit
of the leave-one-out proposals found, benchmarks/data/mention-audit.tsv): a one-word label must be
capitalised ("le Secrétariat", not "le secrétariat" of a council); a description in lower case
after an indefinite article ("un groupe de travail interdisciplinaire") is another thing of that
kind; a name the text goes on to qualify differently is another body ("l'Office des Nations Unies
à Vienne", "la dix-septième session du Conseil des droits de l'homme"); a short form whose full
name adds a country or a parent ("Ministère de l'intérieur" of Belarus) needs that country or parent
in the passage; a number does not match inside a longer number ("55/2" in "55/25"); a country
adjective naming a language ("en néerlandais"), a currency ("dollars des États-Unis") or a company
("Qatar Airways") is not the country.

The errors of reports A and B (written for this project, with golds listing every mention) added:
a body followed by where it works is that body ("l'OIM au Tadjikistan", "Interpol à Chisinau"); a
country adjective in a compound or after "États" is not the country ("latino-américain",
"l'Organisation des États américains"); a region inside the capitalised name of a body the graph
lacks is part of that name ("l'Association des nations de l'Asie du Sud-Est"); a one-word name
followed by an adjective its labels never use is another body ("le Secrétariat permanent du Comité
national"); a description after an indefinite article is another of its kind even capitalised ("un
Code de conduite pour ..."); a thing dated otherwise right after its name, or followed by another
document's symbol, is another note or report ("la note verbale ... datée du 12 février 2014", a
title then "(E/CN.15/2005/8)"); a possessive makes a name a common noun ("son assemblée
générale"); a name of four letters or more may be written as a word ("Unicef", "Lefö"). The
gazetteer (kg/ingest/gazetteer.py) no longer names pattern nodes (measures), makes a national
body's labels that omit its country need it ("Comité national" of Croatia), and knows titles
held by women ("la Rapporteuse spéciale").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.ingest.gazetteer import Gazetteer, Name
from kg.ingest.textkey import Keyed, keyed, label_key

__all__ = ["Mention", "find_mentions"]

_SHORT = 6


@dataclass(frozen=True)
class Mention:
    start: int  # character offsets in the passage text
    end: int
    text: str  # the surface form, as written
    name: Name

    @property
    def slug(self) -> str:
        return self.name.slug


def find_mentions(text: str, gazetteer: Gazetteer, earlier: frozenset[str] = frozenset()) -> list[Mention]:
    """Non-overlapping mentions in reading order; where names overlap, the longest wins.
    ``earlier``: the entities the passage before named (a short form such as "programmes
    conjoints" may lean on its parent named there; a national body's country must be named in the
    passage itself)."""
    doc = keyed(text)
    found: list[tuple[int, int, Name]] = []
    qualified: set[tuple[int, int, str]] = set()  # short forms the text qualifies right after them
    for key, names in gazetteer.names.items():
        short = len(key) <= _SHORT
        position = doc.key.find(key)
        while position != -1:
            end = position + len(key)
            for name in names:  # several entities may share a label: each gets its chance
                if (
                    _acceptable(doc, position, end, name, short)
                    and _stands(text, doc, end, name, gazetteer)
                    and _named_here(text, doc, position, end, name, gazetteer)
                ):
                    found.append((position, end, name))
                    if name.needs and _qualified(text, doc, end, name, gazetteer):
                        qualified.add((position, end, name.slug))
            position = doc.key.find(key, position + 1)
    found.sort(key=lambda m: (-(m[1] - m[0]), m[0], not m[2].known, m[2].rank, m[2].slug))
    named = {name.slug for _, _, name in found if not name.needs}

    def stands_alone(start: int, end: int, name: Name) -> bool:
        """A short form needing its country or parent: named in the passage, qualified right
        after it, or (not for a country) named in the passage before."""
        if not name.needs or name.needs & named or (start, end, name.slug) in qualified:
            return True
        return bool(name.needs & earlier) and not any(n.startswith("country-") for n in name.needs)

    taken: list[tuple[int, int]] = []
    mentions: list[Mention] = []
    for start, end, name in found:
        if any(start < t_end and t_start < end for t_start, t_end in taken):
            continue
        if not stands_alone(start, end, name):
            continue
        taken.append((start, end))
        first, last = doc.offsets[start], doc.offsets[end - 1] + 1
        mentions.append(Mention(first, last, text[first:last], name))
    return sorted(mentions, key=lambda m: m.start)


_CONTINUES = re.compile(
    r"\s*(?:sur|de|du|des|d[’']|pour|contre|régionale?s?|nationale?s?|international(?:e|es|aux)?|mondiale?s?|"
    r"ministérielle?s?|spéciale?s?|interinstitutions)\b",
    re.I,
)


def _stands(text: str, doc: Keyed, end: int, name: Name, gazetteer: Gazetteer) -> bool:
    """A proper name starts with a capital; a generic one ("Atelier régional") is not a mention
    when the text goes on naming something longer ("Atelier régional sur l'identification..."),
    unless it goes on with the entity's own words ("Comité directeur de UN.GIFT")."""
    if name.proper:
        first = doc.offsets[end - len(name.key)]
        if not text[first].isupper():
            return False
    if name.generic and _CONTINUES.match(text, doc.offsets[end - 1] + 1):
        return _qualified(text, doc, end, name, gazetteer)
    return True


def _acceptable(doc: Keyed, start: int, end: int, name: Name, short: bool) -> bool:
    at_start = start in doc.starts
    at_end = end in doc.ends
    label = name.label.strip()
    if (label[-1:].isdigit() and not at_end) or (label[:1].isdigit() and not at_start):
        return False  # "résolution 55/2" is not in "résolution 55/25"
    if short or name.rank == 3 or name.generic or name.proper or name.label[:1].islower():
        # country names, adjectives and generic or lower-case labels are whole words
        # ("atelier" is not in "ateliers", "Africa" is not in "African")
        if not (at_start and at_end):
            return False
    elif not (at_start or at_end):
        return False  # a long name inside one word on both sides is another word
    if name.acronym:
        lower = sum(not u for u in doc.upper[start:end])
        # "UNICEF", "OlM"; and a name of four letters or more written as a word: "Unicef", "Lefö"
        return lower <= 1 or (end - start >= 4 and doc.upper[start] and lower == end - start - 1)
    return True


_FUNCTION = frozenset(label_key(w) for w in "de des du la le les l d et a au aux en pour contre sur".split())
_UN_WORDS = frozenset({"onu", "nations", "unies", "united", "secretariat"})
_JOINERS = frozenset("a au aux pour contre sur en de du des d".split())  # a UN report's own context
_INDEFINITE = re.compile(
    r"(?:\b(?:un|une|d['’]une?|plusieurs|quelques|deux|trois|quatre|cinq|autres?)|\d)\s+$", re.I
)
_LANGUAGE = re.compile(r"(?:\ben|\blangues?|\bl['’]|\ble)\s*$", re.I)
_CURRENCY = re.compile(r"\b(?:dollars?|euros?|francs?|livres?)\s+(?:des\s+|du\s+|de\s+(?:l['’])?)?$", re.I)
_KIND_OF = re.compile(r"\b[a-zéèêàâîôûç]{3,}\s+d(?:e\s+|['’]\s*)$")
_TITLED = frozenset({"atkg:Resolution", "atkg:Publication"})
_COMPANY = re.compile(r" [A-Z][a-z]+")
_WORD = re.compile(r"\w+(?:\.\w+)*|[^\w\s'’\-]")  # "UN.GIFT" is one word, its full stop another


def _named_here(text: str, doc: Keyed, start: int, end: int, name: Name, gazetteer: Gazetteer) -> bool:
    """Is the text naming this entity here, rather than a thing of the same kind?"""
    first, last = doc.offsets[start], doc.offsets[end - 1] + 1
    before, after = text[max(0, first - 40) : first], text[last : last + 200]
    surface = text[first:last]
    if name.slug.startswith("country-"):
        if _CURRENCY.search(before):
            return False
        if name.rank == 3 and (before.endswith("-") or _STATES.search(before)):
            return False  # "latino-américain", "l'Organisation des États américains": not the country
        if surface[:1].islower():
            return not _LANGUAGE.search(before)
        return not _COMPANY.match(after)
    if gazetteer.types.get(name.slug) == "atkg:Region" and _inside_name(text[max(0, first - 120) : first]):
        return False  # "l'Association des nations de l'Asie du Sud-Est": part of another name
    if (
        gazetteer.types.get(name.slug) in _TITLED
        and name.label[:1].isupper()
        and not name.acronym
        and not any(c.isdigit() for c in name.key)  # "résolution 61/180" is a number, not a title
        and surface[:1].islower()
    ):
        return False  # a title in lower case is the words, not the resolution or the book
    if surface[:1].islower() and _KIND_OF.search(before):
        return False  # "un outil de formation en ligne": what kind of tool, not the course
    if (
        len(name.words) == 1
        and not name.acronym
        and surface.isalpha()
        and not any(c.isupper() for c in surface)
    ):
        return False  # "le secrétariat", "des ateliers": a common noun
    if len(name.words) == 1 and not name.acronym and _qualifies_otherwise(after, name, gazetteer):
        return False  # "le Secrétariat permanent du Comité national": another secretariat
    if name.label[:1].isupper() and not any(c.isupper() for c in surface) and _POSSESSIVE.search(before):
        return False  # "son assemblée générale": a body's own assembly, not the General Assembly
    descriptive = surface[:1].islower() or name.label[:1].islower()
    if descriptive and _INDEFINITE.search(before):
        return False  # "un groupe de travail interdisciplinaire", "un Code de conduite pour ...":
        # one of a kind, not this one
    symbol = _SYMBOL.match(after)
    if symbol and not any(symbol.group(1) in label for label in gazetteer.labels.get(name.slug, {}).values()):
        return False  # a title followed by another document's symbol: "... victimes” (E/CN.15/2005/8)"
    if _dated_otherwise(after, name, gazetteer):
        return False  # "la note verbale du Secrétariat datée du 12 février 2014" is not 2007's
    following = [w for w in _WORD.findall(after[:120])]
    if len(name.words) <= 3 and _complement(following, name, gazetteer) is False:
        return False
    return not _diverges(following, name, gazetteer)


_POSSESSIVE = re.compile(r"\b(?:son|sa|ses|leurs?|notre|nos|votre|vos)\s+$", re.I)
_STATES = re.compile(r"\b[ÉEé]tats\s+$")
_QUALIFIER = re.compile(
    r"\s+((?:permanent|national|régional|exécuti|techniqu|général|conjoint|provisoir|spécial|"
    r"interministériel|fédéral|central|international|mixte|commun|local|consultati|intérimaire)\w*)",
)
_DATED = re.compile(
    r"^[^.;:()]{0,40}?\b(?:daté(?:e|es|s)?\s+du|du|de)\s+(?:\d{1,2}(?:er)?\s+[a-zéû]+\s+)?((?:19|20)\d\d)\b"
)
_SYMBOL = re.compile(r"^[\s”»\"’']{0,3}\(([A-Z]{1,5}(?:/[A-Za-z0-9.\-]+){2,})\)")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_NAME_BREAK = re.compile(r"[,;:()«»“”\"]|\b(?:a|ont|est|sont|été|qui|que|dont)\b")


def _qualifies_otherwise(after: str, name: Name, gazetteer: Gazetteer) -> bool:
    """A one-word name followed by an adjective its own labels never use ("Secrétariat
    permanent", "Secrétariat exécutif") names another body of that kind."""
    qualifier = _QUALIFIER.match(after)
    if not qualifier:
        return False
    word = label_key(qualifier.group(1))
    return not any(
        form[i] == name.words[0] and form[i + 1] == word
        for form in gazetteer.forms.get(name.slug, ())
        for i in range(len(form) - 1)
    )


def _dated_otherwise(after: str, name: Name, gazetteer: Gazetteer) -> bool:
    """The text dates the thing right after naming it, and the date is not one the entity's labels
    carry: another note, another edition."""
    dated = _DATED.match(after)
    if not dated:
        return False
    years = {y for label in gazetteer.labels.get(name.slug, {}).values() for y in _YEAR.findall(label)}
    return bool(years) and dated.group(1) not in years


def _inside_name(before: str) -> bool:
    """The words before a region are the start of a capitalised name of a body or a thing
    ("l'Association des nations de l'", "un Centre de recherche sur la traite ... en")."""
    from kg.ingest.newentities import type_of

    words = before.split()
    for index in range(len(words) - 1, max(-1, len(words) - 16), -1):
        word = words[index].lstrip("'’(«“\"")
        word = re.sub(r"^[lLdD|I]['’]", "", word)
        if _NAME_BREAK.search(words[index]) and index != len(words) - 1:
            return False
        if word[:1].isupper():
            return type_of(" ".join([word, *words[index + 1 :]])) is not None
    return False


def _complement(following: list[str], name: Name, gazetteer: Gazetteer) -> bool | None:
    """A short name followed by "de/du/des + Capitalised name": True when the complement is one
    this entity's labels use ("Comité directeur de UN.GIFT"), False when it names another body's
    ("la dix-septième session du Conseil des droits de l'homme"), None when there is none."""
    if not following or label_key(following[0]) not in ("de", "du", "des", "d"):
        return None  # "l'OIM au Tadjikistan", "Interpol à Chisinau": the body, where it works
    known = {w for form in gazetteer.forms.get(name.slug, ()) for w in form} | _UN_WORDS
    capitals = []
    for word in following[1:8]:
        folded = label_key(word)
        if word[:1].isupper():
            capitals.append(folded)
        elif folded not in _FUNCTION or not word.isalpha():
            break
    return all(c in known for c in capitals) if capitals else None


def _qualified(text: str, doc: Keyed, end: int, name: Name, gazetteer: Gazetteer) -> bool:
    """The text qualifies a short form with its own labels' words ("la dix-septième session de la
    Commission"): it needs no other mention of the parent."""
    after = text[doc.offsets[end - 1] + 1 : doc.offsets[end - 1] + 121]
    return bool(_complement(_WORD.findall(after), name, gazetteer))


def _diverges(following: list[str], name: Name, gazetteer: Gazetteer) -> bool:
    """The text goes on like a longer label of the entity for a content word, then says something
    else: "l'Office des Nations Unies à Vienne" is not "... contre la drogue et le crime"."""
    words = [label_key(w) for w in following]
    for form in gazetteer.forms.get(name.slug, ()):
        if len(form) <= len(name.words):
            continue
        at = next(
            (i for i in range(len(form) - len(name.words)) if form[i : i + len(name.words)] == name.words),
            None,
        )
        if at is None:
            continue
        rest = form[at + len(name.words) :]
        shared = 0
        for index, expected in enumerate(rest):
            if index >= len(words) or not words[index]:
                break  # the text stops (punctuation): a shortened name, not another one
            if words[index] != expected:
                # another name goes on ("à Vienne", "pour la lutte contre..."); "et", "est": the
                # sentence goes on
                return shared > 0 and (words[index] in _JOINERS or following[index][:1].isupper())
            shared += expected not in _FUNCTION
    return False
