"""Keep third-party libraries from touching the network at run time.

Presidio's EmailRecognizer validates every candidate with ``tldextract.extract``. That
module-level function calls ``tldextract.tldextract.TLD_EXTRACTOR``, an extractor built at
import time with the default settings: on first use it fetches the Public Suffix List from
publicsuffix.org (and a GitHub mirror) and writes it to a cache folder under ``$HOME``. A
case-review draft must never cause network traffic (the host may be air-gapped, and a
request at check time leaks that the tool ran), and a cache write under the user's home is
surprising, so we swap in an extractor that reads only the snapshot bundled inside the
tldextract wheel.

Checked against tldextract 5.4: ``TLDExtract(cache_dir=None, suffix_list_urls=())`` with
``fallback_to_snapshot=True`` never builds a ``requests`` session that fetches anything and
``DiskCache(None)`` neither reads nor writes files.
"""

from __future__ import annotations

import os

_done = False


def ensure_offline() -> None:
    """Make tldextract use its bundled suffix-list snapshot: no fetching, no cache writes.

    Idempotent and cheap; call it before any recogniser that may use tldextract runs.
    """
    global _done
    if _done:
        return
    # New TLDExtract instances (any library constructing its own) read these at
    # construction: an empty URL list disables fetching.
    os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")

    import tldextract.tldextract as tld_module

    offline = tld_module.TLDExtract(
        cache_dir=None, suffix_list_urls=(), fallback_to_snapshot=True
    )
    # `tldextract.extract` looks the global up at call time, so replacing it redirects
    # every caller of the module-level function (Presidio's EmailRecognizer among them).
    tld_module.TLD_EXTRACTOR = offline
    _done = True
