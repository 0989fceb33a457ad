"""Make a corpus of fictional medical-record PDFs (text and image-only) for measuring.

usage: python make_corpus.py OUTDIR N_DOCS [SEED]
"""

# Copied verbatim from /work/shared/tools/make_corpus.py (the shared team tool, 2026-11-27) so the
# benchmarks in bench/ run from a plain clone; keep the two in step.
import os
import random
import sys

from PySide6.QtCore import QRectF
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QImage,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

KINDS = [
    "Surgical pathology report",
    "Treatment plan",
    "Operative report",
    "Discharge summary",
    "CT chest/abdomen/pelvis report",
    "Bone scan report",
    "Brain MRI report",
    "Lab results",
    "Genomic testing report",
    "Advance directive",
    "Last will and testament",
    "Insurance policy",
]
WORDS = (
    "invasive ductal carcinoma estrogen receptor positive progesterone HER2 negative metastatic lesion "
    "liver segment vertebral body sclerotic lytic biopsy core needle margin lymph node axillary grade "
    "Ki-67 palbociclib letrozole fulvestrant capecitabine denosumab CA 15-3 CA 27.29 CEA stable disease "
    "progression response RECIST oncologist radiology impression findings history plan follow-up"
).split()


def para(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def text_pdf(path, title, pages, rng):
    w = QPdfWriter(path)
    w.setPageSize(QPageSize(QPageSize.Letter))
    w.setResolution(300)
    w.setTitle(title)
    html = [
        f"<h1>{title}</h1><p>Patient: Jane Q. Example &nbsp; DOB 1971-04-02 &nbsp; MRN "
        f"00{rng.randint(100000, 999999)}</p>"
    ]
    for _ in range(pages * 14):
        html.append(f"<p>{para(rng, 60)}</p>")
    doc = QTextDocument()
    doc.setHtml("".join(html))
    doc.setPageSize(w.pageLayout().paintRectPixels(300).size().toSizeF())
    doc.print_(w)


def image_pdf(path, title, pages, rng):
    w = QPdfWriter(path)
    w.setPageSize(QPageSize(QPageSize.Letter))
    w.setResolution(150)
    p = QPainter(w)
    for i in range(pages):
        if i:
            w.newPage()
        img = QImage(1275, 1650, QImage.Format_Grayscale8)
        img.fill(QColor(245, 245, 240))
        ip = QPainter(img)
        ip.setFont(QFont("DejaVu Sans", 14))
        ip.drawText(80, 120, f"{title} (scanned) page {i + 1}")
        for y in range(200, 1550, 28):
            ip.drawText(80, y, para(rng, 12)[:95])
        ip.end()
        p.drawImage(QRectF(0, 0, w.width(), w.height()), img)
    p.end()


if __name__ == "__main__":
    out, n = sys.argv[1], int(sys.argv[2])
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 7)
    os.makedirs(out, exist_ok=True)
    app = QGuiApplication.instance() or QGuiApplication(["x", "-platform", "offscreen"])
    for i in range(n):
        kind = KINDS[i % len(KINDS)]
        pages = rng.choice([1, 1, 2, 3, 4, 6, 10, 18])
        path = os.path.join(out, f"{i:03d}-{kind.split()[0].lower()}.pdf")
        (image_pdf if i % 5 == 4 else text_pdf)(path, kind, pages, rng)
