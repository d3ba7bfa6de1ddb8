package main

import (
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/chzyer/readline"
	"github.com/napkin-calc/napkin/estimate"
	"github.com/napkin-calc/napkin/latency"
	"github.com/napkin-calc/napkin/presets"
	"github.com/napkin-calc/napkin/reference"
)

// repl is the interactive session: napkin with no arguments on a terminal.
type repl struct {
	io      *ioStreams
	p       *printer
	opts    *globalOptions
	session *estimate.Session
	full    bool     // :work: show the full working
	defs    []string // the lines that defined something, for :save
	rl      *readline.Instance
	in      *replInput
}

const historyLimit = 1000

// historyPath is where the session's history is kept: $NAPKIN_HISTORY, or
// napkin/history in the user's state directory ($XDG_STATE_HOME, else
// ~/.local/state), never the working directory.
func historyPath() string {
	if p := os.Getenv("NAPKIN_HISTORY"); p != "" {
		return p
	}
	state := os.Getenv("XDG_STATE_HOME")
	if state == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return ""
		}
		state = filepath.Join(home, ".local", "state")
	}
	return filepath.Join(state, "napkin", "history")
}

func runREPL(streams *ioStreams, p *printer, opts *globalOptions) error {
	r := &repl{io: streams, p: p, opts: opts}
	p.opts = opts
	hist := usableHistory(p, historyPath())
	r.in = newReplInput(streams.In)
	// The terminal stays raw for the whole session, not only while a line
	// is read: a key typed while a line is evaluated (Ctrl-C, Ctrl-D, the
	// next line) then reaches the next read, instead of meeting the
	// terminal's own line discipline in between.
	raw := &rawMode{fd: int(os.Stdin.Fd())}
	defer raw.restore()
	// The line editor and its history are set up while the session is
	// made: the two do not depend on each other, and the prompt waits for
	// both, so that it appears about as soon as a one-shot result would.
	history := &lazyHistory{path: hist}
	editor := make(chan lineEditor, 1)
	go func() {
		rl, err := newLineEditor(streams, r, raw, history)
		editor <- lineEditor{rl, err}
	}()
	session, err := newSession(opts)
	ed := <-editor
	defer trimHistory(hist) // after the editor has closed the file
	if ed.rl != nil {
		defer ed.rl.Close()
	}
	defer history.close()
	switch {
	case err != nil:
		return err
	case ed.err != nil:
		return fmt.Errorf("cannot start the interactive session: %w", ed.err)
	}
	r.session, r.rl = session, ed.rl
	rl := ed.rl
	history.rl = rl
	// While the line editor reads, Ctrl-C arrives as a key and cancels the
	// line; while a line is evaluated, r.in sees it and interrupts the
	// evaluation. A SIGINT from outside interrupts an evaluation too, and
	// never ends the session.
	interrupts := make(chan os.Signal, 1)
	signal.Notify(interrupts, os.Interrupt)
	defer signal.Stop(interrupts)
	go func() {
		for range interrupts {
			r.in.interrupt()
		}
	}()
	fmt.Fprintln(streams.Out, streams.style(styleDim, "napkin: back-of-envelope estimates. :help for help, Tab to complete, Ctrl-D to quit."))
	line := 0
	for {
		text, err := rl.Readline()
		switch {
		case errors.Is(err, readline.ErrInterrupt):
			continue // Ctrl-C cancels the line, not the session
		case errors.Is(err, io.EOF):
			return nil
		case err != nil:
			return err
		}
		history.add(text)
		text = strings.TrimSpace(text)
		if text == "" {
			continue
		}
		if strings.HasPrefix(text, ":") {
			if quit := r.command(text); quit {
				return nil
			}
			continue
		}
		line++
		r.eval(line, text)
	}
}

// interrupted says that Ctrl-C stopped an evaluation.
func (r *repl) interrupted() {
	fmt.Fprintln(r.io.ErrOut, r.io.style(styleDim, "^C interrupted: back to the prompt"))
}

// screenWidth is the terminal's width for the line editor: a terminal that
// reports 0 columns (or none) is taken as 80 wide, since the editor's
// cursor arithmetic would otherwise spin for ever.
func screenWidth() int {
	if w := readline.GetScreenWidth(); w > 0 {
		return w
	}
	return 80
}

