"""Sync: several computers keep one vault in step through a folder (issue 21)."""
