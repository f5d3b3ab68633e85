"""The battery. One module per family (``medlint/checks/<family>.py``), each
beside its editor-tunable data (``checks/<family>.yaml``). Modules here are
discovered by :func:`medlint.registry.all_checks`."""
