"""The one settings object. Nothing else in sanctionwatch reads `os.environ`.

Every field reads `SANCTIONWATCH_<FIELD>` from the environment (or `.env`).
`docs/settings.md` is generated from this class (`make docs`).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SANCTIONWATCH_", env_file=".env", extra="ignore")

    database_url: str = Field(
        default="sqlite:///var/sanctionwatch.db",
        description="SQLAlchemy URL of the entity store: a SQLite file under ./var/ by default,"
        " e.g. postgresql+psycopg://user@localhost:5432/sanctionwatch in production.",
    )
    data_dir: Path = Field(
        default=Path("var/data"),
        description="Folder for local data: downloaded lists, AIS stores, reports.",
    )
    log_level: str = Field(
        default="WARNING", description="Level of the structured logs (DEBUG, INFO, WARNING...)."
    )
    http_timeout: float = Field(
        default=60.0, description="Seconds to wait when `lists load` fetches a list from a URL."
    )
    analyst: str = Field(
        default="analyst",
        description="Name recorded as the author of analyst decisions made from this machine.",
    )
    evidence_max_bytes: int = Field(
        default=20 * 1024 * 1024,
        gt=0,
        description="Largest evidence upload accepted, in bytes (20 MiB by default); larger"
        " files are refused.",
    )
    ledger_mode: Literal["development", "production"] = Field(
        default="development",
        description="development makes and accepts throwaway ledger keys; production refuses"
        " them and requires SANCTIONWATCH_LEDGER_PASSPHRASE.",
    )
    ledger_passphrase: SecretStr | None = Field(
        default=None,
        description="Passphrase that encrypts the ledger's private keys in the database;"
        " required in production mode.",
    )
    adoption_threshold: float = Field(
        default=0.6667,
        gt=0,
        le=1,
        description="Share of participating members (those who vote anything but abstain) who"
        " must endorse a finding's revision for it to be adopted; compared at four decimals,"
        " so 0.6667 means two thirds.",
    )
    adoption_quorum: float = Field(
        default=0.5,
        ge=0,
        le=1,
        description="Share of the voting members who may read a finding that must vote on its"
        " revision (abstaining counts) before the adoption rule applies.",
    )
    ledger_key_file: Path | None = Field(
        default=None,
        description="File holding the log operator's signing key (PRIVATE+KEY+... note format),"
        " readable by its owner only (mode 0600); else the key is sealed in the database.",
    )


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The settings, read once per process."""
    return Settings()
