//go:build !linux

package assets

func release([]byte) {}
