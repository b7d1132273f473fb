package export

// SetFastText lets the external tests compare the fast text path with
// fpdf's own Text (see TestFastTextSameBytes).
func SetFastText(on bool) { useFastText = on }
