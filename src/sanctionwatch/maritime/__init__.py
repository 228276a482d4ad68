"""Maritime monitoring: AIS readers -> positions store -> tracks -> detectors -> events."""
