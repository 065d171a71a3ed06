"""Spreadsheets written for people: schedules read back from the API, device inventories."""
