#!/usr/bin/env python3
"""Checks .eml files written by Encaisse's Mail module with Python's own e-mail parser.

Usage:
    Scripts/check-eml.py [--expect-subject TEXT] [--expect-body-contains TEXT]...
                         [--header-line-limit N] FILE...

For each FILE, parsed with email.parser.BytesParser(policy=email.policy.default):
  * no defect on the message or on any of its headers (msg.defects, header.defects);
  * From, To, Subject, Date, Message-ID and MIME-Version present exactly once and parsable:
    From/To/Cc/Reply-To through email.utils.getaddresses (every address local@domain),
    Date through email.utils.parsedate_to_datetime (with a zone), Message-ID as <left@right>,
    MIME-Version 1.0;
  * every line ends with CRLF (no bare CR or LF) and is at most 998 octets without it;
    header octets are ASCII; RFC 2047 encoded words are at most 75 octets and decode
    strictly; quoted-printable body lines are at most 76 octets; with
    --header-line-limit N, header lines are at most N octets;
  * every text part decodes as strict UTF-8 and msg.get_content() succeeds;
  * with --expect-subject TEXT, the decoded subject equals TEXT; with
    --expect-body-contains TEXT (repeatable), the decoded body contains TEXT.
Prints "eml: N ok" and exits 0, or prints each problem as "FILE: problem" and exits 1
(2 for bad usage).

Samples from the Swift tests: `swift test --filter MailTests` writes sample messages into
the directory named by the environment variable EML_SAMPLES_DIR when it is set, e.g.

    EML_SAMPLES_DIR=/tmp/eml-samples swift test --filter MailTests
    Scripts/check-eml.py --header-line-limit 78 /tmp/eml-samples/*.eml

Python 3 standard library only.
"""

import argparse
import base64
import binascii
import codecs
import email.parser
import email.policy
import email.utils
import re
import sys

REQUIRED = ("From", "To", "Subject", "Date", "Message-ID", "MIME-Version")
ADDRESS_HEADERS = ("From", "To", "Cc", "Reply-To", "Sender", "Bcc")
MESSAGE_ID = re.compile(r"^<[^<>@\s]+@[^<>@\s]+>$")
ADDR_SPEC = re.compile(r"^[^@\s]+@[^@\s]+$")
ENCODED_WORD = re.compile(rb"=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=")
Q_TEXT = re.compile(rb"^(?:[^=?\s]|=[0-9A-Fa-f]{2})*$")


def check_encoded_words(number, line):
    """Problems with the RFC 2047 encoded words of one physical header line: too long,
    malformed, or not decoding strictly in their charset (Python's parser keeps those as
    plain text without reporting a defect)."""
    problems = []
    for match in ENCODED_WORD.finditer(line):
        word = match.group(0).decode("ascii", "replace")
        if len(match.group(0)) > 75:
            problems.append(f"line {number}: encoded word of {len(match.group(0))} octets, more than 75: {word}")
        charset, encoding, text = match.group(1).decode("ascii", "replace"), match.group(2).upper(), match.group(3)
        try:
            if encoding == b"B":
                octets = base64.b64decode(text, validate=True)
            else:
                if not Q_TEXT.match(text):
                    raise ValueError("malformed Q text")
                octets = binascii.a2b_qp(text, header=True)
            codecs.lookup(charset.split("*")[0])
            octets.decode(charset.split("*")[0], "strict")
        except (binascii.Error, ValueError, LookupError) as error:
            problems.append(f"line {number}: encoded word does not decode: {word} ({error})")
    return problems


def check_lines(raw, header_line_limit=None):
    """Line-level problems: line ends, line lengths, ASCII headers, encoded words, QP line
    lengths."""
    problems = []
    lines = raw.split(b"\r\n")
    if lines[-1] != b"":
        problems.append("the file does not end with CRLF")
    lines = lines[:-1] if lines[-1] == b"" else lines
    in_headers = True
    quoted_printable = False
    for number, line in enumerate(lines, 1):
        if b"\n" in line or b"\r" in line:
            problems.append(f"line {number}: bare CR or LF")
        if len(line) > 998:
            problems.append(f"line {number}: {len(line)} octets, more than 998")
        if in_headers:
            if line == b"":
                in_headers = False
                continue
            if any(byte > 0x7F for byte in line):
                problems.append(f"line {number}: non-ASCII octet in a header")
            if header_line_limit is not None and len(line) > header_line_limit:
                problems.append(f"line {number}: header line of {len(line)} octets, more than {header_line_limit}")
            problems += check_encoded_words(number, line)
            if re.match(rb"(?i)content-transfer-encoding:\s*quoted-printable\s*$", line):
                quoted_printable = True
        elif quoted_printable and len(line) > 76:
            problems.append(f"line {number}: quoted-printable line of {len(line)} octets, more than 76")
    return problems


