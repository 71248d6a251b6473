"""The plugin launcher on Linux: the plugin's whole process tree dies with it, and it dies with the pack.

process.py runs `python -I -S reaper.py --parent PID [--grace S] [--unset NAME]... -- <plugin argv>`
in the plugin's directory, with the plugin's environment and pipes. Why a launcher: a plugin may start helpers in
a session of their own (setsid); a process-group kill misses them, and when the pack dies they are
re-parented to init and live on. This process is a child subreaper (PR_SET_CHILD_SUBREAPER), so
every orphan in the plugin's tree is re-parented to it: walking /proc for descendants of our pid
finds the whole tree, however it was detached.

The tree is stopped (SIGTERM to every descendant, SIGKILL `--grace` seconds later to any left) when
we get SIGTERM, SIGINT or SIGHUP (the host's normal stop), when the pack goes away (our
parent-death signal is SIGTERM; the parent pid is also checked every second), and when the plugin
exits (helpers it left behind go too). We then exit as the plugin did: its code, or its signal.
The plugin itself gets SIGKILL as parent-death signal, in case this launcher is SIGKILLed.

Run by path with -I -S, importing only the standard library (no package, no site, no typing): it is
on the path of every plugin launch (~20 ms of interpreter start), and nothing in the plugin's
directory or environment may shadow a module it imports.
"""
from __future__ import annotations

import ctypes
import os
import signal
import sys
import time

PR_SET_PDEATHSIG = 1
PR_SET_CHILD_SUBREAPER = 36
# Printed on stdout (where the host expects the plugin's port line) when the plugin cannot be run.
CANNOT_RUN = "CANNOT RUN "
CANNOT_RUN_CODE = 127
_STOP_SIGNALS = {signal.SIGTERM, signal.SIGINT, signal.SIGHUP}
_POLL = 0.05      # seconds between scans for descendants that are not our children
_KILL_FOR = 2.0   # how long SIGKILL rounds go on (a tree still forking); the kill itself is instant


def _prctl(option: int, value: int) -> None:
    if ctypes.CDLL(None, use_errno=True).prctl(option, value, 0, 0, 0) != 0:
        err = ctypes.get_errno()
        raise OSError(err, os.strerror(err))


def descendants(root: int) -> list[int]:
    """Live (not zombie) processes under `root`, read from /proc: parents before children."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                stat = f.read()
        except OSError:  # gone meanwhile
            continue
        # "pid (comm) state ppid ...": comm may hold spaces and parentheses, so split after the last ')'.
        state, ppid = stat[stat.rindex(b")") + 2:].split(b" ", 2)[:2]
        if state not in (b"Z", b"X"):
            children.setdefault(int(ppid), []).append(int(entry))
    found, queue = [], [root]
    while queue:
        for pid in children.get(queue.pop(), ()):
            found.append(pid)
            queue.append(pid)
    return found


def _signal_all(pids: list[int], sig: int) -> None:
    for pid in pids:
        try:
            os.kill(pid, sig)
        except ProcessLookupError:
            pass


class Tree:
    """The plugin and everything under us; `status` is the plugin's wait status once it exited."""

    def __init__(self, plugin: int) -> None:
        self.plugin = plugin
        self.status: int | None = None

    def reap(self) -> None:
        """Collect every exited child (orphans re-parented to us included), noting the plugin's status."""
        while True:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            if pid == self.plugin:
                self.status = status

    def stop(self, grace: float) -> None:
        """SIGTERM the whole tree; SIGKILL whatever is still there after `grace` seconds."""
        _signal_all(descendants(os.getpid()), signal.SIGTERM)
        deadline = time.monotonic() + grace
        while self._left() and time.monotonic() < deadline:
            signal.sigtimedwait({signal.SIGCHLD}, min(_POLL, max(0.0, deadline - time.monotonic())))
        deadline = time.monotonic() + _KILL_FOR
        while (left := self._left()) and time.monotonic() < deadline:
            _signal_all(left, signal.SIGKILL)
            signal.sigtimedwait({signal.SIGCHLD}, _POLL)
        self.reap()

    def _left(self) -> list[int]:
        self.reap()
        return descendants(os.getpid())


