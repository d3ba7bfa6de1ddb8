package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"time"

	"github.com/napkin-calc/napkin/estimate"
	"github.com/napkin-calc/napkin/frontend"
	"github.com/napkin-calc/napkin/presets"
	"github.com/spf13/cobra"
)

type practiceOptions struct {
	seed    int64
	history string
	set     []string
}

func newPracticeCmd(streams *ioStreams, p *printer, opts *globalOptions) *cobra.Command {
	po := &practiceOptions{}
	cmd := &cobra.Command{
		Use:   "practice [NAME]",
		Short: "Practise an interview estimate: napkin asks, grades your answers and explains",
		Long: `Practise a preset: napkin shows the problem and its assumptions, then asks
for the estimates one at a time. Answer in napkin syntax with units (3k/s,
12 TB, 1M / day). An answer within 2x of napkin's figure is good, within
10x the right order of magnitude, further is off; an answer of the wrong
kind (data for a rate) is called out. After each answer napkin shows its
own working; at the end, the score.

Answers may use the preset's variables: its assumptions and the estimates
before the question (dau * 2 / day). --set NAME=VALUE practises with other
assumptions, as preset show does.

Without a NAME a preset is picked at random (--seed picks the same one
again). An empty answer skips a question; end of input ends the session.
Nothing is recorded unless you ask with --history FILE.`,
		Example: `  $ napkin practice
  $ napkin practice url_shortener
  $ napkin practice twitter --set dau=500M
  $ printf '1k/s\n10k/s\n' | napkin practice url_shortener --json`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			p.opts = opts
			if !cmd.Flags().Changed("seed") {
				po.seed = time.Now().UnixNano() % 1_000_000
			}
			return runPractice(streams, p, opts, po, args)
		},
	}
	cmd.Flags().Int64Var(&po.seed, "seed", 0, "pick the preset with this seed (a random one is shown otherwise)")
	cmd.Flags().StringVar(&po.history, "history", "", "append the graded session as a JSON line to FILE")
	cmd.Flags().StringArrayVar(&po.set, "set", nil, "practise with another assumption: --set dau=500M (repeatable)")
	return cmd
}

// practiceAnswer is one graded answer, in the JSON result.
type practiceAnswer = frontend.PracticeAnswer

type practiceResult struct {
	Time    string            `json:"time,omitempty"`
	Preset  string            `json:"preset"`
	Seed    int64             `json:"seed,omitempty"`
	Set     map[string]string `json:"set,omitempty"` // the assumptions --set replaced
	Answers []practiceAnswer  `json:"answers"`
	Score   float64           `json:"score"`
	Max     int               `json:"max"`
}