// usableHistory is the history file, if the line editor may use it: a
// regular file (a FIFO would block it, /dev/zero would never end) of a
// sane size, or one not made yet. Otherwise the session runs without
// history, with a warning.
func usableHistory(p *printer, path string) string {
	if path == "" {
		return ""
	}
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		_ = os.MkdirAll(filepath.Dir(path), 0o755)
		return path
	case err != nil:
		p.warnLine(fmt.Sprintf("cannot read the history file %s: %v; this session keeps no history", path, unwrapPathError(err)), "set NAPKIN_HISTORY to another file")
		return ""
	case !info.Mode().IsRegular():
		p.warnLine(fmt.Sprintf("the history file %s is not a regular file (%s); this session keeps no history", path, fileKind(info.Mode())), "set NAPKIN_HISTORY to a regular file")
		return ""
	case info.Size() > maxHistorySize:
		p.warnLine(fmt.Sprintf("the history file %s is larger than %d MB; this session keeps no history", path, maxHistorySize>>20), "remove it, or set NAPKIN_HISTORY to another file")
		return ""
	}
	return path
}

// maxHistorySize bounds the history file the line editor reads (it keeps
// the last 1,000 lines).
const maxHistorySize = 16 << 20

type lineEditor struct {
	rl  *readline.Instance
	err error
}

// newLineEditor sets up the line editor on the session's terminal; its
// history comes from history, on the first key.
func newLineEditor(streams *ioStreams, r *repl, raw *rawMode, history *lazyHistory) (*readline.Instance, error) {
	return readline.NewEx(&readline.Config{
		FuncMakeRaw:         raw.enter,
		FuncExitRaw:         func() error { return nil },
		Prompt:              streams.style(styleCyan, "> "),
		HistoryLimit:        historyLimit,
		FuncFilterInputRune: history.filter,
		HistorySearchFold:   true,
		AutoComplete:        &completer{r: r},
		InterruptPrompt:     "^C",
		EOFPrompt:           "",
		Stdin:               io.NopCloser(r.in),
		FuncGetWidth:        screenWidth,
		Stdout:              streams.RawOut,
		Stderr:              streams.RawErrOut,
	})
}

// rawMode puts the terminal in raw mode once and restores it at the end.
type rawMode struct {
	fd    int
	state *readline.State
}

func (m *rawMode) enter() error {
	if m.state != nil {
		return nil
	}
	st, err := readline.MakeRaw(m.fd)
	m.state = st
	return err
}

func (m *rawMode) restore() {
	if m.state != nil {
		_ = readline.Restore(m.fd, m.state)
	}
}

// eval evaluates one line and prints its result or its error; an error
// never ends the session.
func (r *repl) eval(n int, text string) {
	done := r.in.evaluating(r.session)
	res, err := r.session.EvalLine(n, text)
	done()
	if err != nil {
		var e *estimate.Error
		if errors.Is(err, estimate.ErrInterrupted) {
			r.interrupted()
		} else if errors.As(err, &e) {
			e.Line = 0
			r.p.evalErrorPlain(e)
		}
		return
	}
	if res == nil {
		return
	}
	if res.Kind == estimate.KindAssignment || res.Kind == estimate.KindFunction {
		r.defs = append(r.defs, strings.TrimSpace(text))
	}
	lines := r.p.working(res)
	if !r.full && len(lines) > 1 {
		// Compact: the line was just typed, so skip it and keep the
		// substituted form and the result.
		lines = lines[1:]
		if len(lines) > 2 {
			lines = append(lines[:1], lines[len(lines)-1])
		}
	}
	for _, l := range lines {
		fmt.Fprintln(r.io.Out, l)
	}
}

var replCommands = []struct{ name, args, help string }{
	{":help", "[TOPIC]", "this help; :help language for the language, :help functions, :help units"},
	{":vars", "", "the variables and functions defined so far"},
	{":units", "", "the units napkin knows"},
	{":latency", "[SET]", "the latency table (napkin latency)"},
	{":powers", "", "powers of two (napkin powers)"},
	{":load", "FILE", "run a napkin script into the session"},
	{":preset", "NAME", "load a preset's assumptions and estimates into the session"},
	{":save", "FILE", "write the session's definitions as a script that napkin run reproduces"},
	{":work", "", "toggle the full working (the compact form is the default)"},
	{":reset", "", "forget every variable and function"},
	{":quit", "", "leave (or Ctrl-D)"},
}

