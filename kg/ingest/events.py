"""Events the report describes instead of naming: "un atelier régional a été organisé au
Cap-Vert", "une réunion de chercheurs", "la prochaine réunion du Groupe", "sa cinquième session".

UN reports rarely give a meeting, workshop or training a proper name, so the name-based finders
(kg.ingest.newentities) never see them, and every fact about them (organiser, participants,
place, dates) had nothing to hang on. Here a lower-case event noun after a determiner, with the
words that qualify it, is proposed as a new ``atkg:Event`` whose French label is those words as
printed ("atelier régional", "réunion de chercheurs") and whose slug follows kg/data/README.md
(``event-<words>-<year>``). Only an event the sentence anchors (a date, a place, or a verb such as
"organisé", "tenu", "accueilli", "participé") is proposed: "des échanges d'informations" with
nothing around it is a common noun, not a meeting.

Its facts come from the same sentence rules as any event (kg.ingest.facts: organised by, hosted
by, place, dates, country) plus :func:`event_facts`, the phrasings those rules do not read: "X a
tenu une réunion" / "le débat que X a tenu", "X, à sa dix-septième session", "la session du
Conseil des droits de l'homme", "X accueille une réunion", and the participants listed after
"étaient présents aux réunions:" / "Ont participé aux réunions ... les organisations suivantes:".
"""

from __future__ import annotations

import re

from kg.ingest.dates import date_range, first_date
from kg.ingest.facts import Item, Proposal
from kg.ingest.mentions import Mention
from kg.ingest.newentities import NewEntity
from kg.ingest.sentences import sentences
from kg.ingest.slugs import propose_slug

__all__ = ["find_events", "event_facts"]

EVENT = "atkg:Event"

_HEAD = (
    r"réunions?|ateliers?|séminaires?|conférences?|forums?|colloques?|sommets?|sessions?"
    r"|séances?\s+d[’']\s*information|tables?\s+rondes?|expositions?|échanges?\s+entre|manifestations?"
    r"|événements?|débats?\s+thématiques?|stages?\s+de\s+formation|cours\s+de\s+formation"
    r"|programmes?\s+de\s+formation|formations?\s+(?=[a-zé]+ée?s?\b)|consultations?\s+officieuses?"
    r"|tournois"
)
# ordinals and the few adjectives printed before the noun: part of the label ("cinquième session")
_BEFORE = r"(?:(?:premi[eè]re?|prochaine?|nouvelle|nouveau|grande?|[a-zé]+(?:-\s?[a-zé]+)?i[èéeê]me)\s+){0,2}"
_DETERMINER = (
    r"(?:\b(?:[Uu]ne?|[Dd]es|[Ll]es|[Ll]a|[Ll]e|[Ss]a|[Ss]es|[Ss]on|[Dd]u|[Aa]ux|[Aa]u|[Dd]e)\s+"
    r"|\b[LlDd][’']\s*"
    r"|\b(?:a|ont)\s+tenu\s+(?=(?:deux|trois|quatre|cinq|six|plusieurs)\s))"  # "a tenu deux réunions"
    r"(?:(?:deux|trois|quatre|cinq|six|plusieurs|nombreu(?:x|ses))\s+)?"
)
_EVENT_RE = re.compile(rf"{_DETERMINER}(?P<name>{_BEFORE}(?P<head>{_HEAD}))\b")
# where the words that qualify the noun stop: a clause, a verb, a place, a date, a purpose
_STOP = re.compile(
    r"[,;:()«»“”\"\[\]]|\.(?:\s|$)|\s(?:qui|que|qu[’']|dont|où|lequel|laquelle|lesquels|lesquelles|auxquel\w*|auquel"
    r"|tenue?s?|organisée?s?|accueillie?s?|prévue?s?|intitulée?s?|a|ont|est|sont|était|étaient|sera"
    r"|seront|s[’']est|se|s[’']|avait|avaient|ayant|pour|afin|dans|lors|avec|depuis|pendant|chaque"
    r"|pourr\w+|peu\w+|doi\w+|vis\w+|permet\w*"
    r"|jusqu[’']|actuellement|également|y|en(?!\s+(?:matière|faveur|vue|ce\s+qui))"
    r"|(?:à|au|aux)(?=\s+[A-ZÉ])|(?:le|les|du|au)(?=\s+(?:\d|1er))|à\s+(?:l[’']|la)\s*(?:issue|occasion|intention))\b"
)
_PART_OF_NAMED = re.compile(r"\s+(?:du|de\s+la|de\s+l[’'])\s*(?=(?:Forum|Sommet|Conférence|Congrès)\b)")
_OWNER = re.compile(r"\s+(?:du|de\s+la|de\s+l[’']|d[’'])\s*(?=[A-ZÉ])")
_TRAILING = re.compile(r"(?:\s+(?:de|des|du|d[’']|la|le|les|l[’']|à|au|aux|et|sur|en))+\s*$")
_ANCHOR = re.compile(
    r"organis|\btenue?s?\b|tiendra|accueill|eu\s+lieu|particip|présents?\b"
    r"|dirig|inaugur|célébr|s[’']est\s+déroul|rassembl",
    re.I,
)
_SUMMARY = re.compile(r"(?:jusqu[’']\s*)?à\s+ce\s+jour", re.I)  # "les trois réunions tenues à ce jour"


