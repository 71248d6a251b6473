"""The wiring of every command's cost sources, in one place: installed plugins in priority order,
then the price book, then "unpriced". The pack, the offline run, `actual --compare-projected` and
the benchmark all open their pricer here, so they ask the same sources in the same order."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from .paths import SPECS_DIR, user_prices_dir
from .plugins.host import PluginHost
from .plugins.source import PluginSource
from .pricing.pricebook import PriceBook
from .pricing.pricer import PriceBookSource, Pricer
from .pricing.usage import Usage


@dataclass
class CostSources:
    """An open pricer and the plugin host behind it (which starts plugins lazily and records what
    went wrong with them, for the stack summary)."""

    pricer: Pricer
    host: PluginHost

    def problems(self) -> list[str]:
        return self.host.problems()


def open_sources(usage: Optional[Usage] = None, specs_dir: Path = SPECS_DIR,
                 host: Optional[PluginHost] = None) -> CostSources:
    """Plugins found in the environment's plugin root (or `host`), then the price book: the user's
    `prices update` stores before the bundled ones in `specs_dir`."""
    host = host or PluginHost.from_environment()
    book = PriceBook.load(specs_dir, user_dir=user_prices_dir())
    sources: list = [PluginSource(host, client, book) for client in host.clients]
    sources.append(PriceBookSource(book))
    return CostSources(Pricer(sources, usage), host)
