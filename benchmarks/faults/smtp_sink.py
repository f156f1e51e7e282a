#!/usr/bin/env python3
"""A minimal SMTP sink on a loopback port: accepts every mail and appends one JSON line per recipient
(recipient, subject, time) to a file. Enough for counting mails lost and sent twice; no TLS, no auth.

    smtp_sink.py PORT OUTPUT.jsonl
"""
import asyncio
import json
import sys
import time
from email.parser import BytesHeaderParser


async def session(reader, writer, out):
    try:
        await converse(reader, writer, out)
    except ConnectionError:
        # the client went away mid-conversation (a killed node): a mail not ended with "." was not delivered
        pass
    finally:
        writer.close()


async def converse(reader, writer, out):
    async def send(line):
        writer.write((line + "\r\n").encode())
        await writer.drain()

    await send("220 sink ESMTP")
    recipients = []
    while True:
        line = await reader.readline()
        if not line:
            break
        command = line.decode(errors="replace").strip()
        verb = command[:4].upper()
        if verb in ("EHLO", "HELO"):
            await send("250 sink")
        elif verb == "MAIL":
            recipients = []
            await send("250 OK")
        elif verb == "RCPT":
            recipients.append(command.split(":", 1)[1].strip().strip("<>").lower())
            await send("250 OK")
        elif verb == "DATA":
            await send("354 go ahead")
            data = bytearray()
            while True:
                chunk = await reader.readline()
                if chunk in (b".\r\n", b".\n", b""):
                    break
                data += chunk[1:] if chunk.startswith(b"..") else chunk
            headers = BytesHeaderParser().parsebytes(bytes(data))
            for recipient in recipients:
                out.write(json.dumps({"to": recipient, "subject": str(headers.get("Subject", "")),
                                      "at": time.time()}) + "\n")
            out.flush()
            await send("250 OK queued")
        elif verb == "QUIT":
            await send("221 bye")
            break
        elif verb in ("RSET", "NOOP"):
            await send("250 OK")
        else:
            await send("502 not implemented")


async def main(port, path):
    with open(path, "a", encoding="utf-8") as out:
        server = await asyncio.start_server(lambda r, w: session(r, w, out), "127.0.0.1", port)
        async with server:
            await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]), sys.argv[2]))
