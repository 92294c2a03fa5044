"""Entities the graph does not have yet: named bodies, programmes, events, publications...

Three sources, strongest first: "Long name (ACRONYM)"; a capitalised head noun that says what the
thing is ("Commission nationale ...", "Campagne ...", "Manuel ..."), cut where spaCy's parse says
the name ends; and spaCy's named entities (ORG, MISC, LOC). The head noun gives the proposed type.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.ingest.demonyms import DEMONYMS, inflections
from kg.ingest.mentions import Mention
from kg.ingest.slugs import FUNCTION_WORDS, propose_slug

__all__ = ["NewEntity", "find_new_entities", "type_of"]

# First word of a name -> its class in our ontology (checked in this order).
_HEADS: list[tuple[str, str]] = [
    (r"programmes?", "atkg:JointProgramme"),
    (r"projets?", "atkg:JointProgramme"),
    (r"fonds", "atkg:Fund"),
    (r"campagnes?", "atkg:Campaign"),
    (
        r"conf[ée]rences?|forums?|r[ée]unions?|ateliers?|s[ée]minaires?|colloques?|sommets?|consultations?"
        r"|journ[ée]es?|semaines?|dialogues?|tables? rondes?|congr[èe]s",
        "atkg:Event",
    ),
    (
        r"comit[ée]s?|commissions?|conseils?|groupes?|r[ée]seaux?|m[ée]canismes?|coalitions?|cellules?"
        r"|task forces?|[ée]quipes?|plateformes?|observatoires?|alliances?",
        "atkg:CoordinationMechanism",
    ),
    (r"initiatives?|partenariats?|communaut[ée]s? virtuelles?", "atkg:Initiative"),
    (
        r"manuels?|guides?|rapports?|[ée]tudes?|outils?|bo[îi]tes? [àa] outils|bases? de donn[ée]es"
        r"|lois? types?"
        r"|recueils?|publications?|brochures?|modules?|cours|films?|documentaires?|bulletins?",
        "atkg:Publication",
    ),
    (r"plans?|strat[ée]gies?|politiques?", "atkg:ActionPlan"),
    (r"d[ée]clarations?|conventions?|protocoles?|chartes?", "atkg:LegalInstrument"),
    (
        r"minist[èe]res?|directions?|polices?|gendarmeries?|mar[ée]chauss[ée]es?|brigades?|services?"
        r"|parquets?|tribunaux?|cour\b|gouvernements?|parlements?|assembl[ée]es? nationales?"
        r"|sections?|unit[ée]s?|divisions?|d[ée]partements?|commandements?|inspections?"
        r"|rapporteu(?:r|se)s? nationa\w*|m[ée]diat(?:eur|rice)s?|ombudsm[ae]n|d[ée]fenseurs? des"
        r"|coordo?nn?ateurs? nationa\w*|coordinat(?:eur|rice)s? nationa\w*|procureurs?|agences? nationales?",
        "atkg:GovernmentBody",
    ),
    (r"rapporteu(?:r|se)s? sp[ée]cia\w*", "atkg:UNEntity"),
    (
        r"soci[ée]t[ée]s?|compagnies?|entreprises?|h[ôo]tels?|banques?|groupes? hôteliers?",
        "atkg:PrivateSectorEntity",
    ),
    (r"num[ée]ros? (?:d['’]urgence|vert)|lignes? (?:d['’]assistance|d['’]urgence|verte)", "atkg:Initiative"),
    (
        r"instituts?|universit[ée]s?|acad[ée]mies?|centres? de recherche|[ée]coles?",
        "atkg:AcademicInstitution",
    ),
    (
        r"associations?|fondations?|organisations? non gouvernementales?|caritas|f[ée]d[ée]rations?",
        "atkg:NonGovernmentalOrganization",
    ),
    (
        r"organisations?|agences?|offices?|bureaux?|centres?|union|communaut[ée]s?|secr[ée]tariats?",
        "atkg:IntergovernmentalOrganization",
    ),
    (r"prix|awards?", "atkg:Award"),
]
_HEAD_RE = [(re.compile(rf"(?:{pattern})\b", re.I), type_name) for pattern, type_name in _HEADS]
_REGION_WORDS = re.compile(
    r"\b(Afrique|Asie|Europe|Amérique|Caraïbes|Balkans|Pacifique|Moyen-Orient|Sahel|Golfe|Maghreb|Méditerranée)\b"
)
_ACRONYM = re.compile(r"\(([A-Z][A-Za-z0-9.\-&]{1,14})\)")
_CAPITALISED = re.compile(r"[A-ZÉÈÀÂÎÔÛÇ][\w’'\-]*")
_FUNCTION = FUNCTION_WORDS
_ENDERS = {"qui", "que", "dont", "lequel", "laquelle", "lesquels", "lesquelles", "où"}


_NAME_POS = {"NOUN", "PROPN", "ADJ", "ADP"}
_ARTICLES = {"le", "la", "les", "l'", "l’", "l"}
_NOT_NEW = {
    "Nations Unies",
    "Organisation des Nations Unies",
    "ONU",
    "Secrétaire général",
    "Assemblée générale",
    "États Membres",
    "Etats Membres",
}
_STOPS = {"par", "dans", "avec", "entre", "selon", "lors", "a", "afin", "depuis", "pendant", "vers", "chez"}


def _initials(words: list[str]) -> str:
    return "".join(w[0].upper() for w in words if w.lower() not in _FUNCTION and w[:1].isalpha())


def _common(a: str, b: str) -> int:
    """Length of the longest common subsequence (acronym letters vs. initials)."""
    row = [0] * (len(b) + 1)
    for x in a:
        previous = 0
        for j, y in enumerate(b, start=1):
            previous, row[j] = row[j], previous + 1 if x == y else max(row[j], row[j - 1])
    return row[-1]


def _name_before(text: str, end: int, acronym: str, mentions: list[Mention]) -> int | None:
    """Where the long name an acronym abbreviates starts: the capitalised word (in the same
    clause) whose following words' initials best spell the acronym, a type head breaking ties."""
    window_start = max(text.rfind(sep, 0, end) for sep in (",", ";", ":", ". ", "(", ")")) + 1
    letters = re.sub(r"[^A-Z]", "", acronym.upper())
    best: tuple[float, int] | None = None
    for word in _CAPITALISED.finditer(text, window_start, end):
        start = word.start()
        if any(m.start <= start < m.end and not m.slug.startswith("country-") for m in mentions):
            continue
        words = re.findall(r"[\w’'-]+", text[start:end].replace("’", " ").replace("'", " "))
        initials = _initials(words)
        score = _common(letters, initials) / max(len(letters), len(initials), 1)
        score += 0.3 if type_of(_tidy(text[start:end])) else 0.0
        if best is None or score > best[0] + 1e-9:
            best = (score, start)
    if best is None or best[0] < 0.34:
        return None
    return best[1]


