//go:build !windows

package store_test

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"reperecyber/store"
)

const killWriterEnv = "REPERECYBER_TEST_KILL_WRITER"

// TestAcknowledgedWritesSurviveSIGKILL runs a writer process that prints
// each favourite once SetFavourite returned, kills it with SIGKILL in the
// middle of its writes, and checks every acknowledged favourite is there.
func TestAcknowledgedWritesSurviveSIGKILL(t *testing.T) {
	if path := os.Getenv(killWriterEnv); path != "" {
		writeUntilKilled(path)
		return
	}
	path := filepath.Join(t.TempDir(), "user.db")
	cmd := exec.Command(os.Args[0], "-test.run", "^TestAcknowledgedWritesSurviveSIGKILL$")
	cmd.Env = append(os.Environ(), killWriterEnv+"="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var acked []string
	lines := bufio.NewScanner(out)
	for lines.Scan() && len(acked) < 300 {
		if id, ok := strings.CutPrefix(lines.Text(), "ack "); ok {
			acked = append(acked, id)
		}
	}
	must(t, cmd.Process.Signal(syscall.SIGKILL))
	cmd.Wait()
	if len(acked) < 300 {
		t.Fatalf("writer stopped after %d writes", len(acked))
	}
	u, err := store.OpenUser(path)
	if err != nil {
		t.Fatal(err)
	}
	defer u.Close()
	favs, err := u.Favourites(ctx)
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, f := range favs {
		have[f] = true
	}
	for _, id := range acked {
		if !have[id] {
			t.Errorf("acknowledged write %s lost", id)
		}
	}
}

// writeUntilKilled is the writer process: it never returns normally.
func writeUntilKilled(path string) {
	u, err := store.OpenUser(path)
	if err != nil {
		fmt.Println("open:", err)
		os.Exit(1)
	}
	for i := 0; ; i++ {
		id := "entry-" + strconv.Itoa(i)
		if err := u.SetFavourite(ctx, id, true); err != nil {
			fmt.Println("write:", err)
			os.Exit(1)
		}
		fmt.Println("ack " + id)
	}
}
