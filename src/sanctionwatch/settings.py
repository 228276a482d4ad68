"""The one settings object. Nothing else in sanctionwatch reads `os.environ`.

Every field reads `SANCTIONWATCH_<FIELD>` from the environment (or `.env`).
`docs/settings.md` is generated from this class (`make docs`).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SANCTIONWATCH_", env_file=".env", extra="ignore")

    # SQLAlchemy URL of the entity store; SQLite file under ./var/ by default,
    # e.g. postgresql+psycopg://user@localhost:5432/sanctionwatch in production.
    database_url: str = Field(default="sqlite:///var/sanctionwatch.db")
    # Folder for local data: downloaded lists, AIS stores, reports.
    data_dir: Path = Field(default=Path("var/data"))
    # Log level for structured logs (DEBUG, INFO, WARNING, ERROR).
    log_level: str = Field(default="WARNING")
    # Timeout in seconds when `lists load` fetches a list from a URL.
    http_timeout: float = Field(default=60.0)
    # Who is recorded as the author of analyst decisions made from this machine.
    analyst: str = Field(default="analyst")


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The settings, read once per process."""
    return Settings()
