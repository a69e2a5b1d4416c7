#!/usr/bin/env python3
"""Draws Huimou's icon and writes it at the sizes each platform wants.

    pip install pillow lz4 && python3 scripts/make-icons.py

The icon: the character 回 (the hui of 回眸, "looking back") in the bundled bold face, white on
a rounded square of the viewer's accent red, with a lighter arc across its top like a glance
back over the shoulder. Writes assets/icons/huimou-{16..1024}.png, huimou.ico (Windows) and
huimou.icns (macOS); the 256-pixel PNG is also the window icon.
"""
import io
import os

import lz4.block
from PIL import Image, ImageDraw, ImageFont

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "assets", "icons")
# The bundled bold face, stored as an lz4 block after its size (scripts/subset-fonts.py).
FONT = os.path.join(ROOT, "assets", "fonts", "NotoSansCJKsc-Bold.otf.lz4")

ACCENT = (0xB4, 0x3E, 0x1E)
DEEP = (0x7A, 0x22, 0x0E)
LIGHT = (0xF2, 0xA6, 0x5A)


def draw(size: int) -> Image.Image:
    # Drawn large and scaled down, so small sizes stay smooth.
    big = 1024
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    # A vertical gradient from the accent to a deeper red.
    gradient = Image.new("RGBA", (big, big))
    for y in range(big):
        t = y / (big - 1)
        colour = tuple(round(a + (b - a) * t) for a, b in zip(ACCENT, DEEP)) + (255,)
        ImageDraw.Draw(gradient).line([(0, y), (big, y)], fill=colour)
    mask = Image.new("L", (big, big), 0)
    margin = 56
    ImageDraw.Draw(mask).rounded_rectangle(
        [margin, margin, big - margin, big - margin], radius=200, fill=255
    )
    image.paste(gradient, (0, 0), mask)
    pen = ImageDraw.Draw(image)
    # The glance: an arc over the character.
    pen.arc([250, 130, 774, 430], start=205, end=335, fill=LIGHT + (255,), width=30)
    with open(FONT, "rb") as packed:
        face = lz4.block.decompress(packed.read())
    font = ImageFont.truetype(io.BytesIO(face), 500)
    box = pen.textbbox((0, 0), "回", font=font)
    width, height = box[2] - box[0], box[3] - box[1]
    pen.text(
        ((big - width) / 2 - box[0], (big - height) / 2 - box[1] + 90),
        "回",
        font=font,
        fill=(255, 255, 255, 255),
    )
    return image.resize((size, size), Image.LANCZOS)


def main():
    os.makedirs(OUT, exist_ok=True)
    sizes = [16, 32, 48, 64, 128, 256, 512, 1024]
    images = {size: draw(size) for size in sizes}
    for size, image in images.items():
        image.save(os.path.join(OUT, f"huimou-{size}.png"))
    images[256].save(
        os.path.join(OUT, "huimou.ico"), sizes=[(s, s) for s in [16, 32, 48, 64, 128, 256]]
    )
    images[1024].save(os.path.join(OUT, "huimou.icns"))
    print(f"wrote {len(sizes)} PNGs, huimou.ico and huimou.icns to {OUT}")


if __name__ == "__main__":
    main()
