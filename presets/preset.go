package presets

import (
	"embed"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/napkin-calc/napkin/estimate"
)

//go:embed data/*.napkin
var dataFS embed.FS

// Preset is one worked estimate.
type Preset struct {
	Name       string // twitter
	Title      string
	Summary    string // one line for the listing
	Source     string // the public write-up it follows, "" for napkin's own
	Path       string // presets/data/twitter.napkin, or the user's file
	User       bool   // from the user's presets directory
	Shadows    bool   // a user preset that replaces a built-in one
	Src        string
	rawSummary string // the summary as written, {name}s unfilled
	// titleLine is the comment line used as the title of a preset
	// without a "#@ title:" line, left out of its scope; 0 for none.
	titleLine int
}

// Line is one line of a preset, with what the comments around it say.
type Line struct {
	N          int    // 1-based
	Text       string // the line as written
	Code       string // the statement, comments removed; "" for none
	Name       string // the variable it assigns
	Reason     string // the comment after the statement
	Prose      []string
	Section    string // Assumptions, Traffic, Storage, …
	Question   string // the practice question for this line, from #?
	Assumption bool   // in the Assumptions section: may be --set
}

// Lines parses the preset into its lines.
func (p *Preset) Lines() []Line {
	var out []Line
	section := ""
	var prose []string
	question := ""
	for i, text := range strings.Split(p.Src, "\n") {
		t := strings.TrimSpace(text)
		switch {
		case strings.HasPrefix(t, "#@ section:"):
			section = strings.TrimSpace(strings.TrimPrefix(t, "#@ section:"))
			prose = nil
			continue
		case strings.HasPrefix(t, "#@"):
			continue
		case strings.HasPrefix(t, "#?"):
			question = strings.TrimSpace(t[2:])
			continue
		case strings.HasPrefix(t, "#"):
			prose = append(prose, strings.TrimSpace(strings.TrimPrefix(t, "#")))
			continue
		case t == "":
			continue
		}
		code, reason, _ := strings.Cut(text, "#")
		l := Line{N: i + 1, Text: text, Code: strings.TrimSpace(code), Reason: strings.TrimSpace(reason),
			Prose: prose, Section: section, Question: question, Assumption: section == "Assumptions"}
		if name, _, ok := strings.Cut(l.Code, "="); ok && !strings.ContainsAny(strings.TrimSpace(name), " (") {
			l.Name = strings.TrimSpace(name)
		}
		out = append(out, l)
		prose, question = nil, ""
	}
	return out
}

// Scope is the prose before the first section: what the problem is, with
// the preset's own values of the assumptions it names (fill.go).
func (p *Preset) Scope() []string { return fillAll(p.rawScope(), p.values(nil)) }

func (p *Preset) rawScope() []string {
	var out []string
	for i, text := range strings.Split(p.Src, "\n") {
		t := strings.TrimSpace(text)
		if strings.HasPrefix(t, "#@ section:") {
			break
		}
		if i+1 == p.titleLine {
			continue
		}
		if !strings.HasPrefix(t, "#") && t != "" {
			break // a script without sections: its comments belong to its lines
		}
		if strings.HasPrefix(t, "#") && !strings.HasPrefix(t, "#@") && !strings.HasPrefix(t, "#?") {
			out = append(out, strings.TrimSpace(strings.TrimPrefix(t, "#")))
		}
	}
	return out
}

// Assumptions are the lines a run may override.
func (p *Preset) Assumptions() []Line {
	var out []Line
	for _, l := range p.Lines() {
		if l.Assumption && l.Name != "" {
			out = append(out, l)
		}
	}
	return out
}

func parse(name, path, src string, user bool) (*Preset, error) {
	p := &Preset{Name: name, Path: path, Src: src, User: user}
	for _, line := range strings.Split(src, "\n") {
		key, value, ok := strings.Cut(strings.TrimPrefix(strings.TrimSpace(line), "#@"), ":")
		if !ok || !strings.HasPrefix(strings.TrimSpace(line), "#@") {
			continue
		}
		value = strings.TrimSpace(value)
		switch strings.TrimSpace(key) {
		case "title":
			p.Title = value
		case "summary":
			p.rawSummary = value
		case "source":
			p.Source = value
		}
	}
	p.Summary = fill(p.rawSummary, p.values(nil))
	if p.Title == "" && !user {
		return nil, fmt.Errorf("%s: a preset needs a #@ title: line", path)
	}
	if p.Title == "" {
		// A plain script: its first comment line is its title, or else
		// its file name.
		p.Title = strings.ReplaceAll(name, "_", " ")
		for i, line := range strings.Split(src, "\n") {
			t := strings.TrimSpace(line)
			if t == "" || strings.HasPrefix(t, "#@") || strings.HasPrefix(t, "#?") {
				continue
			}
			if text := strings.TrimSpace(strings.TrimPrefix(t, "#")); strings.HasPrefix(t, "#") && text != "" {
				p.Title, p.titleLine = text, i+1
			}
			break
		}
	}
	return p, nil
}

// Builtin lists the presets napkin ships, by name.
func Builtin() []*Preset {
	files, _ := dataFS.ReadDir("data")
	var out []*Preset
	for _, f := range files {
		name := strings.TrimSuffix(f.Name(), ".napkin")
		data, _ := dataFS.ReadFile("data/" + f.Name())
		p, err := parse(name, "presets/data/"+f.Name(), string(data), false)
		if err != nil {
			panic(fmt.Sprintf("napkin: internal error: %v", err)) // the tests load every built-in
		}
		out = append(out, p)
	}
	return out
}

// UserDir is where a user's presets live: $NAPKIN_PRESETS, or napkin/presets
// in the user's config directory (~/.config/napkin/presets on Linux).
func UserDir() string {
	if d := os.Getenv("NAPKIN_PRESETS"); d != "" {
		return d
	}
	if d, err := os.UserConfigDir(); err == nil {
		return filepath.Join(d, "napkin", "presets")
	}
	return ""
}

// All lists the built-in presets and the user's (from dir, which may be
// missing), by name; a user preset replaces a built-in one of its name.
// Files that cannot be read are returned as errors beside the list.
func All(dir string) ([]*Preset, []error) {
	byName := map[string]*Preset{}
	for _, p := range Builtin() {
		byName[p.Name] = p
	}
	var errs []error
	if dir != "" {
		files, _ := filepath.Glob(filepath.Join(dir, "*.napkin"))
		for _, f := range files {
			data, err := readUserFile(f)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			name := strings.TrimSuffix(filepath.Base(f), ".napkin")
			// CRLF or lone-CR line endings and a BOM become plain lines.
			src := strings.Join(estimate.SplitLines(string(data)), "\n") + "\n"
			p, err := parse(name, f, src, true)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			_, p.Shadows = byName[name]
			byName[name] = p
		}
	}
	out := make([]*Preset, 0, len(byName))
	for _, p := range byName {
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, errs
}

// Find returns the preset called name.
func Find(all []*Preset, name string) (*Preset, bool) {
	for _, p := range all {
		if p.Name == name {
			return p, true
		}
	}
	return nil, false
}

// maxUserPresetSize bounds a user's preset file.
const maxUserPresetSize = 1 << 20

// readUserFile reads a user's preset: a regular file (a FIFO would block,
// /dev/zero would never end) of at most maxUserPresetSize bytes.
func readUserFile(path string) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file", path)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxUserPresetSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxUserPresetSize {
		return nil, fmt.Errorf("%s: larger than %d MB, the limit for a preset", path, maxUserPresetSize>>20)
	}
	return data, nil
}