@dataclass(frozen=True)
class NewEntity:
    start: int
    end: int
    label: str  # French label as written (OCR and spacing tidied)
    type: str
    slug: str
    acronym: str | None
    label_en: str | None
    confidence: float


_LOWER_HEADS = {
    "commission",
    "commissions",
    "comité",
    "comités",
    "groupe",
    "groupes",
    "mécanisme",
    "mécanismes",
    "conseil",
    "plan",
    "plans",
    "stratégie",
    "programme",
    "unité",
    "équipe",
    "cellule",
    "service",
    "brigade",
    "police",
    "bureau",
    "réseau",
    "observatoire",
    "campagne",
    "campagnes",
    "coordonnateur",
    "rapporteur",
    "médiateur",
    "ministère",
    "unités",
    "équipes",
    "section",
    "division",
    "département",
    "maréchaussée",
    "gendarmerie",
    "sociétés",
    "société",
    "numéro",
    "ligne",
    "coordinateur",
    "agence",
    "initiative",
    "initiatives",
    "programmes",
    "hôtel",
    "fonds",
    "conseils",
}
_BODY_HEADS = {
    "conseil",
    "comité",
    "commission",
    "groupe",
    "groupes",
    "équipe",
    "unité",
    "cellule",
    "réseau",
    "mécanisme",
    "observatoire",
    "initiative",
    "initiatives",
    "programme",
    "programmes",
    "fonds",
}
_NOT_COMPLEMENTS = {
    "pays",
    "états",
    "personnes",
    "victimes",
    "femmes",
    "enfants",
    "cas",
    "membres",
    "mesures",
}
_DEMONYM_FORMS = frozenset(
    form for adjectives in DEMONYMS.values() for adjective in adjectives for form in inflections(adjective)
)
_QUALIFIERS = re.compile(
    r"(?:nationa|interministériel|intersectoriel|interdisciplinaire|spécia|multisectoriel|régiona|conjoint|"
    r"gouvernementa|quadriennal|étatique|mobile|central|spécialisé|de\b|d[’']action|contre|sur)",
    re.I,
)


