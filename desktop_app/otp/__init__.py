"""OTP core, pure Python, no Qt: the entry model (:mod:`.model`), code generation
(:mod:`.codes`, with pyotp) and the ``otpauth://`` URI format (:mod:`.uri`).

Import what you use from its submodule: the vault needs only the model, and a command that never
computes a code (``list --json``) never loads pyotp or the URI parser.
"""