func runPractice(streams *ioStreams, p *printer, opts *globalOptions, po *practiceOptions, args []string) error {
	all := loadPresets(p)
	var pr *presets.Preset
	if len(args) == 1 {
		var err error
		if pr, err = findPreset(p, args[0]); err != nil {
			return err
		}
	} else {
		rng := rand.New(rand.NewPCG(uint64(po.seed), 0))
		pr = all[rng.IntN(len(all))]
	}
	set, err := parseSet(po.set)
	if err != nil {
		return err
	}
	session, err := newSession(opts)
	if err != nil {
		return err
	}
	steps, err := pr.Run(session, set)
	if err != nil {
		return presetError(p, err)
	}
	questions := presets.Questions(steps)
	if len(questions) == 0 {
		return &usageError{fmt.Sprintf("preset %s has no practice questions", pr.Name), "mark estimate lines with a #? question line above them"}
	}
	// In --json mode the conversation goes to stderr and stdout is the result.
	out := streams.Out
	if opts.JSON {
		out = streams.ErrOut
	}
	say := func(format string, a ...any) { fmt.Fprintf(out, format, a...) }
	header := streams.style(styleBold, "Practice: "+pr.Title) + "  [" + pr.Name + "]"
	if len(args) == 0 {
		header += fmt.Sprintf("  (seed %d)", po.seed) // the seed picked it: say so, to pick it again
	} else {
		po.seed = 0
	}
	say("%s\n", header)
	for _, l := range pr.ScopeOf(steps) {
		say("%s\n", l)
	}
	say("\n%s\n", streams.style(styleBold, "Assumptions"))
	tab := newTable(streams, "  assumption", "value", "why")
	tab.flexible, tab.wrap = 2, true
	for _, s := range steps {
		if s.Assumption {
			why := s.Reason
			if s.Was != "" {
				why = "set on the command line; the preset says " + s.Was
			}
			tab.add("  "+s.Name, strings.TrimSpace(strings.SplitN(s.Code, "=", 2)[1]), why)
		}
	}
	tab.write(out)
	say("\nAnswer in napkin syntax with units (3k/s, 12 TB); an empty line skips.\n")

	result := practiceResult{Preset: pr.Name, Seed: po.seed, Set: set, Max: len(questions)}
	in := bufio.NewScanner(streams.In)
	in.Buffer(make([]byte, 64*1024), 1<<20)
	fresh, err := newSession(opts)
	if err != nil {
		return err
	}
	answers := presets.NewAnswerScope(fresh, steps, pr.Path)
	ended := false
	for i, q := range questions {
		if ended {
			result.Answers = append(result.Answers, practiceAnswer{Question: q.Text, Name: q.Name, Expected: q.Result.Text,
				ExpValue: q.Result.Value, ExpUnit: q.Result.Unit, Grade: string(presets.Skipped)})
			continue
		}
		say("\n%s %s\n", streams.style(styleBold, fmt.Sprintf("%d/%d", i+1, len(questions))), q.Text)
		a := practiceAnswer{Question: q.Text, Name: q.Name, Expected: q.Result.Text, ExpValue: q.Result.Value, ExpUnit: q.Result.Unit}
		for attempt := 0; ; attempt++ {
			say("> ")
			if !in.Scan() {
				if err := in.Err(); err != nil {
					// Unreadable answers are not skipped answers.
					say("\n")
					msg := unwrapPathError(err).Error()
					if errors.Is(err, bufio.ErrTooLong) {
						msg = "an answer is longer than 1 MB"
					}
					return &usageError{"cannot read the answers from standard input: " + msg, "answer one estimate per line"}
				}
				ended = true
				a.Grade = string(presets.Skipped)
				say("\n")
				break
			}
			text := strings.TrimSpace(in.Text())
			if !streams.InTTY {
				say("%s\n", text) // echo piped answers so the transcript reads well
			}
			a.Answer = text
			if text == "" {
				a.Grade = string(presets.Skipped)
				say("  skipped\n")
				break
			}
			r, err := answers.Eval(q, text)
			if err != nil || r == nil || (r.Kind != estimate.KindExpression && r.Kind != estimate.KindAssignment) {
				if e, ok := err.(*estimate.Error); ok {
					say("  %s %s\n", streams.style(styleRed, "not an estimate:"), e.Msg)
					if e.Hint != "" {
						say("  %s\n", e.Hint)
					}
				} else {
					say("  %s write an expression, like 3k/s\n", streams.style(styleRed, "not an estimate:"))
				}
				if attempt == 0 {
					say("  try again, or press return to skip\n")
					continue
				}
				a.Grade = string(presets.Skipped)
				break
			}
			g, factor, why := presets.GradeAnswer(r.Quantity, q.Result.Quantity)
			a.Grade, a.Factor, a.Why, a.Value, a.Unit = string(g), factor, why, r.Value, r.Unit
			switch {
			case why != "":
				say("  %s: %s: %s; napkin's figure is %s\n", streams.style(styleRed, string(g)), r.Text, why, q.Result.Text)
			case g == presets.WrongDim:
				say("  %s: your answer %s is %s; the answer is %s\n", streams.style(styleRed, string(g)), r.Text, r.Dimension, q.Result.Dimension)
			case g == presets.Good:
				say("  %s: %s is within 2x of napkin's %s (%s)\n", streams.style(styleGreen, string(g)), r.Text, q.Result.Text, times(factor))
			case g == presets.OrderOfMag:
				say("  %s: %s is %s from napkin's %s\n", streams.style(styleYellow, string(g)), r.Text, times(factor), q.Result.Text)
			default:
				say("  %s: %s is %s from napkin's %s\n", streams.style(styleRed, string(g)), r.Text, times(factor), q.Result.Text)
			}
			break
		}
		if a.Grade != string(presets.Skipped) || !ended {
			say("  napkin's working:\n")
			for _, l := range p.working(q.Result) {
				say("    %s\n", l)
			}
		}
		result.Answers = append(result.Answers, a)
		result.Score += presets.Grade(a.Grade).Points()
	}
	counts := map[string]int{}
	for _, a := range result.Answers {
		counts[a.Grade]++
	}
	say("\n%s %g / %d  (%d good, %d right order of magnitude, %d off, %d wrong dimension, %d skipped)\n",
		streams.style(styleBold, "Score:"), result.Score, result.Max, counts[string(presets.Good)], counts[string(presets.OrderOfMag)],
		counts[string(presets.Off)], counts[string(presets.WrongDim)], counts[string(presets.Skipped)])
	if opts.JSON {
		p.json(result)
	}
	if po.history != "" {
		result.Time = time.Now().UTC().Format(time.RFC3339)
		if err := appendHistory(po.history, result); err != nil {
			return &usageError{fmt.Sprintf("cannot record the session in %s: %v", po.history, err), "check the path"}
		}
	}
	return nil
}

// times writes a factor the way napkin writes numbers: 1.2x, 1,220x.
func times(f float64) string {
	return estimate.Format(estimate.Quantity{V: f}, 3).Text + "x"
}

func appendHistory(path string, r practiceResult) error {
	if err := regularOrNew(path); err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	data, err := json.Marshal(r)
	if err != nil {
		return errors.Join(err, f.Close())
	}
	// One write of the whole record; if it fails part-way, cut the file back
	// so that no partial line is left for the next reader.
	before, statErr := f.Stat()
	_, err = f.Write(append(data, '\n'))
	if err != nil && statErr == nil {
		err = errors.Join(err, f.Truncate(before.Size()))
	}
	return errors.Join(err, f.Close())
}
