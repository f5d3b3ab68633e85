"""Renderers: findings in, bytes out. They format; they never decide what is wrong."""
