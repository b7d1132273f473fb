package store

import "time"

// SetCanWrite replaces the probe of whether a database file can be
// written, so that tests running as root (who can write anywhere) can
// simulate a write-protected USB key. It returns the function restoring
// the real probe.
func SetCanWrite(f func(path string) bool) (restore func()) {
	old := canWrite
	canWrite = f
	return func() { canWrite = old }
}

// SetNow replaces the clock of a user database.
func SetNow(u *User, now func() time.Time) { u.now = now }
