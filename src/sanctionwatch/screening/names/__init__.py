"""Name analysis for screening: scripts to Latin, normalization, Korean keys, rarity.

Pipeline, once per name at index time (`name_forms`):

    text -> translit.to_latin (Hangul, Chinese, Cyrillic, Arabic, Greek...)
         -> normalize.tokenize (case, accents, punctuation)
         -> orgforms (legal forms, vessel prefixes)
         -> romanize.korean_keys (KIM/GIM, RI/LEE, PAK/PARK, JONG/JEONG...)

and `weights.TokenRarity` says how much each token is worth.
"""

from sanctionwatch.screening.names.forms import NameForms, name_forms
from sanctionwatch.screening.names.hangul import name_variants
from sanctionwatch.screening.names.normalize import normalize, tokenize
from sanctionwatch.screening.names.romanize import korean_keys
from sanctionwatch.screening.names.translit import to_latin
from sanctionwatch.screening.names.weights import TokenRarity

__all__ = [
    "NameForms",
    "TokenRarity",
    "korean_keys",
    "name_forms",
    "name_variants",
    "normalize",
    "to_latin",
    "tokenize",
]
