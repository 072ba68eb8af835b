#!/usr/bin/env python3
"""Draws eng/icon.png, the package icon (128x128 RGBA): a white "B" on a rounded indigo-to-cyan square.

Plain Python (zlib and struct only), so anyone can regenerate it: python3 eng/make-icon.py
Each pixel is 4x4 supersampled for smooth edges. The output is deterministic (same bytes every run).
"""
import os
import struct
import zlib

SIZE = 128
SAMPLES = 4
TOP = (79, 70, 229)      # indigo
BOTTOM = (6, 182, 212)   # cyan


def in_rounded_square(x, y, radius=26.0):
    cx = min(max(x, radius), SIZE - radius)
    cy = min(max(y, radius), SIZE - radius)
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2


def in_disk(x, y, cx, cy, r):
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def in_rect(x, y, x0, y0, x1, y1):
    return x0 <= x <= x1 and y0 <= y <= y1


def bowl(x, y, top, bottom, right):
    """A bowl of the B: a rectangle from the stem with a round end, minus its counter (the hole)."""
    r = (bottom - top) / 2.0
    cy = top + r
    inner = r - 12.0
    outer = in_rect(x, y, 36, top, right, bottom) or in_disk(x, y, right, cy, r)
    hole = in_rect(x, y, 52, cy - inner, right, cy + inner) or in_disk(x, y, right, cy, inner)
    return outer and not hole


def in_letter(x, y):
    stem = in_rect(x, y, 36, 26, 52, 102)
    return stem or bowl(x, y, 26, 64, 66) or bowl(x, y, 60, 102, 72)


def pixel(px, py):
    background = letter = 0
    for sy in range(SAMPLES):
        for sx in range(SAMPLES):
            x = px + (sx + 0.5) / SAMPLES
            y = py + (sy + 0.5) / SAMPLES
            if in_rounded_square(x, y):
                if in_letter(x, y):
                    letter += 1
                else:
                    background += 1
    n = SAMPLES * SAMPLES
    coverage = (background + letter) / n
    if coverage == 0:
        return (0, 0, 0, 0)
    t = py / (SIZE - 1)
    bg = [TOP[i] + (BOTTOM[i] - TOP[i]) * t for i in range(3)]
    white_share = letter / (background + letter)
    rgb = [round(bg[i] * (1 - white_share) + 255 * white_share) for i in range(3)]
    return (*rgb, round(255 * coverage))


def png(width, height, rows):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + bytes(v for p in row for v in p) for row in rows)
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    rows = [[pixel(x, y) for x in range(SIZE)] for y in range(SIZE)]
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "icon.png")
    with open(path, "wb") as f:
        f.write(png(SIZE, SIZE, rows))
    print(f"wrote {path}")