def _before_owner(text: str, head_end: int, end: int) -> int:
    """Where the words qualifying the noun itself end ("réunion annuelle| des experts")."""
    words = re.match(
        r"(?:\s+[a-zéèêàç]+(?:ale|el|elle|aire|ique|ée?|aux|ales|elles|iques|aires|és|ées)\b)*",
        text[head_end:end],
    )
    return head_end + (words.end() if words else 0)


def _label(text: str, start: int, head_end: int, limit: int) -> tuple[int, str]:
    """(end, label): the event's words from its first word up to where the qualifying words stop."""
    stop = _STOP.search(text, head_end, limit)
    end = stop.start() if stop else limit
    words = text[head_end:end].split()
    if len(words) > 14:  # a long complement is the sentence going on, not the name
        end = head_end + len(" ".join(text[head_end:end].split()[:14])) + 1
    tail = _TRAILING.search(text, start, end)
    if tail:
        end = tail.start()
    label = re.sub(r"\s+", " ", text[start:end]).strip()
    label = re.sub(r"\s+’\s*|’\s+", "’", label)
    return start + len(text[start:end].rstrip()), label


_DATED = re.compile(
    r"\s+(?P<held>(?:tenue?s?|organisée?s?)\s+)?(?P<date>en\s+(?:[a-zéû]+\s+)?(?:19|20)\d\d)\b"
    r"(?P<topic>\s+(?:sur|consacrée?s?\s+à)\s)?"
)


_TITLED = re.compile(r"[^.;:“”«»\"]{0,60}?\bintitulée?s?\s*[“«\"]\s*(?P<title>[^”»\"]{5,200}?)\s*[”»\"]")


def _dated(
    text: str, start: int, head_end: int, limit: int, label: str, held: bool = False
) -> tuple[int, str]:
    """A bare noun named by its date: "réunions tenues en décembre 2006" as printed, or "atelier
    [en octobre 2007] sur l'élaboration d'un mécanisme" without the date; after the verb that
    holds it (``held``: "a tenu deux réunions en 2007") the date alone names it."""
    match = _DATED.match(text, head_end, limit)
    if match is None or not (held or match.group("held") or match.group("topic")):
        return head_end, label
    if match.group("topic"):
        end, topic = _label(text, match.start("topic") + 1, match.end("topic") - 1, limit)
        return end, f"{label} {topic}"
    return match.end(), re.sub(r"\s+", " ", text[start : match.end()])


def _year(sentence: str, at: int) -> str | None:
    """The event's year: the first date after it in its sentence, else the last one before."""
    after = first_date(sentence[at:])
    if after:
        return after[:4]
    before = re.findall(r"\b(?:19|20)\d\d\b", sentence[:at])
    return before[-1] if before else None


