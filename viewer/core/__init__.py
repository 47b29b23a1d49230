"""The pure-Python core: content loading and validation, time, motion and geometry. Imports no Qt."""
