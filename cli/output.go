package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"
)

// isControl reports whether r is a C0 or C1 control character or DEL:
// echoed raw to a terminal, ESC and its kin can rewrite the screen, hide
// text or change the window's title.
func isControl(r rune) bool {
	return r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f
}

// maxEcho bounds what is echoed back of a file's or an argument's text.
const maxEcho = 300

// printable shows the control characters of text read from a file or an
// argument as \x1b-style escapes, so that echoing it is harmless.
func printable(s string) string {
	if r := []rune(s); len(r) > maxEcho {
		s = string(r[:maxEcho]) + "…"
	}
	if !strings.ContainsFunc(s, isControl) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if isControl(r) {
			fmt.Fprintf(&b, "\\x%02x", r)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// guardedWriter escapes control characters other than line breaks and
// tabs in everything a command prints (file contents, arguments), and
// keeps the first write error: a full disk or a closed pipe behind stdout
// must not end in success.
type guardedWriter struct {
	w   io.Writer
	err error
	// raw lets \r through, for the progress bar redrawn in place.
	raw bool
}

func (g *guardedWriter) Write(p []byte) (int, error) {
	if g.err != nil {
		return 0, g.err
	}
	s := string(p)
	if strings.ContainsFunc(s, func(r rune) bool { return isControl(r) && r != '\n' && r != '\t' && !(g.raw && r == '\r') }) {
		var b strings.Builder
		for _, r := range s {
			if isControl(r) && r != '\n' && r != '\t' && !(g.raw && r == '\r') {
				fmt.Fprintf(&b, "\\x%02x", r)
			} else {
				b.WriteRune(r)
			}
		}
		s = b.String()
	}
	if _, err := io.WriteString(g.w, s); err != nil {
		g.err = err
		return 0, err
	}
	return len(p), nil
}

// Unwrap gives the writer underneath, to tell whether it is a terminal.
func (g *guardedWriter) Unwrap() io.Writer { return g.w }

// guardOutput wraps the command's outputs; finish turns a failed write to
// stdout into a failure exit code, said on stderr.
func guardOutput(env Env) (Env, func(code int) int) {
	out := &guardedWriter{w: env.Stdout}
	errOut := &guardedWriter{w: env.Stderr, raw: true}
	env.Stdout, env.Stderr = out, errOut
	return env, func(code int) int {
		if out.err == nil {
			return code
		}
		if !errors.Is(out.err, io.ErrClosedPipe) {
			fmt.Fprintf(errOut.w, "Impossible d'écrire la sortie de la commande (disque plein ?). Détail : %v\n", out.err)
		}
		if code == ExitOK {
			return ExitFailure
		}
		return code
	}
}
