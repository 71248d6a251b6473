# Sourced by the other scripts: create or refresh ./venv from requirements.txt (the pack's
# runtime) and requirements-dev.txt (tests, protoc).
# The venv is the one PulumiPolicy.yaml names, so `pulumi preview --policy-pack .` uses it too.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PY="${PYTHON:-python3}"
if [ ! -x venv/bin/python ]; then
  "$PY" -m venv venv >&2
fi
stamp=venv/.requirements.sha256
want="$(cat requirements.txt requirements-dev.txt | sha256sum | cut -d' ' -f1)"
if [ "$(cat "$stamp" 2>/dev/null || true)" != "$want" ]; then
  venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt -r requirements-dev.txt >&2
  echo "$want" > "$stamp"
fi
