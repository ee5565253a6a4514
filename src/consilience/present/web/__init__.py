"""The local web UI and JSON API over one ledger (`consilience serve`): read-only,
server-rendered, every document and claim text escaped."""

from consilience.present.web.app import LOOPBACK_HOSTS, create_app

__all__ = ["LOOPBACK_HOSTS", "create_app"]
