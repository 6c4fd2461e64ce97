"""Own municipality first, and one result per regional service."""

from dataclasses import dataclass

__all__ = ["Row", "collapse_and_order"]


@dataclass(frozen=True)
class Row:
    """One matching document as a query's candidate (no text yet)."""

    id: int
    score: float
    municipality: str
    municipality_name: str
    content_type: str
    content_type_label: str
    locale: str
    themes: tuple
    life_events: tuple
    regional_service: str | None

    @classmethod
    def from_values(cls, values):
        """From (id, score, municipality, municipality_name, content_type,
        content_type_label, locale, themes, life_events, regional_service)."""
        (id_, score, municipality, name, ctype, label, locale, themes, events, service) = values
        return cls(
            id=id_,
            score=float(score or 0.0),
            municipality=municipality,
            municipality_name=name,
            content_type=ctype,
            content_type_label=label,
            locale=locale,
            themes=tuple(t for t in (themes or "").split("|") if t),
            life_events=tuple(e for e in (events or "").split("|") if e),
            regional_service=service or None,
        )


def collapse_and_order(rows, municipality):
    """The asking municipality's rows first, each part by score; then every regional service
    keeps one row: the asking municipality's own when it has one, else the best-scoring."""
    ordered = sorted(rows, key=lambda row: (row.municipality != municipality, -row.score, row.id))
    seen, kept = set(), []
    for row in ordered:
        if row.regional_service:
            key = (row.regional_service, row.locale)
            if key in seen:
                continue
            seen.add(key)
        kept.append(row)
    return kept