def _spawn(argv: list[str], mask: set[int]) -> int:
    """Fork and exec the plugin with the signal mask and dispositions it would have had, and SIGKILL
    as its parent-death signal; an exec failure comes back as OSError (through a close-on-exec pipe)."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child; this process has a single thread, so Python here is safe
        try:
            os.close(read_end)
            for sig in (signal.SIGPIPE, signal.SIGXFSZ):  # Python ignores these; exec would keep that
                signal.signal(sig, signal.SIG_DFL)
            signal.pthread_sigmask(signal.SIG_SETMASK, mask)
            _prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
            os.execv(argv[0], argv)
        except OSError as err:
            os.write(write_end, f"{err.errno}".encode())
        finally:
            os._exit(CANNOT_RUN_CODE)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        failed = pipe.read()
    if failed:
        os.waitpid(pid, 0)
        errno = int(failed)
        raise OSError(errno, os.strerror(errno))
    return pid


def _exit_like(status: int | None) -> int:
    """Our exit code for the plugin's wait status; a plugin killed by a signal is mirrored by that signal."""
    if status is None:
        return 1
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        signal.signal(sig, signal.SIG_DFL)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {sig})
        os.kill(os.getpid(), sig)
        return 128 + sig  # a signal whose default is not to terminate
    return os.waitstatus_to_exitcode(status)


def _parse(args: list[str]) -> tuple[int, float, list[str], list[str]]:
    parent, grace, unset = os.getppid(), 2.0, []
    while len(args) >= 2 and args[0] != "--":
        flag, value, args = args[0], args[1], args[2:]
        if flag == "--parent":
            parent = int(value)
        elif flag == "--grace":
            grace = float(value)
        elif flag == "--unset":
            unset.append(value)
        else:
            raise SystemExit(f"reaper: unknown option {flag}")
    if len(args) < 2 or args[0] != "--":
        raise SystemExit("usage: reaper.py [--parent PID] [--grace S] [--unset NAME]... -- PLUGIN [ARG]...")
    return parent, grace, unset, args[1:]


def main(args: list[str]) -> int:
    parent, grace, unset, argv = _parse(args)
    watched = _STOP_SIGNALS | {signal.SIGCHLD}
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)  # an inherited SIG_IGN would reap children for us
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, watched)
    try:
        _prctl(PR_SET_CHILD_SUBREAPER, 1)
        _prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except OSError as err:  # a kernel before 3.4, or a seccomp filter: say so rather than run untracked
        os.write(1, f"{CANNOT_RUN}the plugin launcher cannot track processes (prctl: {err.strerror})\n".encode())
        return CANNOT_RUN_CODE
    if os.getppid() != parent:  # the pack died before the signal was armed (or before we started)
        return 1
    for name in unset:  # the interpreter sets LC_CTYPE in a C locale (PEP 538); the plugin must not see it
        os.environ.pop(name, None)
    try:
        tree = Tree(_spawn(argv, mask))
    except OSError as err:
        os.write(1, f"{CANNOT_RUN}{err.strerror}\n".encode())
        return CANNOT_RUN_CODE
    # The plugin's stdin and stdout are its own: the host sees end-of-file when the plugin (and
    # anything it gave them to) closes them, not when we do. Stderr stays for our own errors.
    devnull = os.open(os.devnull, os.O_RDWR)
    os.dup2(devnull, 0)
    os.dup2(devnull, 1)
    os.close(devnull)
    while tree.status is None:
        info = signal.sigtimedwait(watched, 1.0)
        if (info is not None and info.si_signo in _STOP_SIGNALS) or os.getppid() != parent:
            break
        tree.reap()
    tree.stop(grace)
    return _exit_like(tree.status)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
