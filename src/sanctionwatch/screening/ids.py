"""Identifier normalization: IMO numbers, document numbers, crypto addresses per chain."""

from __future__ import annotations

import re

_HEX_CHAIN = re.compile(r"^(0x)?[0-9a-fA-F]{40}$")  # ETH and EVM chains: case-insensitive


def norm_imo(value: str) -> str:
    digits = re.sub(r"\D", "", value)
    return f"IMO{digits}" if digits else ""


def norm_id(value: str) -> str:
    return re.sub(r"[^0-9A-Z]", "", value.upper())


def norm_wallet(value: str) -> str:
    """Addresses compare exactly, except EVM hex addresses (checksum case is cosmetic)
    and bech32 (bc1..., lower or upper case by the standard)."""
    text = value.strip()
    if _HEX_CHAIN.match(text):
        return "0x" + text.lower().removeprefix("0x")
    if text.lower().startswith(("bc1", "ltc1", "tb1")):
        return text.lower()
    return text
