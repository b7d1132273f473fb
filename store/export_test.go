package store

// SetCanWrite replaces the probe of whether a database file can be
// written, so that tests running as root (who can write anywhere) can
// simulate a write-protected USB key. It returns the function restoring
// the real probe.
func SetCanWrite(f func(path string) bool) (restore func()) {
	old := canWrite
	canWrite = f
	return func() { canWrite = old }
}
