"""Who will be able to see a document of a given category: the people holding its part's key.

The importer shows this for every file ("Visible to: you, Mary") and asks before a category change lets
more people see a document. It reads only `vault.person`, `vault.people` (id -> Person with `.name`,
`.role`, `.scopes`) and `categories.scope_of`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol, TypeVar

from .categories import scope_of


class PersonLike(Protocol):
    id: str
    name: str
    role: str
    scopes: list[str]


P = TypeVar("P", bound=PersonLike)
P_co = TypeVar("P_co", bound=PersonLike, covariant=True)


class VaultLike(Protocol[P_co]):
    """What this module reads of a `Vault`."""

    @property
    def person(self) -> P_co: ...

    @property
    def people(self) -> Mapping[str, P_co]: ...


def can_see(person: PersonLike, scope: str) -> bool:
    """The owner holds every part; anyone else the parts they were given."""
    return person.role == "owner" or scope in (person.scopes or ())


def visible_to(vault: VaultLike[P], category: str) -> list[P]:
    """The people (Person objects) who will be able to see a record of *category*: the person using the
    vault first (if they hold that part), then the owner, then everyone else who holds it, by name.

    Raises ValueError for an unknown category (as `scope_of` does)."""
    scope = scope_of(category)
    me = vault.person
    others = [p for pid, p in vault.people.items() if pid != me.id and can_see(p, scope)]
    others.sort(key=lambda p: (p.role != "owner", (p.name or "").casefold(), p.id))
    return ([me] if can_see(me, scope) else []) + others


def newly_visible_to(vault: VaultLike[P], old_category: str, new_category: str) -> list[P]:
    """The people who could not see a record of *old_category* but could see it as *new_category*
    (empty if the change does not widen who can see it)."""
    before = {p.id for p in visible_to(vault, old_category)}
    return [p for p in visible_to(vault, new_category) if p.id not in before]


def display_names(vault: VaultLike[P], people: Sequence[PersonLike], you: str = "you") -> list[str]:
    """Names to show for *people*: *you* for the person using the vault (translate it in the app)."""
    return [you if p.id == vault.person.id else (p.name or p.id) for p in people]


def visible_names(vault: VaultLike[P], category: str, you: str = "you") -> list[str]:
    """`visible_to` as names, e.g. ["you", "Mary"]."""
    return display_names(vault, visible_to(vault, category), you)
