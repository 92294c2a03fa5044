"""Colours and shapes: fixed per class and per kind of tie, so a colour means the same in every view.

Actors are dots; things actors do or sign have their own shapes, so a reader tells an agreement
from an agency without the legend.
"""

from __future__ import annotations

__all__ = ["node_style", "edge_color", "community_color", "DIM", "STYLED_CLASSES"]

DIM = "#e6e6e6"

_NODE_STYLES: dict[str, tuple[str, str]] = {
    "atkg:CoordinationMechanism": ("#d62728", "diamond"),
    "atkg:UNEntity": ("#1f77b4", "dot"),
    "atkg:IntergovernmentalOrganization": ("#17becf", "dot"),
    "atkg:RegionalOrganization": ("#2ca02c", "dot"),
    "atkg:GovernmentBody": ("#8c564b", "dot"),
    "atkg:NonGovernmentalOrganization": ("#bcbd22", "dot"),
    "atkg:PrivateSectorEntity": ("#e377c2", "dot"),
    "atkg:AcademicInstitution": ("#9467bd", "dot"),
    "atkg:MediaOrganization": ("#7f7f7f", "dot"),
    "atkg:Fund": ("#ff7f0e", "dot"),
    "atkg:Initiative": ("#393b79", "dot"),
    "org:Organization": ("#6baed6", "dot"),
    "org:OrganizationalCollaboration": ("#e7969c", "diamond"),
    "foaf:Agent": ("#9c9ede", "dot"),
    "atkg:Country": ("#31a354", "square"),
    "atkg:Region": ("#74c476", "square"),
    "atkg:Agreement": ("#d6616b", "triangle"),
    "atkg:MemorandumOfUnderstanding": ("#ad494a", "triangle"),
    "atkg:WorkingArrangement": ("#e7ba52", "triangle"),
    "atkg:CooperationAgreement": ("#843c39", "triangle"),
    "atkg:Partnership": ("#bd9e39", "triangle"),
    "atkg:JointProgramme": ("#ce6dbd", "triangleDown"),
    "atkg:Event": ("#fd8d3c", "star"),
    "atkg:Campaign": ("#de9ed6", "triangleDown"),
    "atkg:Publication": ("#8c6d31", "hexagon"),
    "atkg:LegalInstrument": ("#3182bd", "hexagon"),
    "atkg:Resolution": ("#636363", "hexagon"),
    "atkg:ActionPlan": ("#969696", "hexagon"),
    "atkg:Award": ("#e6550d", "star"),
}
_FALLBACK = ("#999999", "dot")
STYLED_CLASSES = frozenset(_NODE_STYLES)
"""Classes with a shape and colour of their own; a subclass takes its nearest styled ancestor's."""

_EDGE_COLORS: dict[str, str] = {
    "org:memberOf": "#1f77b4",
    "atkg:chairs": "#d62728",
    "atkg:coordinates": "#ff7f0e",
    "atkg:observerOf": "#7f7f7f",
    "agreement": "#d6616b",
    "programme": "#ce6dbd",
    "event": "#fd8d3c",
    "funding": "#2ca02c",
    "shared": "#9467bd",
    "atkg:fundedBy": "#2ca02c",
    "atkg:party": "#d6616b",
    "atkg:partner": "#ce6dbd",
    "atkg:implementedIn": "#31a354",
    "atkg:location": "#74c476",
    "atkg:ratified": "#3182bd",
    "atkg:organizedBy": "#fd8d3c",
    "atkg:hostedBy": "#e6550d",
    "atkg:participant": "#fdae6b",
    "atkg:includesCountry": "#a1d99b",
    "atkg:launchedBy": "#393b79",
    "atkg:publishedBy": "#8c6d31",
}
_PALETTE = (
    "#17becf",
    "#bcbd22",
    "#e377c2",
    "#8c564b",
    "#9467bd",
    "#7b4173",
    "#637939",
    "#a55194",
    "#6b6ecf",
    "#b5cf6b",
    "#cedb9c",
    "#e7cb94",
    "#ad494a",
    "#5254a3",
    "#8ca252",
    "#bd9e39",
)
_COMMUNITY = (
    "#1f77b4",
    "#ff7f0e",
    "#2ca02c",
    "#d62728",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#17becf",
    "#bcbd22",
    "#7f7f7f",
    "#393b79",
    "#637939",
    "#8c6d31",
    "#843c39",
    "#7b4173",
    "#3182bd",
)


def node_style(kind: str) -> tuple[str, str]:
    """(colour, vis shape) of a class CURIE."""
    return _NODE_STYLES.get(kind, _FALLBACK)


def edge_color(kind: str, others: list[str]) -> str:
    """Colour of an edge kind; kinds without a fixed colour take the palette in ``others`` order."""
    if kind in _EDGE_COLORS:
        return _EDGE_COLORS[kind]
    unknown = [k for k in others if k not in _EDGE_COLORS]
    return _PALETTE[unknown.index(kind) % len(_PALETTE)] if kind in unknown else _FALLBACK[0]


def community_color(index: int) -> str:
    return _COMMUNITY[index % len(_COMMUNITY)]
