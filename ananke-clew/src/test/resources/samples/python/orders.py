"""Order service: loads, prices and ships orders."""
import asyncio
import logging
import os, subprocess as sp
from dataclasses import dataclass, field
from enum import Enum
from typing import Optional, Protocol
from .db import connection as db_conn
from .models import *

MAX_ITEMS = 100
DEFAULT_CURRENCY = "EUR"
DB_PASSWORD = "hunter2"
logger = logging.getLogger(__name__)


class OrderStatus(Enum):
    PENDING = "pending"
    PAID = "paid"
    SHIPPED = "shipped"


@dataclass
class Order:
    order_id: str
    customer_id: str
    total_cents: int = 0
    note: Optional[str] = None
    items: list[str] = field(default_factory=list)


class Notifier(Protocol):
    def notify(self, order: Order, message: str) -> None: ...


type OrderMap = dict[str, Order]


class OrderService:
    def __init__(self, repo, notifier: Notifier):
        self._repo = repo
        self._notifier = notifier

    async def get_order(self, order_id: str) -> Optional[Order]:
        try:
            row = await self._repo.fetch_one(order_id)
        except KeyError:
            logger.warning("order %s not found", order_id)
            return None
        return Order(**row)

    async def ship_all(self, orders: list[Order], *, dry_run: bool = False) -> int:
        tasks = [asyncio.create_task(self._ship(o)) for o in orders]
        results = await asyncio.gather(*tasks)
        return sum(1 for r in results if r)

    async def _ship(self, order):
        if order.total_cents <= 0:
            raise ValueError(f"order {order.order_id} has no total")
        return True

    @staticmethod
    def find_by_customer(cursor, customer_id, *args, **kwargs):
        cursor.execute("SELECT * FROM orders WHERE customer_id = '" + customer_id + "'")
        return cursor.fetchall()


def export_orders(path: str) -> None:
    os.system("tar czf " + path + " /var/orders")
    sp.run(f"rm -rf {path}.tmp", shell=True)
    try:
        os.remove(path + ".lock")
    except OSError:
        pass


def run_hook(code):
    exec(code)
    return eval("1 + 1")