def _national_body(doc, token) -> bool:
    """A national body named in lower case ("le groupe de travail interdisciplinaire", "la police
    hongroise", "un plan d'action national"): an institutional head, then a qualifier or an
    adjective of nationality."""
    if token.lower_ != token.text or token.lower_ not in _LOWER_HEADS or token.i + 1 >= len(doc):
        return False
    following = doc[token.i + 1]
    if (
        following.lower_ in ("de", "d’", "d'", "sur", "contre", "pour", "chargé", "chargée", "chargés")
        and token.i + 2 < len(doc)
        and doc[token.i + 2].lower_ in ("travail", "lutte", "la", "lutter", "urgence", "assistance", "les")
        and any(
            t.lower_ in ("traite", "lutte", "lutter", "travail", "urgence", "enfants", "victimes")
            for t in doc[token.i + 2 : token.i + 5]
        )
    ):
        return True  # "une équipe sur la traite", "le médiateur pour les enfants"
    phrase = doc[token.i + 1 : token.i + 6]
    if any(t.lower_ in _DEMONYM_FORMS for t in phrase):
        return True  # "des sociétés de presse néerlandaises", "la maréchaussée royale néerlandaise"
    if following.text[:1].isupper() and following.is_alpha:
        return True  # "l'hôtel Hilton de Vienne"
    if (
        token.lower_ in _BODY_HEADS
        and following.lower_ in ("de", "d’", "d'")
        and token.i + 2 < len(doc)
        and doc[token.i + 2].pos_ == "NOUN"
        and doc[token.i + 2].text.islower()
        and doc[token.i + 2].lower_ not in _NOT_COMPLEMENTS
    ):
        return True  # "un conseil d'experts", "le programme de protection des victimes"
    return (
        bool(_QUALIFIERS.match(following.text))
        and following.lower_ not in ("de", "sur", "contre")
        or (
            following.pos_ == "ADJ"
            and following.lower_.endswith(("aise", "oise", "ienne", "aine", "ane", "ise", "ique"))
        )
    )


def _lowercase_continues(doc, index: int) -> bool:
    """After "et": a lower-case noun phrase continues the name ("... des personnes et le trafic
    illicite de migrants"); a capital starts another name ("... et le Fonds ..."), and so does a
    head noun ("... de coordination et les plans nationaux")."""
    for token in doc[index : index + 3]:
        if token.pos_ == "DET":
            continue
        return token.text[:1].islower() and token.pos_ in ("NOUN", "ADJ") and type_of(token.text) is None
    return False


_TITLE_HEAD = re.compile(
    r"\b(?:publication|rapport|étude|manuel|guide|brochure|document|film|documentaire|ouvrage|"
    r"intitulée?s?|titre)\s+(?:«\s*|\"|“)?(?=[A-Z])",
)
_TITLE_WORD = re.compile(r"[A-Z][\w’'-]*|and|of|the|in|to|for|on|a|an|with|against|by|from|at|&|[:–-]")


def _english_title(text: str, start: int) -> int:
    """End of an English title starting at ``start`` (capitalised words and English joiners)."""
    end = start
    position = start
    while True:
        match = _TITLE_WORD.match(text, position)
        if not match:
            break
        if match.group(0)[:1].isupper() or match.group(0) in ":":
            end = match.end()
        position = match.end()
        spaces = re.match(r"\s+", text[position:])
        position += spaces.end() if spaces else 0
    return end


