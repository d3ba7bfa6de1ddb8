package estimate

import "strconv"

// comma writes an integer with thousands separators, 1234567 as
// 1,234,567: humanize.Comma's text (TestComma checks it) in one
// allocation, since every whole result goes through it.
func comma(n int64) string {
	var buf [32]byte
	digits := strconv.AppendInt(buf[:0], n, 10)
	sign := 0
	if n < 0 {
		sign = 1
	}
	d := len(digits) - sign
	if d <= 3 {
		return string(digits)
	}
	out := make([]byte, 0, len(digits)+(d-1)/3)
	out = append(out, digits[:sign]...)
	first := d % 3
	if first == 0 {
		first = 3
	}
	out = append(out, digits[sign:sign+first]...)
	for k := sign + first; k < len(digits); k += 3 {
		out = append(out, ',')
		out = append(out, digits[k:k+3]...)
	}
	return string(out)
}
