// Placeholder replaced by the Mail module's sources.
