package reference

import (
	"fmt"
	"math"
	"math/big"
	"strings"

	"github.com/dustin/go-humanize"
)

// PowerRows are the powers of two people use.
var PowerRows = []int{0, 1, 2, 4, 7, 8, 10, 16, 20, 24, 30, 32, 40, 48, 50, 60, 63, 64}

// Power is one row of the powers-of-two table.
type Power struct {
	N       int     `json:"n"`
	Exact   string  `json:"exact"`   // 1,073,741,824
	Approx  string  `json:"approx"`  // the decimal number people round it to: 1 billion
	Binary  string  `json:"binary"`  // 1 GiB
	Decimal string  `json:"decimal"` // 1.074 GB
	Gap     float64 `json:"gap"`     // how much bigger the binary unit is than the decimal one: 0.074
	Note    string  `json:"note,omitempty"`
}

var scaleWords = []string{"", "thousand", "million", "billion", "trillion", "quadrillion", "quintillion"}
var binaryNames = []string{"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"}
var decimalNames = []string{"B", "KB", "MB", "GB", "TB", "PB", "EB"}

// powerNote says what 2^n is known for, or "".
func powerNote(n int) string {
	switch n {
	case 7:
		return "ASCII"
	case 8:
		return "one byte's values"
	case 16:
		return "ports; a uint16"
	case 24:
		return "24-bit colour"
	case 32:
		return "IPv4 addresses; a uint32"
	case 48:
		return "MAC addresses"
	case 63:
		return "the largest int64 + 1"
	case 64:
		return "a uint64"
	}
	return ""
}

// PowerOfTwo describes 2^n for 0 ≤ n ≤ 64.
func PowerOfTwo(n int) (Power, error) {
	if n < 0 || n > 64 {
		return Power{}, fmt.Errorf("powers of two run from 0 to 64, not %d", n)
	}
	exact := new(big.Int).Lsh(big.NewInt(1), uint(n))
	p := Power{N: n, Exact: humanize.BigComma(exact), Note: powerNote(n)}
	k := n / 10 // the prefix step: 2^(10k) ≈ 10^(3k)
	v := math.Ldexp(1, n)
	scaled := v / math.Pow(1000, float64(k))
	p.Approx = strings.TrimSpace(trimFloat(scaled, 3) + " " + scaleWords[k])
	if k == 0 {
		p.Approx = p.Exact
	}
	p.Binary = fmt.Sprintf("%s %s", humanize.Comma(int64(math.Ldexp(1, n-10*k))), binaryNames[k])
	p.Decimal = fmt.Sprintf("%s %s", trimFloat(scaled, 4), decimalNames[k])
	// (2^(10k) - 10^(3k)) / 10^(3k), its difference exact in integers, so
	// that the gap is the float nearest the true one (0.099511627776 at
	// TiB, not 1.024^4 - 1 = 0.09951162777599998).
	bin, dec := new(big.Int).Lsh(big.NewInt(1), uint(10*k)), new(big.Int).Exp(big.NewInt(1000), big.NewInt(int64(k)), nil)
	p.Gap, _ = new(big.Rat).SetFrac(new(big.Int).Sub(bin, dec), dec).Float64()
	return p, nil
}

// trimFloat shows v with up to digits significant digits, no trailing zeros.
func trimFloat(v float64, digits int) string {
	s := fmt.Sprintf("%.*g", digits, v)
	if strings.ContainsAny(s, "e") {
		s = humanize.Commaf(math.Round(v))
	}
	return s
}

// Powers lists the table's rows.
func Powers() []Power {
	out := make([]Power, 0, len(PowerRows))
	for _, n := range PowerRows {
		p, _ := PowerOfTwo(n)
		out = append(out, p)
	}
	return out
}
