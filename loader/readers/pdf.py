"""PDF with pypdfium2: text per page, page start offsets; no text layer, encryption and damage are reported."""

from __future__ import annotations

from ..cleanup import clean_pages
from . import Extracted
from .base import ReadError

MIN_CHARS_PER_PAGE = 5   # below this on average, the PDF has no usable text layer (a scan)


def read_pdf(raw: bytes) -> Extracted:
    import pypdfium2 as pdfium

    if b"%%EOF" not in raw[-2048:]:
        raise ReadError("corrupt PDF: truncated (no %%EOF at the end)")
    try:
        pdf = pdfium.PdfDocument(raw)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code in (pdfium.raw.FPDF_ERR_PASSWORD, pdfium.raw.FPDF_ERR_SECURITY):
            raise ReadError("encrypted PDF (needs a password)") from None
        raise ReadError(f"corrupt PDF: {str(exc).splitlines()[0] if str(exc) else 'pdfium cannot open it'}") from None
    try:
        texts = []
        for i in range(len(pdf)):
            page = pdf[i]
            try:
                textpage = page.get_textpage()
                try:
                    # pdfium marks a hyphen at a line end as U+FFFE and drops the line break: put both back,
                    # cleanup decides whether the hyphen stays.
                    texts.append(textpage.get_text_range().replace("\ufffe", "-\n"))
                finally:
                    textpage.close()
            finally:
                page.close()
    except pdfium.PdfiumError as exc:
        raise ReadError(f"corrupt PDF: {str(exc).splitlines()[0]}") from None
    finally:
        pdf.close()
    if not texts:
        raise ReadError("corrupt PDF: no pages")
    if sum(len("".join(t.split())) for t in texts) < MIN_CHARS_PER_PAGE * len(texts):
        raise ReadError(f"no text (scanned?): {len(texts)} page{'s' if len(texts) != 1 else ''} without a text layer")
    text, pages = clean_pages(texts)
    return Extracted(text=text, pages=pages, encoding="pdf")
