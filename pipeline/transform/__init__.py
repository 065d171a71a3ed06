"""Valid lessons -> the API's per-room ``schedule`` JSON."""

from pipeline.transform.schedule import group_by_room, schedule_json, schedule_items

__all__ = ["group_by_room", "schedule_items", "schedule_json"]
