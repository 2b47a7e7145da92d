"""The accept delay's alarm (server/workers.py): one thread rings each hold's deadline."""

import queue
import threading
import time

from service.server.workers import Alarm

DELAY = 0.05


def test_the_alarm_rings_once_with_the_latest_token_after_the_delay():
    rung = queue.Queue()
    alarm = Alarm(DELAY, lambda token: rung.put((token, time.monotonic())))
    set_at = time.monotonic()
    alarm.set(1)
    alarm.set(2)  # a later hold replaces the earlier one's deadline
    token, at = rung.get(timeout=5)
    assert token == 2 and at - set_at >= DELAY
    time.sleep(3 * DELAY)
    assert rung.empty()  # once per set


def test_the_alarm_rings_again_for_each_later_hold():
    rung = queue.Queue()
    alarm = Alarm(DELAY, rung.put)
    for token in range(3):
        alarm.set(token)
        assert rung.get(timeout=5) == token


def alarm_threads() -> int:
    return sum(thread.name == "accept-delay" for thread in threading.enumerate())


def test_one_thread_serves_every_hold():
    before = alarm_threads()
    rung = queue.Queue()
    alarm = Alarm(DELAY / 10, rung.put)
    for token in range(50):
        alarm.set(token)
    while rung.get(timeout=5) != 49:  # earlier tokens may ring first if the machine stalls
        pass
    assert alarm_threads() == before + 1
