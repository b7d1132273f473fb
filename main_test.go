package main

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestMain lets the tests run this binary's main as a child process.
func TestMain(m *testing.M) {
	if os.Getenv("REPERECYBER_RUN_MAIN") == "1" {
		main()
		return
	}
	os.Exit(m.Run())
}

// TestNoLocaleErrorWithoutLanguage runs the command line under locales
// that name no language: Fyne must log nothing about them.
func TestNoLocaleErrorWithoutLanguage(t *testing.T) {
	for _, lang := range []string{"", "C", "C.UTF-8", "POSIX"} {
		t.Run("LANG="+lang, func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "version")
			cmd.Env = append(os.Environ(), "REPERECYBER_RUN_MAIN=1", "REPERECYBER_DATA_DIR="+t.TempDir(), "LANG="+lang, "LC_ALL=", "LC_MESSAGES=")
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("%v: %s", err, out)
			}
			if strings.Contains(string(out), "Fyne error") || strings.Contains(string(out), "locale") {
				t.Errorf("locale complaint under LANG=%q:\n%s", lang, out)
			}
			if !strings.Contains(string(out), "Repère Cyber") {
				t.Errorf("unexpected output:\n%s", out)
			}
		})
	}
}

// TestNoDisplayGivesAFrenchMessage: opening the window without a screen
// must explain, not panic.
func TestNoDisplayGivesAFrenchMessage(t *testing.T) {
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), "REPERECYBER_RUN_MAIN=1", "REPERECYBER_DATA_DIR="+t.TempDir(), "DISPLAY=", "WAYLAND_DISPLAY=")
	out, err := cmd.CombinedOutput()
	if err == nil {
		t.Fatalf("exit 0 without a display:\n%s", out)
	}
	if !strings.Contains(string(out), "aucun écran graphique") || strings.Contains(string(out), "panic") {
		t.Errorf("output:\n%s", out)
	}
}