// command runs a :command and reports whether to quit.
func (r *repl) command(text string) bool {
	fields := strings.Fields(text)
	name, args := fields[0], fields[1:]
	arg := strings.Join(args, " ")
	out := r.io.Out
	switch name {
	case ":quit", ":q", ":exit":
		return true
	case ":help", ":h", ":?":
		r.help(arg)
	case ":vars":
		vars := r.session.Variables()
		for _, k := range slices.Sorted(maps.Keys(vars)) {
			fmt.Fprintf(out, "%s = %s\n", k, vars[k].Text)
		}
		for _, f := range r.session.Functions() {
			if f.File == "" {
				fmt.Fprintf(out, "%s = %s\n", f.Signature, f.Body)
			}
		}
		if len(vars) == 0 {
			fmt.Fprintln(out, r.io.style(styleDim, "no variables yet: qps = 10M * 5 / day"))
		}
	case ":units":
		tab := newTable(r.io, "unit", "also", "is", "kind")
		tab.flexible, tab.wrap = 1, true
		for _, u := range estimate.Units() {
			tab.add(u.Names[0], strings.Join(u.Names[1:], " "), u.Definition, u.Dimension())
		}
		tab.write(out)
	case ":latency":
		set := r.opts.Latency
		if arg != "" {
			set = arg
		}
		s, err := latency.Get(set)
		if err != nil {
			r.p.errorLine(err.Error())
			return false
		}
		printLatencyTable(r.io, r.p, &globalOptions{Digits: r.opts.Digits}, latency.NewTable(s))
	case ":powers":
		tab := newTable(r.io, "power", "exact", "≈", "binary", "decimal")
		tab.right[1] = true
		for _, pw := range reference.Powers() {
			tab.add(fmt.Sprintf("2^%d", pw.N), pw.Exact, pw.Approx, pw.Binary, pw.Decimal)
		}
		tab.write(out)
	case ":load":
		r.load(arg)
	case ":preset":
		r.preset(arg)
	case ":save":
		r.save(arg)
	case ":work":
		r.full = !r.full
		state := "compact"
		if r.full {
			state = "full"
		}
		fmt.Fprintf(out, "working: %s\n", state)
	case ":reset":
		s, err := newSession(r.opts)
		if err != nil {
			r.p.errorLine(err.Error())
			return false
		}
		r.session, r.defs = s, nil
		fmt.Fprintln(out, "session reset: no variables, no functions")
	default:
		var names []string
		for _, c := range replCommands {
			names = append(names, c.name)
		}
		r.p.errorLine(fmt.Sprintf("unknown command %s", name))
		hint := "the commands are " + strings.Join(names, " ")
		if near := estimate.Suggest(name, names); near != "" {
			hint = fmt.Sprintf("did you mean %s?", near)
		}
		r.p.hintLine(hint)
	}
	return false
}

func (r *repl) help(topic string) {
	out := r.io.Out
	switch topic {
	case "":
		fmt.Fprintln(out, "Type an estimate: qps = 10M users * 5 / day. Names stay defined; ans is the last result.")
		tab := newTable(r.io, "command", "", "")
		tab.flexible, tab.wrap = 2, true
		for _, c := range replCommands {
			tab.add(c.name, c.args, c.help)
		}
		tab.write(out)
		fmt.Fprintln(out, "Keys: arrows, Ctrl-A/E/W/U edit; Ctrl-R searches history; Tab completes; Ctrl-C cancels.")
	case "language":
		fmt.Fprint(out, languageReference)
	case "functions":
		for _, d := range estimate.FunctionHelp() {
			fmt.Fprintln(out, d)
		}
		for _, f := range r.session.Functions() {
			fmt.Fprintf(out, "%s: %s\n", f.Signature, f.Doc)
		}
	case "units":
		r.command(":units")
	default:
		r.p.errorLine(fmt.Sprintf("no help on %q", topic))
		r.p.hintLine("the topics are language, functions, units")
	}
}