def find_events(text: str, mentions: list[Mention], taken: list[NewEntity]) -> list[NewEntity]:
    """Events one passage describes, outside the names already found (known or new)."""
    busy = [(m.start, m.end) for m in mentions] + [(e.start, e.end) for e in taken]
    found: list[NewEntity] = []
    for begin, finish in sentences(text):
        sentence = text[begin:finish]
        if _SUMMARY.search(sentence):
            continue  # "présents aux trois réunions tenues à ce jour": the ones already named
        for match in _EVENT_RE.finditer(sentence):
            start = begin + match.start("name")
            head_end = begin + match.end("head")
            if any(s < head_end and start < e for s, e in busy):
                continue
            determiner = match.group(0)[: match.start("name") - match.start()].strip().lower()
            end, label = _label(text, start, head_end, finish)
            bare = label.lower() == match.group("head").lower() or len(label.split()) < 2
            titled = _TITLED.match(text, head_end, finish)
            if bare and titled:  # "un événement [...] intitulé “Améliorer la lutte ...”": its title
                if any(a < titled.end("title") and titled.start("title") < b for a, b in busy):
                    continue  # a title the graph (or a name found before) already has
                end, label = titled.end("title"), re.sub(r"\s+", " ", titled.group("title")).strip()
                bare = False
            if bare:  # "des réunions tenues en décembre 2006", "un atelier en octobre 2007 sur ...":
                held = determiner.startswith(("a ", "ont "))
                end, label = _dated(text, start, head_end, finish, label, held)  # the date names it
                bare = label.lower() == match.group("head").lower() or len(label.split()) < 2
            if bare:
                continue  # "l'atelier", "une réunion": a reference, or too little to name it
            if re.search(r"(?:pendant|au\s+cours\s+de)\s+(?:sa|leur)\s+$", sentence[: match.start("name")]):
                continue  # "pendant sa soixante-septième session": when, not what
            if re.search(r"\b(?:d[’']organiser|de\s+tenir|de\s+convoquer)\s+$", sentence[: match.start()]):
                continue  # "priait l'ONUDC d'organiser une réunion": asked for, not held
            part_of = _PART_OF_NAMED.match(text, head_end, end)
            if part_of and any(a == part_of.end() for a, _ in busy):
                continue  # "une session du Forum économique mondial": the named event's, read with it
            ordinal = re.match(r"[a-zé\- ]+i[èéeê]me|premi|prochain", label)
            if determiner in ("de", "d'", "d’") and not ordinal:
                continue  # "activités de formation", "d'échanges": a kind of activity
            local = match.start("name")
            window = sentence[max(0, local - 80) : min(len(sentence), end - begin + 80)]
            if not (_ANCHOR.search(window) or first_date(window) or re.search(r"\bà\s+[A-ZÉ]", window)):
                continue
            year = _year(sentence, end - begin)
            slug = propose_slug(label, EVENT, None, year)
            # "la prochaine réunion du Groupe": the name after "du" stays its own (a reference to
            # resolve, a body to link), so the event's span stops before it; its label does not
            owner = _OWNER.match(text, _before_owner(text, head_end, end))
            span_end = owner.start() if owner and owner.start() < end else end
            found.append(NewEntity(start, span_end, label, EVENT, slug, None, None, 0.5))
            busy.append((start, end))
    return found


def _agents_in_clause(items: list[Item], end: int, sentence: str) -> list[Item]:
    """Agents named between the last clause break before ``end`` and ``end``."""
    clause = max((m.end() for m in re.finditer(r"[;:]|,\s+(?=[a-zé])", sentence[:end])), default=0)
    return [i for i in items if clause <= i.start and i.end <= end and i.agent]


_HELD = re.compile(r"\b(?:a|ont|avait|avaient)\s+(?:\S+\s+)?tenue?s?\b")
_HOSTS = re.compile(r"\baccueille(?:nt)?\b")
_AT_SESSION = re.compile(r"\b(?:[àa]|lors\s+de)\s+(?:sa|ses|leur)\s+")  # "à sa cinquième session"
_OF = re.compile(r"\s+(?:du|de\s+la|de\s+l[’']\s*|d[’']\s*|de|des)\s*$")  # "session du Conseil"
_LISTED = re.compile(r"(?:présents?\s+(?:à|aux?)\b|\bont\s+participé\s+(?:à|aux?)\b)[^:]*:", re.I)


_FRONTED = re.compile(r"^\s*(?:\d+\.\s*)?(?:En|Au\s+cours\s+de|Depuis)\s+(?P<when>[^,]{4,30}),")
_IN_COUNTRY = re.compile(r"\b(?:en|au|aux)\s*$")
_THEN_EVENT = re.compile(r"\s*,\s*(?:une?|des|la|le|les|l[’'])?\s*")


