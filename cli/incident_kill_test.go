//go:build !windows

package cli_test

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"reperecyber/appinfo"
	"reperecyber/cli"
	"reperecyber/core"
	"reperecyber/journal"
	"reperecyber/store"
)

// helperEnv makes the test binary, re-executed, act as a writer of the
// journal instead of running the tests.
const helperEnv = "REPERECYBER_TEST_JOURNAL_WRITER"

// TestJournalWriterProcess is not a test: re-executed by
// TestNeverLoseAnEntry, it runs `incident log` over and over, each a
// full command (opening the database, writing, closing), and prints
// « ack N » once the command reported the entry saved.
func TestJournalWriterProcess(t *testing.T) {
	dir := os.Getenv(helperEnv)
	if dir == "" {
		t.Skip("helper process")
	}
	id, round := os.Getenv("INCIDENT_ID"), os.Getenv("ROUND")
	env := cli.Env{Stdout: &bytes.Buffer{}, Stderr: os.Stderr, Info: appinfo.Info{Name: "t"}, Core: core.Config{Paths: store.PathsIn(dir)}}
	for n := 0; ; n++ {
		if code := cli.Run(context.Background(), []string{"incident", "log", id, fmt.Sprintf("round %s entry %d", round, n)}, env); code != 0 {
			os.Exit(code)
		}
		fmt.Printf("ack %d\n", n)
	}
}

// TestNeverLoseAnEntry kills a process writing the journal (SIGKILL) at
// random moments: every entry it acknowledged must be in the database,
// and the database must pass SQLite's integrity check.
func TestNeverLoseAnEntry(t *testing.T) {
	if testing.Short() {
		t.Skip("re-executes the test binary")
	}
	dir := t.TempDir()
	u, err := store.OpenUser(store.PathsIn(dir).User)
	if err != nil {
		t.Fatal(err)
	}
	inc, err := u.OpenIncident(context.Background(), journal.Incident{Commune: "Brest", INSEE: "29019", Discovered: time.Now()})
	u.Close()
	if err != nil {
		t.Fatal(err)
	}
	const rounds = 12
	rng := rand.New(rand.NewPCG(1, 2)) // reproducible choice of moments
	acked := map[string]bool{}
	for round := range rounds {
		for _, text := range killWriter(t, dir, inc.ID, round, rng.IntN(8)) {
			acked[text] = true
		}
	}
	checkJournal(t, dir, inc.ID, acked)
}

// killWriter starts a writer, lets it acknowledge acks entries (0: kill
// at once, maybe before the first commit), kills it while it writes the
// next one, and returns the acknowledged texts.
func killWriter(t *testing.T, dir string, id int64, round, acks int) []string {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestJournalWriterProcess$")
	cmd.Env = append(os.Environ(), helperEnv+"="+dir, fmt.Sprintf("INCIDENT_ID=%d", id), fmt.Sprintf("ROUND=%d", round),
		// The child's TestMain makes a temporary folder that a killed
		// process cannot remove: keep it under the test's own.
		"TMPDIR="+t.TempDir())
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var texts []string
	sc := bufio.NewScanner(out)
	for len(texts) < acks && sc.Scan() {
		var n int
		if _, err := fmt.Sscanf(sc.Text(), "ack %d", &n); err == nil {
			texts = append(texts, fmt.Sprintf("round %d entry %d", round, n))
		}
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	// Acks already printed before the kill count too.
	for sc.Scan() {
		var n int
		if _, err := fmt.Sscanf(sc.Text(), "ack %d", &n); err == nil {
			texts = append(texts, fmt.Sprintf("round %d entry %d", round, n))
		}
	}
	cmd.Wait()
	if len(texts) < acks {
		t.Fatalf("round %d: writer stopped after %d of %d entries", round, len(texts), acks)
	}
	return texts
}

func checkJournal(t *testing.T, dir string, id int64, acked map[string]bool) {
	t.Helper()
	u, err := store.OpenUser(store.PathsIn(dir).User)
	if err != nil {
		t.Fatal(err)
	}
	defer u.Close()
	if s, err := u.IntegrityCheck(context.Background()); err != nil || s != "ok" {
		t.Fatalf("integrity check: %q %v", s, err)
	}
	d, err := u.Dossier(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, e := range d.Entries {
		have[e.Text] = true
	}
	var lost []string
	for text := range acked {
		if !have[text] {
			lost = append(lost, text)
		}
	}
	if len(lost) > 0 {
		t.Errorf("%d acknowledged entries lost: %s", len(lost), strings.Join(lost, ", "))
	}
	t.Logf("%d entries acknowledged, %d stored", len(acked), len(d.Entries))
}
