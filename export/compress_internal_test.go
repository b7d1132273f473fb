package export

import (
	"bytes"
	"testing"
)

// TestWriteCompressedUnknownLayout: a file not laid out as fpdf v0.12
// writes it is passed through unchanged rather than damaged.
func TestWriteCompressedUnknownLayout(t *testing.T) {
	for name, in := range map[string]string{
		"empty":          "",
		"no xref":        "%PDF-1.3\n1 0 obj\n<</Length 3>>\nstream\nabc\nendstream\nendobj\n",
		"xref past end":  "%PDF-1.3\nstartxref\n999\n%%EOF\n",
		"truncated xref": "%PDF-1.3\n1 0 obj\n<<>>\nendobj\nxref\n0 5\n0000000000 65535 f \nstartxref\n27\n%%EOF\n",
	} {
		t.Run(name, func(t *testing.T) {
			var out bytes.Buffer
			if err := writeCompressed([]byte(in), &out); err != nil {
				t.Fatal(err)
			}
			if out.String() != in {
				t.Errorf("changed to %q", out.String())
			}
		})
	}
}