def _when_and_where(sentence: str, event: Item, items: list[Item]) -> list[Proposal]:
    """Dates and country kg.ingest.facts does not read: a range printed before the event ("a
    organisé au Caire, les 11 et 12 janvier 2008, une réunion"), the date that opens the sentence
    ("En décembre 2011, l'ONUDC et l'OIM ont organisé un atelier commun"), a one-day event's end,
    and the country printed between the verb and the event ("a organisé, en Albanie, un atelier")."""
    out: list[Proposal] = []
    following = [i.start for i in items if i.type == EVENT and i.start > event.start]
    after = sentence[event.start : min(following, default=len(sentence))]  # not the next event's
    span = date_range(after)
    when = None if span else first_date(after)
    if span is None:
        span = date_range(sentence[max(0, event.start - 60) : event.start])
        if span:
            out += [
                Proposal(event.slug, "atkg:startDate", span[0], 0.5),
                Proposal(event.slug, "atkg:endDate", span[1], 0.5),
            ]
    if span is None and when is None:
        fronted = _FRONTED.match(sentence)
        when = first_date(fronted.group("when")) if fronted and fronted.end() <= event.start else None
        if when:
            out.append(Proposal(event.slug, "atkg:startDate", when, 0.45))
    if event.new and span is None and when and re.fullmatch(r"\d{4}-\d\d-\d\d", when):
        out.append(Proposal(event.slug, "atkg:endDate", when, 0.4))  # a day: it ends when it starts
    if not any(i.country and i.start > event.start for i in items):
        for country in (i for i in items if i.country and 0 < event.start - i.end <= 40):
            between = sentence[country.end : event.start]
            if _IN_COUNTRY.search(sentence[: country.start]) and _THEN_EVENT.fullmatch(between):
                out.append(Proposal(event.slug, "atkg:location", country.slug, 0.45))
    return out


_PEOPLE = re.compile(
    r"\b(?:acteurs|praticiens|fonctionnaires|agents|représentants|participants|experts|juges|procureurs"
    r"|enquêteurs|policiers|responsables|officiers|magistrats|diplomates)\b"
)
_FIRST_GAP = re.compile(r"(?:\s+[a-zé’']+){0,3}\s+")  # "officiers de liaison albanais"
_ADJECTIVE_GAP = re.compile(r"\s*(?:,|et|,\s*et)?\s*")


