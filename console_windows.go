//go:build windows

package main

import (
	"os"
	"syscall"
)

// attachConsole lets the sub-commands print in the cmd.exe or PowerShell
// window they were typed in. The executable is built as a GUI program,
// so that a double click opens no black console window; such a program
// has no console of its own, so it borrows its parent's. Handles that are
// already valid (output redirected to a file or a pipe) are kept.
func attachConsole() {
	attach := syscall.NewLazyDLL("kernel32.dll").NewProc("AttachConsole")
	const parentProcess = ^uintptr(0) // ATTACH_PARENT_PROCESS, (DWORD)-1
	if ok, _, _ := attach.Call(parentProcess); ok == 0 {
		return // started from Explorer or a shortcut: nothing to attach to
	}
	if !valid(syscall.STD_OUTPUT_HANDLE) {
		if f, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0); err == nil {
			os.Stdout = f
		}
	}
	if !valid(syscall.STD_ERROR_HANDLE) {
		if f, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0); err == nil {
			os.Stderr = f
		}
	}
	if !valid(syscall.STD_INPUT_HANDLE) {
		if f, err := os.OpenFile("CONIN$", os.O_RDONLY, 0); err == nil {
			os.Stdin = f
		}
	}
}

func valid(std int) bool {
	h, err := syscall.GetStdHandle(std)
	return err == nil && h != 0 && h != syscall.InvalidHandle
}
