package latency

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/napkin-calc/napkin/estimate"
)

// TestDataFilesTestThemselves loads every set and runs its asserts with the
// set in scope.
func TestDataFilesTestThemselves(t *testing.T) {
	for _, info := range Sets() {
		if strings.HasPrefix(info.Name, "scott") {
			continue
		}
		s, err := Get(info.Name)
		if err != nil {
			t.Fatalf("%s: %v", info.Name, err)
		}
		if s.Title == "" || s.Source == "" || s.Year == 0 {
			t.Errorf("%s: title %q, source %q, year %d", s.Name, s.Title, s.Source, s.Year)
		}
		session := estimate.NewSession(estimate.Options{})
		session.AddLibrary(s.Library())
		if err := s.Asserts.RunAsserts(session); err != nil {
			t.Errorf("%s: %v", s.Name, err)
		}
		if len(s.Asserts.Asserts) == 0 {
			t.Errorf("%s: no asserts", s.Name)
		}
	}
}

// TestDefaultSetContract: the names every estimate may rely on.
func TestDefaultSetContract(t *testing.T) {
	s, err := Get(DefaultSet)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range strings.Fields("l1_ref branch_mispredict l2_ref mutex ram_ref compress_1kb send_1kb ssd_random_read ram_read_1mb dc_rtt ssd_read_1mb disk_seek disk_read_1mb ca_nl_rtt") {
		if _, ok := s.Entry(id); !ok {
			t.Errorf("the default set lacks %s", id)
		}
	}
}

// TestSameIdentifiersForSameOperations: every identifier that appears in
// more than one set has one description's meaning; a cheap check is that
// it is of one dimension everywhere.
func TestSameIdentifiersForSameOperations(t *testing.T) {
	dims := map[string]string{}
	for _, info := range Sets() {
		name := info.Name
		if name == "scott:YEAR" {
			name = "scott:2020"
		}
		s, err := Get(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range s.Entries {
			d := c.Value.Dimension()
			if prev, ok := dims[c.Name]; ok && prev != d {
				t.Errorf("%s is %s in %s but %s elsewhere", c.Name, d, s.Name, prev)
			}
			dims[c.Name] = d
		}
	}
}

// TestScottReproducesPublished2020 checks the model against its published
// 2020 values (raw model output, in ns).
func TestScottReproducesPublished2020(t *testing.T) {
	want := map[string]float64{
		"l1_ref": 1, "branch_mispredict": 3.33, "l2_ref": 4.33, "mutex": 16.7, "ram_ref": 100,
		"compress_1kb": 2000, "send_2kb": 44.2, "ssd_random_read": 16000, "ram_read_1mb": 2967,
		"dc_rtt": 500000, "ssd_read_1mb": 48981, "disk_seek": 2500000, "disk_read_1mb": 824692, "ca_nl_rtt": 150e6,
	}
	s, err := Get("scott:2020")
	if err != nil {
		t.Fatal(err)
	}
	for id, ns := range want {
		c, ok := s.Entry(id)
		if !ok {
			t.Errorf("no %s", id)
			continue
		}
		if got := c.Value.V * 1e9; math.Abs(got-ns)/ns > 0.002 {
			t.Errorf("%s in 2020: %g ns, published %g ns", id, got, ns)
		}
	}
}

// TestScottOtherYears checks the model's published raw output for other
// years, including its quirks.
func TestScottOtherYears(t *testing.T) {
	for _, c := range []struct {
		year int
		id   string
		ns   float64
	}{
		{2005, "send_2kb", 8000}, {2012, "ssd_random_read", 16379}, {2005, "ssd_random_read", 17161},
		{2026, "ram_read_1mb", 742}, {2005, "disk_seek", 7071068}, {2009, "disk_read_1mb", 3789291},
		{2015, "ssd_read_1mb", 155506},
	} {
		s, err := Get("scott:" + strconv.Itoa(c.year))
		if err != nil {
			t.Fatal(err)
		}
		e, _ := s.Entry(c.id)
		if got := e.Value.V * 1e9; math.Abs(got-c.ns)/c.ns > 0.002 {
			t.Errorf("%s in %d: %g ns, published %g", c.id, c.year, got, c.ns)
		}
	}
	if _, err := Get("scott:1989"); err == nil {
		t.Error("1989 accepted")
	}
	if _, err := Get("scott:abc"); err == nil {
		t.Error("scott:abc accepted")
	}
}

func TestLibraryInASession(t *testing.T) {
	s, _ := Get(DefaultSet)
	session := estimate.NewSession(estimate.Options{})
	session.AddLibrary(s.Library())
	for line, want := range map[string]string{
		"dc_rtt * 2 + ssd_random_read * 3":       "1.45 ms",
		"dean2007.mutex":                         "100 ns",
		"scott2020.disk_seek -> ms":              "2.5 ms",
		"napkinmath2026.syscall":                 "300 ns",
		"disk_seek / ram_ref":                    "100,000",
		"dean2007.disk_read_1mb - disk_read_1mb": "10 ms",
	} {
		r, err := session.Eval(line)
		if err != nil {
			t.Errorf("%s: %v", line, err)
			continue
		}
		if r.Text != want {
			t.Errorf("%s = %s, want %s", line, r.Text, want)
		}
	}
	if _, err := session.Eval("syscall"); err == nil || !strings.Contains(err.(*estimate.Error).Hint, "napkinmath2024.syscall") {
		t.Errorf("a name from another set: %v", err)
	}
	if _, err := session.Eval("nosuchset.disk_seek"); err == nil {
		t.Error("unknown set accepted")
	}
}

func TestHumanScale(t *testing.T) {
	s, _ := Get(DefaultSet)
	tab := NewTable(s)
	got := map[string]string{}
	for _, r := range tab.Rows {
		got[r.Name] = r.Human
	}
	for id, want := range map[string]string{"l1_ref": "1 s", "ram_ref": "3.3 min", "disk_seek": "7.6 months", "ca_nl_rtt": "9.5 years", "dc_rtt": "12 days"} {
		if got[id] != want {
			t.Errorf("%s: %q, want %q", id, got[id], want)
		}
	}
}

func TestCompare(t *testing.T) {
	s, _ := Get(DefaultSet)
	c, err := Compare(s, "disk_seek", "ram_ref")
	if err != nil || c.Ratio != 100000 {
		t.Errorf("%v %v", c, err)
	}
	if _, err := Compare(s, "disk_seek", "nope"); err == nil {
		t.Error("unknown name accepted")
	}
}

// TestFileIDsMatchIndex: reading one set's names (what a run that uses only
// its chosen set does) agrees with the full index of every set.
func TestFileIDsMatchIndex(t *testing.T) {
	ix := index()
	for _, name := range ix.sets {
		set, ok := fileIDs(name)
		if !ok || !slices.Equal(set.ids, ix.ids[name]) || set.title != ix.title[name] {
			t.Errorf("%s: fileIDs = %v, %v; the index has %v, %q", name, set, ok, ix.ids[name], ix.title[name])
		}
	}
	for _, name := range []string{"", "nope", "../latency", "data/dean2012"} {
		if _, ok := fileIDs(name); ok {
			t.Errorf("fileIDs(%q) found a set", name)
		}
	}
}
