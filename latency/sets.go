package latency

import (
	"embed"
	"fmt"
	"path"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/napkin-calc/napkin/estimate"
)

//go:embed data/*.napkin
var dataFS embed.FS

// DefaultSet is the set in scope unless another is chosen: the "~2012"
// list that interviewers quote.
const DefaultSet = "dean2012"

// Set is one latency list.
type Set struct {
	Name    string // dean2012, scott2020
	Title   string
	Source  string
	Year    int
	Entries []*estimate.Constant // in the source's order
	Asserts *estimate.ConstantFile
	byID    map[string]*estimate.Constant
}

func (s *Set) add(c *estimate.Constant) {
	s.Entries = append(s.Entries, c)
	s.byID[c.Name] = c
}

// Entry returns the entry for an operation.
func (s *Set) Entry(id string) (*estimate.Constant, bool) {
	c, ok := s.byID[id]
	return c, ok
}

// Latencies are the entries that are durations, in order.
func (s *Set) Latencies() []*estimate.Constant { return s.filter(true) }

// Throughputs are the entries that are rates of data.
func (s *Set) Throughputs() []*estimate.Constant { return s.filter(false) }

func (s *Set) filter(durations bool) []*estimate.Constant {
	var out []*estimate.Constant
	for _, c := range s.Entries {
		if c.Value.IsTime() == durations {
			out = append(out, c)
		}
	}
	return out
}

// Library puts a set's entries in a session's scope under their plain
// names, and every set's entries under qualified names (dean2007.disk_seek,
// scott2020.dc_rtt).
func (s *Set) Library() estimate.Library { return &library{set: s} }

// Nothing here is built when napkin starts: the index on first use, the
// loaded sets as they are asked for.
var (
	loaded    map[string]*Set
	loadedMu  sync.Mutex
	indexOnce sync.Once
	theIndex  *fileIndex
	idsMu     sync.Mutex
	idsOf     map[string]setIDs
)

type setIDs struct {
	title string
	ids   []string
}

// fileIDs reads the entry names (and title) of one data-file set without
// evaluating it, once; ok is false when there is no such set. A run that
// uses only its chosen set reads only that set's file.
func fileIDs(name string) (ids setIDs, ok bool) {
	idsMu.Lock()
	defer idsMu.Unlock()
	if ids, ok := idsOf[name]; ok {
		return ids, len(ids.ids) > 0
	}
	data, err := dataFS.ReadFile(path.Join("data", name+".napkin"))
	if err != nil {
		return setIDs{}, false // not cached: only real sets are
	}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "#@ title:") {
			ids.title = strings.TrimSpace(strings.TrimPrefix(line, "#@ title:"))
		}
		if id, _, ok := strings.Cut(line, "="); ok && line != "" && !strings.HasPrefix(line, "#") && !strings.HasPrefix(line, "assert") {
			ids.ids = append(ids.ids, strings.TrimSpace(id))
		}
	}
	if idsOf == nil {
		idsOf = map[string]setIDs{}
	}
	idsOf[name] = ids
	return ids, len(ids.ids) > 0
}

func index() *fileIndex {
	indexOnce.Do(func() { theIndex = buildIndex() })
	return theIndex
}

// fileIndex is what the data files declare, read without evaluating them,
// so that listing names and suggesting them costs almost nothing.
type fileIndex struct {
	sets  []string            // set names in a stable order
	ids   map[string][]string // set → entry names
	title map[string]string
}

func buildIndex() *fileIndex {
	ix := &fileIndex{ids: map[string][]string{}, title: map[string]string{}}
	files, _ := dataFS.ReadDir("data")
	for _, f := range files {
		name := strings.TrimSuffix(f.Name(), ".napkin")
		ix.sets = append(ix.sets, name)
		set, _ := fileIDs(name)
		if set.title != "" {
			ix.title[name] = set.title
		}
		if len(set.ids) > 0 {
			ix.ids[name] = set.ids
		}
	}
	sort.Slice(ix.sets, func(i, j int) bool { return setOrder(ix.sets[i]) < setOrder(ix.sets[j]) })
	return ix
}

// setOrder sorts sets by year, the way the lists were published.
func setOrder(name string) string {
	digits := strings.TrimLeft(name, "abcdefghijklmnopqrstuvwxyz")
	if name == "primer" {
		digits = "2017"
	}
	return digits + name
}

// SetInfo names a set without loading it.
type SetInfo struct {
	Name  string `json:"name"`
	Title string `json:"title"`
}

// Sets lists the data-file sets, oldest first, then Scott's model.
func Sets() []SetInfo {
	ix := index()
	out := make([]SetInfo, 0, len(ix.sets)+1)
	for _, n := range ix.sets {
		out = append(out, SetInfo{n, ix.title[n]})
	}
	return append(out, SetInfo{"scott:YEAR", fmt.Sprintf("Colin Scott's by-year model, %d to %d", scottFirstYear, scottLastYear)})
}

// Get loads a set by name: a data-file set (dean2012), or Scott's model
// for a year as scott:2020 or scott2020.
func Get(name string) (*Set, error) {
	loadedMu.Lock()
	defer loadedMu.Unlock()
	if s, ok := loaded[name]; ok {
		return s, nil
	}
	s, err := load(name)
	if err != nil {
		return nil, err
	}
	if loaded == nil {
		loaded = map[string]*Set{}
	}
	loaded[name] = s
	return s, nil
}

func load(name string) (*Set, error) {
	if y, ok := strings.CutPrefix(name, "scott"); ok {
		year, err := strconv.Atoi(strings.TrimPrefix(y, ":"))
		if err != nil {
			return nil, fmt.Errorf("unknown latency set %q: Colin Scott's model takes a year, e.g. scott:2020", name)
		}
		return scottSet(year)
	}
	data, err := dataFS.ReadFile(path.Join("data", name+".napkin"))
	if err != nil {
		return nil, fmt.Errorf("unknown latency set %q; the sets are %s", name, setNames())
	}
	f, err := estimate.ParseConstants("latency/data/"+name+".napkin", string(data))
	if err != nil {
		return nil, err
	}
	year, _ := strconv.Atoi(f.Meta["year"])
	s := &Set{Name: name, Title: f.Meta["title"], Source: f.Meta["source"], Year: year, Asserts: f, byID: map[string]*estimate.Constant{}}
	for _, c := range f.Constants {
		s.add(c)
	}
	return s, nil
}

func setNames() string {
	var names []string
	for _, s := range Sets() {
		names = append(names, s.Name)
	}
	return strings.Join(names, ", ")
}
