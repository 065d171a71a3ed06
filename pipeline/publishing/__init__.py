"""Planning and publishing: compare the file with the live schedule, then write the difference."""
