package main

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestReadmeExamples runs every `$ napkin …` command in the README's
// ```console blocks and compares its output (stdout, then stderr) with the
// lines that follow it, so that the documentation cannot rot. Commands run
// from the repository root; `cat FILE | napkin …` feeds FILE as input.
// With -update the README's outputs are rewritten from napkin's.
func TestReadmeExamples(t *testing.T) {
	t.Chdir("../..")
	data, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	var out []string
	examples := 0
	inConsole := false
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		out = append(out, l)
		switch {
		case strings.HasPrefix(l, "```console"):
			inConsole = true
			continue
		case strings.HasPrefix(l, "```"):
			inConsole = false
			continue
		}
		if !inConsole || !strings.HasPrefix(l, "$ ") {
			continue
		}
		// The expected output runs to the next command or the block's end.
		j := i + 1
		for j < len(lines) && !strings.HasPrefix(lines[j], "$ ") && !strings.HasPrefix(lines[j], "```") {
			j++
		}
		want := strings.Join(lines[i+1:j], "\n")
		got, err := runReadmeCommand(t, strings.TrimPrefix(l, "$ "))
		if err != nil {
			t.Errorf("README.md:%d: %v", i+1, err)
		}
		got = strings.TrimSuffix(got, "\n")
		examples++
		if *update {
			if got != "" {
				out = append(out, strings.Split(got, "\n")...)
			}
			i = j - 1
			continue
		}
		if got != want {
			t.Errorf("README.md:%d: %s\n--- README\n%s\n--- napkin\n%s", i+1, l, want, got)
		}
		out = append(out, lines[i+1:j]...)
		i = j - 1
	}
	if examples < 5 {
		t.Errorf("only %d examples found in README.md", examples)
	}
	if *update {
		if err := os.WriteFile("README.md", []byte(strings.Join(out, "\n")), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func runReadmeCommand(t *testing.T, command string) (string, error) {
	stdin := ""
	if before, after, ok := strings.Cut(command, "|"); ok {
		words, err := shellWords(before)
		if err != nil || len(words) != 2 || words[0] != "cat" {
			return "", fmt.Errorf("only `cat FILE | napkin …` pipes are supported: %q", command)
		}
		data, err := os.ReadFile(words[1])
		if err != nil {
			return "", err
		}
		stdin, command = string(data), after
	}
	words, err := shellWords(command)
	if err != nil {
		return "", err
	}
	if len(words) == 0 || words[0] != "napkin" {
		return "", fmt.Errorf("not a napkin command: %q", command)
	}
	stdout, stderr, _ := runCLI(t, stdin, words[1:]...)
	return stdout + stderr, nil
}

// shellWords splits a command line the way sh does for the quoting the
// README uses: single quotes, double quotes and plain words.
func shellWords(s string) ([]string, error) {
	var words []string
	var cur strings.Builder
	inWord := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\'' || c == '"':
			end := strings.IndexByte(s[i+1:], c)
			if end < 0 {
				return nil, fmt.Errorf("unterminated quote in %q", s)
			}
			cur.WriteString(s[i+1 : i+1+end])
			i += end + 1
			inWord = true
		case c == ' ' || c == '\t':
			if inWord {
				words = append(words, cur.String())
				cur.Reset()
				inWord = false
			}
		default:
			cur.WriteByte(c)
			inWord = true
		}
	}
	if inWord {
		words = append(words, cur.String())
	}
	return words, nil
}

// TestLanguageReferenceInReadme keeps the README's language reference equal
// to `napkin help language`; -update copies it over.
func TestLanguageReferenceInReadme(t *testing.T) {
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	const start, end = "<!-- language reference: cmd/napkin/language.md -->\n", "<!-- end of language reference -->"
	readme := string(data)
	i, j := strings.Index(readme, start), strings.Index(readme, end)
	if i < 0 || j < i {
		t.Fatalf("README.md lacks the markers %q … %q", start, end)
	}
	section := readme[i+len(start) : j]
	// The README nests the reference one heading level down.
	want := strings.ReplaceAll("#"+languageReference, "\n#", "\n##")
	if *update {
		readme = readme[:i+len(start)] + strings.TrimSpace(want) + "\n" + readme[j:]
		if err := os.WriteFile("../../README.md", []byte(readme), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if strings.TrimSpace(section) != strings.TrimSpace(want) {
		t.Errorf("README.md's language reference differs from cmd/napkin/language.md; run go test ./cmd/napkin -run LanguageReference -update")
	}
}

// TestReadmeNotesAreCurrent is `napkin notes --check README.md`: the
// README's own napkin blocks must show their current results.
func TestReadmeNotesAreCurrent(t *testing.T) {
	t.Chdir("../..")
	out, errOut, code := runCLI(t, "", "notes", "--check", "README.md")
	if code != 0 {
		t.Errorf("napkin notes --check README.md: exit %d\n%s%s(run: go run ./cmd/napkin notes README.md)", code, out, errOut)
	}
}