def event_facts(sentence: str, items: list[Item], context: list[Item] = ()) -> list[Proposal]:
    """Organisers, hosts and participants of the events in one sentence that kg.ingest.facts'
    trigger rules do not read (see the module docstring)."""
    items = sorted(items, key=lambda i: i.start)
    events = [i for i in items if i.type == EVENT]
    out: list[Proposal] = []
    for event in events:
        # "la session du Conseil des droits de l'homme", "la réunion du Groupe": the body whose
        # meeting it is, named inside the event's own words or right after them
        inside = [
            i
            for i in items
            if i.agent
            and event.start < i.start
            and (
                _OF.search(sentence[event.start : i.start])
                if i.start < event.end
                else _OF.fullmatch(sentence[event.end : i.start])
            )
        ]
        if inside and not any(i.type == EVENT for i in items if event.start < i.start < inside[0].start):
            out.append(Proposal(event.slug, "atkg:organizedBy", inside[0].slug, 0.5))
    for event in events:
        out += _when_and_where(sentence, event, items)
    for match in _HELD.finditer(sentence):
        after = next((e for e in events if 0 <= e.start - match.end() <= 60), None)
        agents = _agents_in_clause(items, match.start(), sentence)[-1:]
        if after and agents:  # "Le Groupe a tenu deux réunions à New York"
            out.append(Proposal(after.slug, "atkg:organizedBy", agents[0].slug, 0.6))
            continue
        before = [e for e in events if e.end <= match.start()]
        if before and agents and re.search(r"\bqu[e’']", sentence[before[-1].end : agents[0].start]):
            out.append(Proposal(before[-1].slug, "atkg:organizedBy", agents[0].slug, 0.6))  # "que X a tenu"
    for match in _HOSTS.finditer(sentence):
        after = next((e for e in events if 0 <= e.start - match.end() <= 40), None)
        agents = _agents_in_clause(items, match.start(), sentence)[-1:]
        if after and agents:  # "Le Japon accueille une réunion annuelle des points de contact"
            out.append(Proposal(after.slug, "atkg:hostedBy", agents[0].slug, 0.55))
    for match in _AT_SESSION.finditer(sentence):
        after = next((e for e in events if 0 <= e.start - match.end() <= 4), None)
        agents = [i for i in items if i.end <= match.start() and i.agent and not i.country]
        if after and agents:  # "la Commission [...] a été saisie à sa dix-septième session", "X
            # a examiné, lors de sa réunion de 2012, ...": its own meeting
            out.append(Proposal(after.slug, "atkg:organizedBy", agents[-1].slug, 0.55))
    if len(events) == 1:
        # "un atelier [...] pour apporter un soutien aux acteurs béninois, guinéens et togolais":
        # the States whose people the event brought together, named by their adjective
        for people in _PEOPLE.finditer(sentence, events[0].start):
            cursor = people.end()
            for country in (i for i in items if i.country and i.start >= cursor):
                gap = _FIRST_GAP if cursor == people.end() else _ADJECTIVE_GAP
                if not (
                    gap.fullmatch(sentence[cursor : country.start]) and sentence[country.start].islower()
                ):
                    break
                out.append(Proposal(events[0].slug, "atkg:participant", country.slug, 0.45))
                cursor = country.end
    out += _brought_together(sentence, events, items, context)
    listed = _LISTED.search(sentence)
    if listed:
        # "étaient présents aux trois réunions tenues jusqu'à ce jour: A, B, C": the meetings the
        # passage named before (this sentence's own, else the last one)
        target = [e for e in events if e.end <= listed.end()][-1:] or [c for c in context if c.type == EVENT][
            -1:
        ]
        if target:
            for agent in (i for i in items if i.start >= listed.end() and i.agent):
                out.append(Proposal(target[0].slug, "atkg:participant", agent.slug, 0.5))
    return out


# "la réunion a rassemblé 45 représentants de 16 entités, dont l'UNICEF, le HCR et Interpol", "La
# Conférence a réuni 120 participants venus de 14 pays, parmi lesquels des représentants de A et de B"
_BROUGHT = re.compile(
    r"\b(?:a|ont|avait)\s+(?:réuni|rassemblé)\s+(?:plus\s+de\s+|près\s+de\s+|quelque\s+)?[\w\s]{0,12}?"
    r"(?:représentants|participants|délégués|experts|personnes)\b[^;:.]{0,60}?"
    r"(?:,\s*|\s+)(?:dont|parmi\s+lesquels|notamment|en\s+particulier)\s+(?:des\s+représentants\s+)?",
    re.I,
)
_EVENT_NOUN = re.compile(
    r"(?:^|\b[Ll]a\s+|\b[Cc]ette\s+|\b[Ll][’']\s*)(?:réunion|conférence|manifestation|session|assemblée|atelier"
    r"|séminaire|forum|table\s+ronde)\b|^\s*(?:\d+\.\s*)?(?:Elle|Il)\s",
    re.I,
)


def _brought_together(sentence: str, events: list[Item], items: list[Item], context) -> list[Proposal]:
    """Participants an event "a réuni [...] dont" or "parmi lesquels": the event named before the
    verb, else the one the passage named last when the sentence calls it "la réunion" or "Elle"."""
    out: list[Proposal] = []
    for match in _BROUGHT.finditer(sentence):
        before = [e for e in events if e.end <= match.start()]
        if before:
            event = before[-1]
        elif _EVENT_NOUN.search(sentence[: match.start()]):
            event = next((c for c in reversed(list(context)) if c.type == EVENT), None)
        else:
            event = None
        if event is None:
            continue
        cursor = match.end()
        for agent in (i for i in items if i.start >= match.end()):
            if not agent.agent or not re.fullmatch(
                r"\s*(?:,|et|,\s*et|ainsi\s+que)?\s*(?:de\s+)?(?:l[’']\s*|la\s+|le\s+|les\s+|du\s+|des\s+)?",
                sentence[cursor : agent.start],
            ):
                break
            out.append(Proposal(event.slug, "atkg:participant", agent.slug, 0.5))
            cursor = agent.end
    return out
