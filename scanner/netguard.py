"""Which network addresses a fetch may reach.

A feed's links may point anywhere, the intranet included (a router's admin page, a cloud metadata
service at 169.254.169.254). Fetches for a source on the public internet therefore never go to
loopback, link-local or private addresses; a source that itself lives on such an address (an intranet
feed) may, and so may every source with the setting ``allow_private_hosts``.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def ip_literal(host: str) -> IPAddress | None:
    """The address if the host is written as one ("10.0.0.1", "::1"), else None."""
    try:
        return ipaddress.ip_address(host.strip("[]").split("%")[0])
    except ValueError:
        return None


def is_internal_ip(ip: IPAddress) -> bool:
    """True for loopback, private, link-local, shared (CGNAT), reserved, unspecified and multicast addresses."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not ip.is_global or ip.is_multicast


async def resolve(host: str, port: int) -> list[str]:
    """The addresses a name resolves to (as the system resolver gives them)."""
    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [str(info[4][0]) for info in infos]


async def is_internal_host(host: str, port: int) -> bool:
    """True if the host is an internal address or any address its name resolves to is one.

    A name that does not resolve counts as public: the fetch then fails with a clear DNS error.
    """
    literal = ip_literal(host)
    if literal is not None:
        return is_internal_ip(literal)
    try:
        addresses = await resolve(host, port)
    except (OSError, UnicodeError):
        return False
    return any(ip is not None and is_internal_ip(ip) for ip in map(ip_literal, addresses))
