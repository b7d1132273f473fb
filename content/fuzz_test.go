package content

import "testing"

// FuzzValidPhone: the phone check never panics, whatever is typed.
func FuzzValidPhone(f *testing.F) {
	for _, s := range []string{"02 98 00 00 00", "17", "+33 2 98 00 00 00", "0 800 200 008", "abc", "", "3018", "+", "00 33 1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_ = ValidPhone(s)
	})
}

// FuzzValidINSEE: the code check never panics, and accepts only five
// ASCII characters.
func FuzzValidINSEE(f *testing.F) {
	for _, s := range []string{"29019", "2A004", "2B033", "97611", "99999", "2C004", "1A004", "", "290190", "2a004"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if ValidINSEE(s) && len(s) != 5 {
			t.Fatalf("accepted %q", s)
		}
	})
}
