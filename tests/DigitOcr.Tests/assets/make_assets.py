#!/usr/bin/python3
# Generates the small image files under assets/imaging/ that the imaging tests decode (tests/DigitOcr.Tests/Imaging).
# The files are committed; rerun this only to change them, then update the expected values in the tests:
#
#   sudo apt-get install -y python3-opencv python3-pil     # Debian/Ubuntu: numpy, cv2 and PIL for the system Python
#   /usr/bin/python3 tests/DigitOcr.Tests/assets/make_assets.py
#
# Output is deterministic (no randomness); each file is a few hundred bytes to a few KB.
import io
import os
import struct
import zlib

import cv2
import numpy as np
from PIL import Image

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "imaging")


def path(name):
    return os.path.join(OUT, name)


def gradient_gray():
    """32x24 8-bit gray: value = (x * 8 + y) % 256, a pattern with every pixel distinct per row."""
    y, x = np.mgrid[0:24, 0:32]
    return ((x * 8 + y) % 256).astype(np.uint8)


def gray8_png():
    cv2.imwrite(path("gray8.png"), gradient_gray())


def gray16_png():
    """16x8 16-bit gray, value16 = value8 * 257 with value8 = x * 16 + y, so scaling by 1/257 is exact."""
    y, x = np.mgrid[0:8, 0:16]
    v8 = (x * 16 + y).astype(np.uint16)
    img = v8 * 257
    assert cv2.imwrite(path("gray16.png"), img)
    check = cv2.imread(path("gray16.png"), cv2.IMREAD_UNCHANGED)
    assert check.dtype == np.uint16 and check.shape == (8, 16)


def rgb_png():
    """8x2 RGB via PIL (true RGB channel order in the file): 2x2 blocks of red, green, blue, white."""
    rgb = np.zeros((2, 8, 3), np.uint8)
    rgb[:, 0:2] = (255, 0, 0)
    rgb[:, 2:4] = (0, 255, 0)
    rgb[:, 4:6] = (0, 0, 255)
    rgb[:, 6:8] = (255, 255, 255)
    Image.fromarray(rgb, "RGB").save(path("rgb.png"))


def rgba_png():
    """4x1 RGBA: transparent black, opaque black, half-transparent black (alpha 128), opaque gray 100."""
    rgba = np.array([[(0, 0, 0, 0), (0, 0, 0, 255), (0, 0, 0, 128), (100, 100, 100, 255)]], np.uint8)
    Image.fromarray(rgba, "RGBA").save(path("rgba.png"))


def exif_orientation6_jpg():
    """Stored 32 wide x 16 tall, white with a black 8x8 square at the stored top-left, EXIF orientation 6
    ("rotate 90 degrees clockwise to display"). Displayed: 16 wide x 32 tall, square at the top-right."""
    stored = np.full((16, 32), 255, np.uint8)
    stored[0:8, 0:8] = 0
    img = Image.fromarray(stored, "L")
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation
    img.save(path("exif_orientation6.jpg"), quality=95, exif=exif.tobytes())
    assert Image.open(path("exif_orientation6.jpg")).getexif()[0x0112] == 6


def png_chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def huge_header_png():
    """A well-formed PNG header claiming 30000x30000 8-bit gray (900 megapixels) with a tiny IDAT: a decoder
    that trusts the header allocates 900 MB before noticing the data is missing."""
    ihdr = struct.pack(">IIBBBBB", 30000, 30000, 8, 0, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 64)
    data = b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr) + png_chunk(b"IDAT", idat) + png_chunk(b"IEND", b"")
    with open(path("huge_header_30000x30000.png"), "wb") as f:
        f.write(data)


def truncated_png():
    """gray8.png cut to its first 60% (IDAT ends early, no IEND)."""
    ok, encoded = cv2.imencode(".png", gradient_gray())
    assert ok
    data = encoded.tobytes()
    with open(path("truncated.png"), "wb") as f:
        f.write(data[: len(data) * 6 // 10])


def not_images():
    with open(path("empty.png"), "wb"):
        pass
    with open(path("not_an_image.txt"), "w") as f:
        f.write("This is a text file, not an image.\n")


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    gray8_png()
    gray16_png()
    rgb_png()
    rgba_png()
    exif_orientation6_jpg()
    huge_header_png()
    truncated_png()
    not_images()
    for name in sorted(os.listdir(OUT)):
        print(f"{name}: {os.path.getsize(path(name))} bytes")
