#!/usr/bin/python3
"""Prints each attachment of the given .eml files as `<to> <filename> <sha256>`, decoded the way
a mail client would: proves attachments arrive intact."""
import email
import email.policy
import hashlib
import sys

for name in sys.argv[1:]:
    with open(name, "rb") as f:
        message = email.message_from_binary_file(f, policy=email.policy.default)
    to = message["To"].addresses[0].addr_spec
    for part in message.iter_attachments():
        data = part.get_payload(decode=True)
        print(to, part.get_filename(), hashlib.sha256(data).hexdigest())
