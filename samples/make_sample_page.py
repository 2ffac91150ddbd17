#!/usr/bin/python3
"""Writes sample-page.png: two phone numbers written with MNIST *test* digits (never seen in training), dark ink on
white paper, digits about 40 px tall with small gaps — a page any useful model must read. Rerun from the repo root:

    /usr/bin/python3 samples/make_sample_page.py data/mnist

The digits of each number are the first test-set examples of each digit that are not too faint.
"""
import os
import sys
import zlib
import struct

import numpy as np

NUMBERS = ["5551234567", "8006490213"]

mnist = sys.argv[1]
with open(os.path.join(mnist, "t10k-images-idx3-ubyte"), "rb") as f:
    images = np.frombuffer(f.read(), dtype=np.uint8, offset=16).reshape(-1, 28, 28)
with open(os.path.join(mnist, "t10k-labels-idx1-ubyte"), "rb") as f:
    labels = np.frombuffer(f.read(), dtype=np.uint8, offset=8)

used = {d: 0 for d in range(10)}


def glyph(digit):
    """The next clear test example of `digit`, cropped to its ink, enlarged 2x (nearest)."""
    candidates = np.nonzero(labels == digit)[0]
    while True:
        image = images[candidates[used[digit]]]
        used[digit] += 1
        if (image > 128).sum() > 60:
            break
    ys, xs = np.nonzero(image > 40)
    crop = image[ys.min():ys.max() + 1, xs.min():xs.max() + 1]
    return np.kron(crop, np.ones((2, 2), dtype=np.uint8))


height, width = 300, 760
page = np.zeros((height, width), dtype=np.uint8)
for row, number in enumerate(NUMBERS):
    x, baseline = 60, 90 + row * 120
    for c in number:
        g = glyph(int(c))
        top = baseline - g.shape[0]
        page[top:baseline, x:x + g.shape[1]] = np.maximum(page[top:baseline, x:x + g.shape[1]], g)
        x += g.shape[1] + 14
paper = (255 - page).astype(np.uint8)


def png(gray):
    raw = b"".join(b"\x00" + gray[y].tobytes() for y in range(gray.shape[0]))
    chunk = lambda kind, data: struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", gray.shape[1], gray.shape[0], 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


out = os.path.join(os.path.dirname(__file__), "sample-page.png")
with open(out, "wb") as f:
    f.write(png(paper))
print("wrote", out, "with", ", ".join(NUMBERS))