_ENGLISH = re.compile(r"\s*\(\s*[“\"«]?\s*([A-Z][A-Za-z0-9'’ .&-]{3,80}?)\s*[”\"»]?\s*\)")
_ENGLISH_WORDS = re.compile(
    r"\b(?:of|the|and|for|on|against|in|to|Council|Week|Fund|Group|Programme|Office)\b"
)


def _english_after(text: str, end: int) -> tuple[str, int] | None:
    """The English name the text gives in parentheses right after the French one, and where the
    parenthesis ends ("... de vêtements (Apparel Export Promotion Council)")."""
    match = _ENGLISH.match(text, end)
    if not match or len(match.group(1).split()) < 2 or not _ENGLISH_WORDS.search(match.group(1)):
        return None
    return match.group(1), match.end()


# what only a State's office does: an "Office"/"Bureau"/"Agence" named so is national, unless its
# name says it works beyond one State ("Office européen de police", "Organisation mondiale des
# douanes", "Office international de police criminelle")
_STATE_WORK = re.compile(
    r"\bnationa(?:l|le|ux|les)\b|\bimmigration\b|\bpolice\b|\bminist[èe]re|\bfronti[èe]res?\b|\bdouanes?\b",
    re.I,
)
_BEYOND_A_STATE = re.compile(
    r"\b(?:international\w*|mondia\w*|européen\w*|région\w*|Union|Nations\s+Unies)\b", re.I
)


_CUES = [
    (re.compile(r"\b(?:campagnes?|projets?)\s*[“«\"]?\s*$", re.I), "atkg:Campaign"),
    (re.compile(r"\bprogrammes?\s*[“«\"]?\s*$", re.I), "atkg:JointProgramme"),
    (re.compile(r"\binitiatives?\s*[“«\"]?\s*$", re.I), "atkg:Initiative"),
]


_QUOTED_AFTER_CUE = re.compile(
    r"\b(?:campagnes?|projets?|programmes?|initiatives?)\s*[“«\"]\s*([A-ZÉ][^”»\"]{2,80}?)\s*[”»\"]", re.I
)


def _cued(text: str, start: int, end: int) -> str | None:
    """The type the noun before a quoted name announces ("le projet “Start Freedom”"), where the
    passage prints the name (the name may also open a later sentence: "“Start Freedom” a été")."""
    for found in re.finditer(re.escape(text[start:end]), text):
        before = text[max(0, found.start() - 30) : found.start()]
        if re.search(r"[“«\"]\s*$", before) and not re.match(r"\s*[”»\"]", text[found.end() :]):
            continue  # only the start of a quoted name ("« Espoir pour les enfants »" is not "Espoir")
        cued = next((type_name for cue, type_name in _CUES if cue.search(before)), None)
        if cued:
            return cued
    return None


def type_of(label: str) -> str | None:
    """The class a name's first word announces, or None."""
    for pattern, type_name in _HEAD_RE:
        if pattern.match(label):
            if type_name in (
                "atkg:IntergovernmentalOrganization",
                "atkg:GovernmentBody",
            ) and re.search(r"Nations Unies|ONUDC|UNODC|Secrétariat", label):
                return "atkg:UNEntity"
            if (
                type_name == "atkg:IntergovernmentalOrganization"
                and _STATE_WORK.search(label)
                and not _BEYOND_A_STATE.search(label)
            ):
                return "atkg:GovernmentBody"  # "Bureau national des enquêtes", "Bureau de l'immigration"
            return type_name
    return None


def _tidy(text: str) -> str:
    text = re.sub(r"^[|I](?=['’])", "", text.strip())
    text = re.sub(r"^[lLdD]['’]\s*", "", text)
    text = re.sub(r"\s+", " ", text).strip(" ,;:.'’\"&")
    text = re.sub(r"\s+[dlDL]$", "", text)  # "Groupe d’" cut at the elision
    return text


def _year(sentence: str) -> str | None:
    years = re.findall(r"\b(19[5-9]\d|20\d\d)\b", sentence)
    return years[0] if years else None


