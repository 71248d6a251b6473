"""`prices`: fetch current list prices into the user's price directory, and show what is installed."""
