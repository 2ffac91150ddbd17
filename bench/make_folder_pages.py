#!/usr/bin/python3
"""A folder of page variants for the folder-throughput benchmark (`digitocr bench --folder DIR`, `digitocr detect DIR`):
samples/sample-page.png (760x300) pasted at different places on 1024x768 white pages, with a little noise and a
different gray level of the paper on each, written as PNG. Rerun from the repository root:

    /usr/bin/python3 bench/make_folder_pages.py samples/sample-page.png pages/ 20
"""
import os
import struct
import sys
import zlib

import numpy as np


def read_gray_png(path):
    """An 8-bit grayscale, non-interlaced PNG (as samples/make_sample_page.py writes) as a uint8 array."""
    with open(path, "rb") as f:
        data = f.read()
    pos, idat, width, height = 8, b"", 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, color = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and color == 0, "8-bit grayscale PNG expected"
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = np.frombuffer(zlib.decompress(idat), dtype=np.uint8).reshape(height, width + 1)
    out = np.zeros((height, width), dtype=np.int32)
    for y in range(height):
        kind, row = raw[y, 0], raw[y, 1:].astype(np.int32)
        up = out[y - 1] if y else np.zeros(width, dtype=np.int32)
        if kind in (0, 2):
            out[y] = (row + (up if kind == 2 else 0)) & 255
        else:  # sub, average, paeth: left-dependent, one pixel at a time
            for x in range(width):
                left = out[y, x - 1] if x else 0
                ul = up[x - 1] if x else 0
                if kind == 1:
                    pred = left
                elif kind == 3:
                    pred = (left + up[x]) // 2
                else:
                    p = left + up[x] - ul
                    pa, pb, pc = abs(p - left), abs(p - up[x]), abs(p - ul)
                    pred = left if pa <= pb and pa <= pc else (up[x] if pb <= pc else ul)
                out[y, x] = (row[x] + pred) & 255
    return out.astype(np.uint8)


def png(gray):
    rows = b"".join(b"\x00" + gray[y].tobytes() for y in range(gray.shape[0]))

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", gray.shape[1], gray.shape[0], 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 6)) + chunk(b"IEND", b"")


source, folder, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
page = read_gray_png(source)
os.makedirs(folder, exist_ok=True)
rng = np.random.default_rng(0)
for i in range(count):
    paper = int(rng.integers(225, 256))
    canvas = np.full((768, 1024), paper, dtype=np.int32)
    y, x = int(rng.integers(0, 768 - page.shape[0])), int(rng.integers(0, 1024 - page.shape[1]))
    canvas[y:y + page.shape[0], x:x + page.shape[1]] = np.minimum(page.astype(np.int32), paper)
    canvas += rng.integers(-6, 7, size=canvas.shape)
    with open(os.path.join(folder, f"page-{i:02d}.png"), "wb") as f:
        f.write(png(np.clip(canvas, 0, 255).astype(np.uint8)))
print(f"wrote {count} pages of 1024x768 into {folder}")