_NATIONAL = {"atkg:GovernmentBody"}
_TITLES = {"atkg:Publication", "atkg:Event", "atkg:Campaign"}
_NOT_IN_NAMES = {"ses", "son", "sa", "leur", "leurs", "ont", "est", "sont", "été", "a", "avait", "sera"}
_NOT_HEADS = {"les", "des", "une", "aux", "par", "pour", "avec", "dans", "sur", "entre", "the"}
_INTERNATIONAL = {"atkg:UNEntity", "atkg:IntergovernmentalOrganization", "atkg:Region", "atkg:Publication"}


def find_new_entities(text: str, doc, mentions: list[Mention]) -> list[NewEntity]:
    """New entities in one passage (``doc`` is its spaCy parse), not overlapping known mentions."""
    from kg.ingest.sentences import sentences

    spans = sentences(text)
    found: list[NewEntity] = []

    def free(start: int, end: int) -> bool:
        """Not over another proposal, nor over a known name unless the new name holds it whole
        after its own head ("l'Alliance de l'OSCE contre la traite", "la Section ... de l'ONUDC")."""
        if any(start < e and s < end for s, e in taken):
            return False
        return not any(
            start < e and s < end and not (start < s and e <= end and _head(start, s)) for s, e in known
        )

    def _head(start: int, mention_start: int) -> bool:
        """Words of the new name's own before the known one: "Alliance de l'", not "L'"."""
        return any(
            w.lower() not in _NOT_HEADS for w in re.findall(r"[^\W\d_]{3,}", text[start:mention_start])
        )

    known = [(m.start, m.end) for m in mentions if not m.slug.startswith("country-")]
    taken: list[tuple[int, int]] = []
    countries = [m for m in mentions if m.slug.startswith("country-")]

    def _anchored(start: int, end: int) -> bool:
        """Plural bodies in lower case are instances when counted ("14 groupes de police", "deux
        commissions nationales"), of a nationality, or owned by a known name ("... de l'ONUDC")."""
        if re.search(
            r"(?:\d|\b(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|plusieurs))\W+(?:\w+\W+)?$",
            text[max(0, start - 30) : start],
        ):
            return True
        if any(start <= m.start and m.end <= end for m in countries):
            return True  # "des sociétés de presse néerlandaises"
        return any(start < s and e <= end for s, e in known)

    def country_of(start: int, end: int, sentence: tuple[int, int]) -> str | None:
        """The State a national body belongs to: named in its name, else the last one named
        before it in its sentence, else in its passage."""
        inside = [m for m in countries if start <= m.start < end]
        before = [m for m in countries if m.end <= start and m.start >= sentence[0]]
        earlier = [m for m in countries if m.end <= start]
        for group in (inside, before[::-1], earlier[::-1]):
            if group:
                return group[0].slug.removeprefix("country-").lower()
        return None

    def keep(
        start: int,
        end: int,
        label: str,
        type_name: str,
        acronym: str | None,
        confidence: float,
        national: bool = False,
    ) -> None:
        label = _tidy(label)
        if len(label) < 3 or not free(start, end) or not label[0].isupper() or label in _NOT_NEW:
            return
        if " " not in label and not acronym and type_of(label) and not label.isupper():
            return  # "le Groupe", "le Fonds": a head noun alone points back to a name given before
        if not acronym and _head_and_period(label):
            return  # "le Plan de travail du Groupe pour 2014-2015": the Groupe named before, and a period
        if label.lower().startswith("plan ") and re.search(
            r"\bsur\s+le\s+$", text[max(0, start - 8) : start]
        ):
            return  # "menées sur le plan national": at the national level, not a plan
        if re.match(r"I[^\W\dA-Zn-z]|I[\"'’]", label):
            return  # OCR read "l'" or "l" as "I": "Iégislation", "I"élaboration"
        if (
            national
            and " " not in label.strip()
            or (national and len(label.split()) <= 2 and label.split()[0].lower().endswith(("s", "x")))
        ):
            return  # "campagnes nationales", "unités spécialisées": a kind, not one body
        if type_name == "atkg:Region" and any(m.start < end and start < m.end for m in countries):
            return  # "États-Unis d'Amérique" is a country
        if "/" in text[max(0, start - 1) : end + 1] or any(label.startswith(n + " ") for n in _NOT_NEW):
            return  # document symbols ("CTOC/COP/2006/6"); "Organisation des Nations Unies à New York"
        if type_name not in _TITLES and (
            _NOT_IN_NAMES & set(re.findall(r"\w+", label.lower())) or label.split()[1:2] == ["et"]
        ):
            return  # "Groupe pour ses travaux", "Mécanisme a reçu": a clause, not a name
        if national and label.split()[0].lower().endswith(("s", "x")) and not _anchored(start, end):
            return  # "programmes de formation": a kind of thing, unless counted or owned
        if re.match(r"Gouvernements?\b", label):
            return  # "le Gouvernement béninois" is the State: the country mention stands for it
        bounds = next(((a, b) for a, b in spans if a <= start < b), (0, len(text)))
        sentence = text[bounds[0] : bounds[1]]
        english = _english_after(text, end)
        # the conventions want short English slugs: from the English name when the text gives one
        slug = propose_slug(
            english[0] if english and not acronym else label, type_name, acronym, _year(sentence)
        )
        if not slug:
            return
        if type_name in _NATIONAL or (national and type_name not in _INTERNATIONAL):
            state = country_of(start, end, bounds)
            if state and not slug.startswith(f"{state}-"):
                slug = f"{state}-{slug}"  # kg/data/README.md: national body <iso3>-<name>
        found.append(
            NewEntity(start, end, label, type_name, slug, acronym, english and english[0], confidence)
        )
        taken.append((start, english[1] if english else end))

    for match in _ACRONYM.finditer(text):
        acronym = match.group(1)
        if acronym.isdigit() or any(match.start() <= m.start and m.end <= match.end() for m in mentions):
            continue  # a known acronym: the name before it is the known one's
        best = _name_before(text, match.start(), acronym, mentions)
        if best is None:
            continue
        if sum(c.isupper() for c in acronym) < 2 and not (
            type_of(_tidy(text[best : match.start()])) and len(text[best : match.start()].split()) >= 4
        ):
            continue  # "(Frontex)" after a long named body is its short name; "(Vienne)" is not
        label = text[best : match.start()]
        type_name = type_of(_tidy(label)) or "org:Organization"
        keep(best, match.end(), label, type_name, acronym, 0.8)

    for match in re.finditer(r"«\s*([A-ZÉ][^»]{8,150}?)\s*»", text):
        before = text[max(0, match.start() - 40) : match.start()].lower()
        head = re.search(r"(\w+)\s+(?:intitulée?s?\s+|sur le thème\s+)?$", before)
        type_name = type_of(head.group(1)) if head else None
        if type_name is None and len(match.group(1).split()) >= 3:
            type_name = "atkg:Publication"
        if type_name:
            keep(match.start(1), match.end(1), match.group(1), type_name, None, 0.5)
    for match in _QUOTED_AFTER_CUE.finditer(text):  # "le projet “Start Freedom”"
        keep(
            match.start(1), match.end(1), match.group(1), _cued(text, match.start(1), match.end(1)), None, 0.5
        )
    for match in _TITLE_HEAD.finditer(text):
        end = _english_title(text, match.end())
        title = text[match.end() : end]
        if len(title.split()) >= 3 and re.search(r"\b(?:and|of|the|in|to|for|on)\b", title):
            keep(match.end(), end, title, "atkg:Publication", None, 0.5)

    for token in doc:
        lower = _national_body(doc, token)
        starts_sentence = (
            token.i == 0 or doc[token.i - 1].text in (".", "!", "?") or doc[token.i - 1].is_digit
        )
        if not lower and (not token.text[:1].isupper() or starts_sentence):
            continue
        type_name = type_of(token.text + " " + (token.nbor(1).text if token.i + 1 < len(doc) else ""))
        if type_name is None:
            continue
        end = token.i + 1
        for follower in doc[token.i + 1 : token.i + 18]:
            if follower.lower_ in _STOPS:
                break  # "Protocole par les États", "Mécanisme a reçu": the sentence goes on
            if (
                follower.lower_ in ("de", "d’", "d'")
                and follower.i + 1 < len(doc)
                and "Inf" in doc[follower.i + 1].morph.get("VerbForm")
            ):
                break  # "prié le Groupe d'avancer": an infinitive, not a complement
            if (
                follower.pos_ in _NAME_POS
                or (follower.pos_ == "DET" and follower.lower_ in _ARTICLES)
                or (
                    follower.pos_ == "VERB"
                    and "Part" in follower.morph.get("VerbForm")
                    and follower.i == end
                    and follower.i + 1 < len(doc)
                    and (
                        doc[follower.i + 1].lower_ in ("de", "d’", "d'", "des", "du")
                        or "Part" in doc[follower.i + 1].morph.get("VerbForm")
                    )
                )  # "Comité ... chargé de lutter", "unité spécialisée chargée des", not "Forum ... tenue à"
                or (
                    follower.lower_ == "et"
                    and end > token.i + 1
                    and _lowercase_continues(doc, follower.i + 1)
                )
            ):
                end = follower.i + 1
                continue
            break
        span = doc[token.i : end]
        while len(span) > 1 and (span[-1].is_punct or span[-1].lower_ in _FUNCTION or span[-1].pos_ == "DET"):
            span = span[: len(span) - 1]
        if len(span) < 2:
            continue
        label = span.text[:1].upper() + span.text[1:]
        keep(span.start_char, span.end_char, label, type_name, None, 0.45 if lower else 0.6, lower)

    for ent in doc.ents:
        if ent.label_ not in ("ORG", "MISC", "LOC") or ent.text in _NOT_NEW:
            continue
        single = len(ent) < 2
        if single and not (
            ent.label_ == "ORG" and len(ent.text) >= 3 and ent.text[:1].isupper() and ent[0].pos_ == "PROPN"
        ):
            continue  # "Assemblée", "Dirigeants": a common noun spaCy took for a name
        if ent.label_ == "LOC":
            if _REGION_WORDS.search(ent.text):
                keep(ent.start_char, ent.end_char, ent.text, "atkg:Region", None, 0.5)
            continue
        proper = all(w[:1].isupper() for w in ent.text.split() if w.lower() not in _FUNCTION)
        type_name = (
            _cued(text, ent.start_char, ent.end_char)
            or type_of(ent.text)
            or ((_english_type(ent.text) or "org:Organization") if ent.label_ == "ORG" or proper else None)
        )
        if type_name is None:
            continue
        keep(
            ent.start_char,
            ent.end_char,
            ent.text,
            type_name,
            None,
            0.35 if single or ent.label_ == "MISC" else 0.4,
        )

    persons = {(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PER"}
    places = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "LOC"]
    for start, end in _proper_runs(doc):
        label = text[start:end]
        place = any(a < end and start < b for a, b in places) and not any(
            p.search(label) for p, _ in _ENGLISH_HEADS
        )
        if place or "/" in text[max(0, start - 1) : end + 1]:
            continue  # "New York", "Port Elizabeth"; document symbols "CTOC/COP/2006/6"
        english = _english_type(label)
        if cued := _cued(text, start, end):
            type_name = cued  # "le projet “Start Freedom”", "la campagne “Sois vigilant”"
        elif re.search(
            r"(?:organisation non gouvernementale|\bONG|association)\s+$",
            text[max(0, start - 40) : start],
            re.I,
        ):
            type_name = (
                "atkg:NonGovernmentalOrganization"  # "l'organisation non gouvernementale Stop the Traffik"
            )
        elif english not in (None, "org:Organization"):
            type_name = english
        elif (start, end) in persons or any(a <= start and end <= b for a, b in persons):
            type_name = "foaf:Person" if " " in label else None
        else:
            type_name = english
        if type_name:
            keep(start, end, label, type_name, None, 0.35)

    for entity in list(found):  # a body named inside another's name: "Académie du Ministère de ..."
        for inner in _COMPLEMENT.finditer(text, entity.start, entity.end):
            inner_type = type_of(inner.group(1))
            start, end = inner.start(1), entity.end
            if inner_type is None or any(m.start < end and start < m.end for m in mentions):
                continue
            label = _tidy(text[start:end])
            slug = propose_slug(label, inner_type, None, None)
            if entity.slug[:4] == slug[:4] or not slug or len(label.split()) < 2 or _head_and_period(label):
                continue
            if inner_type in _NATIONAL:
                bounds = next(((a, b) for a, b in spans if a <= start < b), (0, len(text)))
                state = country_of(start, end, bounds)
                slug = f"{state}-{slug}" if state and not slug.startswith(f"{state}-") else slug
            found.append(NewEntity(start, end, label, inner_type, slug, None, None, 0.4))
    return sorted(found, key=lambda e: e.start)


_PERIOD_AFTER = re.compile(
    r"\s+(?:pour|en|de|depuis)\s+(?:la\s+période\s+)?(?:19|20)\d\d(?:\s*[-–]\s*\d{2,4})?$"
)


def _head_and_period(label: str) -> bool:
    """ "Groupe pour 2014-2015" (in "le Plan de travail du Groupe pour 2014-2015"): a head noun that
    points back to a body named before, and a period; not a new name."""
    bare = _PERIOD_AFTER.sub("", label)
    return bare != label and " " not in bare and type_of(bare) is not None


_COMPLEMENT = re.compile(r"\b(?:de la|du|de l['’]|des|d['’])\s*([A-ZÉ][\w’'-]+(?:\s+[\w’'-]+)*)")
_ENGLISH_JOINERS = {"of", "the", "and", "for", "in", "on", "against", "to", "&", "bint", "bin", "al", "el"}
_NOT_NAMES = {
    "ONG",
    "ONU",
    "VIH",
    "SIDA",
    "PIB",
    "TIC",
    "NB",
    "II",
    "III",
    "IV",
    "VI",
    "VII",
    "VIII",
    "IX",
    "XI",
    # media and formats, not bodies ("la production de vidéos et de DVD")
    "DVD",
    "CD",
    "SMS",
    "PDF",
    "URL",
}
_ENGLISH_HEADS = [
    (
        re.compile(r"\b(?:Airways|Airlines|Hotels?|Bank|Company|Inc|Ltd|Corporation|Lines)\b"),
        "atkg:PrivateSectorEntity",
    ),
    (
        re.compile(r"\b(?:Foundation|Association|Children|Society|Watch|Action|Federation|Trust)\b"),
        "atkg:NonGovernmentalOrganization",
    ),
    (
        re.compile(r"\b(?:Council|Committee|Network|Alliance|Coalition|Task Force|Group)\b"),
        "atkg:CoordinationMechanism",
    ),
    (
        re.compile(r"\b(?:News|TV|Radio|Television|Broadcasting|Times|Press|Media)\b"),
        "atkg:MediaOrganization",
    ),
]


def _english_type(label: str) -> str | None:
    """A run of capitalised words in a French text is a proper name: its English head word, if
    any, says what it is; two words or a word in capitals (an acronym) make an organisation."""
    for pattern, type_name in _ENGLISH_HEADS:
        if pattern.search(label):
            return type_name
    if " " in label or (label.isupper() and len(label) >= 3 and label not in _NOT_NAMES):
        return "org:Organization"
    return None


def _proper_runs(doc) -> list[tuple[int, int]]:
    """Character spans of capitalised words in a row ("Stop the Traffik", "Deutsche Welle",
    "EXIT"), not opening a sentence (whose first word is capitalised anyway), English joiners
    allowed inside."""
    runs: list[tuple[int, int]] = []
    current: list = []

    def close() -> None:
        while current and current[-1].lower_ in _ENGLISH_JOINERS:
            current.pop()
        if current:
            words = [t for t in current if t.text[:1].isupper()]
            if len(words) >= 2 or (len(words) == 1 and words[0].text.isupper() and words[0].text.isalpha()):
                runs.append((current[0].idx, current[-1].idx + len(current[-1].text)))
        current.clear()

    for token in doc:
        opening = (
            token.i == 0
            or doc[token.i - 1].text in (".", "!", "?", ":", "“", "«", '"')
            or doc[token.i - 1].is_digit
        )
        capital = token.text[:1].isupper() and token.is_alpha and token.pos_ in ("PROPN", "NOUN", "ADJ", "X")
        if capital and not (opening and not current and not token.text.isupper()):
            current.append(token)
        elif (
            current
            and token.lower_ in _ENGLISH_JOINERS
            and token.i + 1 < len(doc)
            and doc[token.i + 1].text[:1].isupper()
        ):
            current.append(token)
        else:
            close()
    close()
    return runs
