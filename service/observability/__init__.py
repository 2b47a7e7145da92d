"""Logs, metrics and the /metrics exposition; prometheus_client is imported by its modules only."""
