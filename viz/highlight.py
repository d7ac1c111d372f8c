"""Split a source text into plain and cited segments, so templates can mark the spans
without building HTML by hand (each segment is escaped where it is rendered)."""

from __future__ import annotations

from typing import Any


def segments(text: str, spans: list[tuple[int, int, str]]) -> list[dict[str, Any]]:
    """[{text, mark, notes}] covering `text` in order; overlapping spans are merged.

    `spans` are (start, end, note) character offsets; out-of-range ones are clipped and
    empty ones dropped, since a span from an older ingest must not break the page.
    """
    clean = sorted(
        (max(0, s), min(len(text), e), note) for s, e, note in spans if min(len(text), e) > max(0, s)
    )
    merged: list[list[Any]] = []
    for start, end, note in clean:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
            if note not in merged[-1][2]:
                merged[-1][2].append(note)
        else:
            merged.append([start, end, [note]])
    out: list[dict[str, Any]] = []
    cursor = 0
    for start, end, notes in merged:
        if start > cursor:
            out.append({"text": text[cursor:start], "mark": False, "notes": []})
        out.append({"text": text[start:end], "mark": True, "notes": notes})
        cursor = end
    if cursor < len(text):
        out.append({"text": text[cursor:], "mark": False, "notes": []})
    return out
