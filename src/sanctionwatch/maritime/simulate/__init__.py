"""Synthetic AIS scenarios on real sea lanes, with injected evasion and its ground truth."""

from sanctionwatch.maritime.simulate.model import Scenario, TruthEvent
from sanctionwatch.maritime.simulate.scenario import simulate
from sanctionwatch.maritime.simulate.writer import write_scenario

__all__ = ["Scenario", "TruthEvent", "simulate", "write_scenario"]