// load runs a script into the session, printing its results compactly.
func (r *repl) load(path string) {
	if path == "" {
		r.p.errorLine(":load needs a file: :load plan.napkin")
		return
	}
	data, _, err := readRegularFile(path, maxInputSize)
	if err != nil {
		r.p.errorLine(fmt.Sprintf("cannot read %s: %v", path, err))
		r.p.hintLine("check the file name; :load reads a napkin script")
		return
	}
	r.loadSource(path, string(data))
}

func (r *repl) loadSource(name, src string) {
	saved := r.opts.Quiet
	r.opts.Quiet = true
	defer func() { r.opts.Quiet = saved }()
	r.session.SetFile(name)
	defer r.session.SetFile("")
	defer r.in.evaluating(r.session)()
	for i, line := range estimate.SplitLines(src) {
		res, err := r.session.EvalLine(i+1, line)
		if err != nil {
			var e *estimate.Error
			if errors.Is(err, estimate.ErrInterrupted) {
				r.interrupted()
			} else if errors.As(err, &e) {
				r.p.evalError(e)
			}
			return
		}
		if res == nil {
			continue
		}
		if res.Kind == estimate.KindAssignment || res.Kind == estimate.KindFunction {
			r.defs = append(r.defs, strings.TrimSpace(estimate.StripComment(line)))
		}
		r.p.result(res)
	}
}

func (r *repl) preset(name string) {
	pr, err := findPreset(r.p, name)
	if err != nil {
		var ue *usageError
		if errors.As(err, &ue) {
			r.p.errorLine(ue.msg)
			r.p.hintLine(ue.hint)
		}
		return
	}
	r.loadSource(pr.Path, pr.Src)
}

// save writes the lines that defined the session's variables and
// functions, in order: running the file reproduces the same values.
func (r *repl) save(path string) {
	if path == "" {
		r.p.errorLine(":save needs a file: :save plan.napkin")
		return
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# napkin session saved %s; run it with: napkin run %s\n", time.Now().Format("2006-01-02 15:04"), filepath.Base(path))
	for _, d := range r.defs {
		b.WriteString(d + "\n")
	}
	err := regularOrNew(path)
	if err == nil {
		err = os.WriteFile(path, []byte(b.String()), 0o644)
	}
	if err != nil {
		r.p.errorLine(fmt.Sprintf("cannot write %s: %v", path, unwrapPathError(err)))
		r.p.hintLine("check that the folder exists and can be written, or give another file")
		return
	}
	fmt.Fprintf(r.io.Out, "saved %d definitions to %s\n", len(r.defs), path)
}

// completer completes the word before the cursor: commands after a colon,
// topics after :help, preset names after :preset, otherwise variables,
// functions, units, reference constants and latencies.
type completer struct {
	r *repl
}

func (c *completer) Do(line []rune, pos int) ([][]rune, int) {
	before := string(line[:pos])
	start := len(before)
	for start > 0 && isWordByte(before[start-1]) {
		start--
	}
	word := before[start:]
	var candidates []string
	switch {
	case strings.HasPrefix(before, ":help "), strings.HasPrefix(before, ":h "):
		candidates = []string{"language", "functions", "units"}
	case strings.HasPrefix(before, ":preset "):
		for _, pr := range presets.Builtin() {
			candidates = append(candidates, pr.Name)
		}
	case strings.HasPrefix(before, ":latency "):
		for _, s := range latency.Sets() {
			candidates = append(candidates, s.Name)
		}
	case strings.HasPrefix(before, ":") && !strings.Contains(before, " "):
		word = before
		for _, cmd := range replCommands {
			candidates = append(candidates, cmd.name)
		}
	default:
		candidates = c.r.session.Names()
	}
	var out [][]rune
	seen := map[string]bool{}
	for _, cand := range candidates {
		if strings.HasPrefix(cand, word) && !seen[cand] && (word != "" || !strings.Contains(cand, ".")) {
			seen[cand] = true
			out = append(out, []rune(cand[len(word):]))
		}
	}
	return out, len([]rune(word))
}

func isWordByte(b byte) bool {
	return b == '_' || b == '.' || b == ':' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= 0x80
}