def check_message(msg, expect_subject, expect_body):
    """Parser-level problems: defects, required headers, decoded content."""
    problems = [f"message defect: {defect!r}" for defect in msg.defects]
    for name, value in msg.items():
        for defect in getattr(value, "defects", ()):
            problems.append(f"{name} header defect: {defect!r}")
    for name in REQUIRED:
        count = len(msg.get_all(name, []))
        if count != 1:
            problems.append(f"{name} header present {count} times, expected once")
    for name in ADDRESS_HEADERS:
        for value in msg.get_all(name, []):
            pairs = email.utils.getaddresses([str(value)])
            if not pairs or any(not ADDR_SPEC.match(address) for _, address in pairs):
                problems.append(f"{name} header does not parse as addresses: {str(value)!r} -> {pairs!r}")
    if msg["Date"] is not None:
        try:
            when = email.utils.parsedate_to_datetime(str(msg["Date"]))
            if when.tzinfo is None:
                problems.append(f"Date header without a zone: {str(msg['Date'])!r}")
        except (TypeError, ValueError) as error:
            problems.append(f"Date header does not parse: {str(msg['Date'])!r} ({error})")
    if msg["Message-ID"] is not None and not MESSAGE_ID.match(str(msg["Message-ID"]).strip()):
        problems.append(f"Message-ID is not <left@right>: {str(msg['Message-ID'])!r}")
    if msg["MIME-Version"] is not None and str(msg["MIME-Version"]).strip() != "1.0":
        problems.append(f"MIME-Version is not 1.0: {str(msg['MIME-Version'])!r}")

    texts = []
    for part in msg.walk():
        if part.is_multipart() or part.get_content_maintype() != "text":
            continue
        payload = part.get_payload(decode=True) or b""
        charset = part.get_content_charset() or "us-ascii"
        if charset.lower() not in ("utf-8", "utf8", "us-ascii"):
            problems.append(f"text part in charset {charset}, expected utf-8")
        try:
            payload.decode("utf-8")
        except UnicodeDecodeError as error:
            problems.append(f"text part is not valid UTF-8: {error}")
        try:
            texts.append(part.get_content())
        except Exception as error:  # noqa: BLE001 - any failure is a problem to report
            problems.append(f"get_content() failed: {error!r}")
    if not texts:
        problems.append("no text part")

    if expect_subject is not None:
        subject = str(msg["Subject"]) if msg["Subject"] is not None else None
        if subject != expect_subject:
            problems.append(f"subject {subject!r}, expected {expect_subject!r}")
    # Text parsed from CRLF files keeps its CRLF: compare with "\n" line ends.
    body = "".join(texts).replace("\r\n", "\n")
    for text in expect_body:
        if text not in body:
            problems.append(f"body does not contain {text!r}")
    return problems


def main(argv):
    parser = argparse.ArgumentParser(description="Check .eml files with Python's e-mail parser.")
    parser.add_argument("files", nargs="+", metavar="FILE")
    parser.add_argument("--expect-subject", metavar="TEXT", help="the decoded subject every file must have")
    parser.add_argument(
        "--expect-body-contains",
        metavar="TEXT",
        action="append",
        default=[],
        help="text the decoded body of every file must contain (repeatable)",
    )
    parser.add_argument(
        "--header-line-limit",
        metavar="N",
        type=int,
        help="also require header lines of at most N octets (78 for RFC 5322's SHOULD)",
    )
    args = parser.parse_args(argv)

    failures = 0
    for path in args.files:
        try:
            with open(path, "rb") as file:
                raw = file.read()
        except OSError as error:
            print(f"{path}: cannot read: {error}")
            failures += 1
            continue
        problems = check_lines(raw, args.header_line_limit)
        try:
            msg = email.parser.BytesParser(policy=email.policy.default).parsebytes(raw)
            problems += check_message(msg, args.expect_subject, args.expect_body_contains)
        except Exception as error:  # noqa: BLE001 - a parser crash is a problem with the file
            problems.append(f"parser failed: {error!r}")
        for problem in problems:
            print(f"{path}: {problem}")
        failures += 1 if problems else 0

    if failures:
        print(f"eml: {failures} of {len(args.files)} failed")
        return 1
    print(f"eml: {len(args.files)} ok")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
