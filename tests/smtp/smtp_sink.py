#!/usr/bin/python3
"""An SMTP server on loopback for the distribution tests (Debian's python3-aiosmtpd): every
message it accepts is stored as <n>.eml in FOLDER. Runs until it is killed, or for --seconds."""
import argparse
import asyncio
import itertools
import pathlib
import socket
import time

from aiosmtpd.controller import Controller


class Store:
    def __init__(self, folder):
        self.folder = pathlib.Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.counter = itertools.count(1)

    async def handle_DATA(self, server, session, envelope):
        path = self.folder / f"{next(self.counter):04d}.eml"
        path.write_bytes(envelope.original_content)
        return "250 Message accepted"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("port", type=int, help="0: a free port, printed on the ready line")
    parser.add_argument("folder")
    parser.add_argument("--seconds", type=float, default=120)
    args = parser.parse_args()
    port = args.port
    if port == 0:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
    controller = Controller(Store(args.folder), hostname="127.0.0.1", port=port)
    controller.start()
    print(f"ready {port}", flush=True)
    try:
        time.sleep(args.seconds)
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
