#!/usr/bin/python3
"""A misbehaving SMTP server on loopback for the fault tests. MODE:
  refuse  answers every message with 554 (a permanent refusal after DATA)
  drop    reads half of each message's DATA and closes the connection
  hang    greets, then never answers again (the client must time out)
Prints `ready PORT` and serves until killed or --seconds have passed."""
import argparse
import asyncio
import socket


async def session(reader, writer, mode):
    def say(line):
        writer.write((line + "\r\n").encode())

    say("220 faulty.test ESMTP")
    await writer.drain()
    if mode == "hang":
        await asyncio.sleep(3600)
        return
    in_data = False
    received = 0
    while True:
        line = await reader.readline()
        if not line:
            break
        if in_data:
            received += len(line)
            if mode == "drop" and received > 2000:
                writer.close()  # mid-message: the client never hears whether it arrived
                return
            if line == b".\r\n":
                in_data = False
                say("554 5.0.0 Transaction failed: refused by the test server")
            await writer.drain()
            continue
        command = line.decode(errors="replace").strip().upper()
        if command.startswith(("EHLO", "HELO")):
            say("250 faulty.test")
        elif command.startswith(("MAIL", "RCPT", "RSET", "NOOP")):
            say("250 OK")
        elif command.startswith("DATA"):
            say("354 go ahead")
            in_data = True
        elif command.startswith("QUIT"):
            say("221 bye")
            await writer.drain()
            break
        else:
            say("502 not implemented")
        await writer.drain()
    writer.close()


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["refuse", "drop", "hang"])
    parser.add_argument("--seconds", type=float, default=120)
    args = parser.parse_args()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = await asyncio.start_server(lambda r, w: session(r, w, args.mode), "127.0.0.1", port)
    print(f"ready {port}", flush=True)
    async with server:
        await asyncio.sleep(args.seconds)


if __name__ == "__main__":
    asyncio.run(main())
