# Sourced by the scripts that open real windows: starts Xvfb on a free
# display (-noreset: it does not restart, refusing connections for a
# moment, each time its last window closes), exports DISPLAY, and stops
# it on exit. Callers may add their own clean-up to the EXIT trap with
# xvfb_on_exit.
display=:$((70 + RANDOM % 29))
while [ -e "/tmp/.X11-unix/X${display#:}" ]; do display=:$((70 + RANDOM % 29)); done
Xvfb "$display" -screen 0 ${XVFB_SIZE:-1366x768}x24 -nolisten tcp -noreset >/dev/null 2>&1 &
xvfb_pid=$!
xvfb_cleanup=""
xvfb_on_exit() { xvfb_cleanup="$xvfb_cleanup"$'\n'"$1"; }
trap 'kill $xvfb_pid 2>/dev/null || true; eval "$xvfb_cleanup"' EXIT
export DISPLAY=$display
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
