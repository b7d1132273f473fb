package ui

import (
	"errors"
	"os"
	"runtime"
)

// ErrNoDisplay means the window cannot open: no graphical session.
var ErrNoDisplay = errors.New("no graphical display")

// checkDisplay reports ErrNoDisplay on Linux and BSD when neither X11 nor
// Wayland is available, which would otherwise end in a GLFW panic.
func checkDisplay() error {
	switch runtime.GOOS {
	case "linux", "freebsd", "openbsd", "netbsd":
		if os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
			return ErrNoDisplay
		}
	}
	return nil
}
