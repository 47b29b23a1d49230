"""Khalkhin Gol 1939: a map-and-timeline viewer of the battles of Khalkhin Gol (the Nomonhan Incident)."""

__version__ = "0.1.0"
