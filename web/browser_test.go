package web

import (
	"context"
	"flag"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

var update = flag.Bool("update", false, "rewrite testdata/page.png, the screenshot of the page")

// chromiumPath finds a Chromium to drive: $NAPKIN_CHROMIUM, or one on
// $PATH. .ci/run installs Debian's chromium when there is none.
func chromiumPath() string {
	if p := os.Getenv("NAPKIN_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// browser serves the page on loopback and opens it in a fresh headless
// Chromium; it skips the test when there is no Chromium.
func browser(t *testing.T) (ctx context.Context, url string) {
	t.Helper()
	path := chromiumPath()
	if path == "" {
		t.Skip("no chromium found (install Debian's chromium, or set NAPKIN_CHROMIUM): the browser tests need one")
	}
	ts := httptest.NewUnstartedServer(nil)
	// No deadline or queue wait the machine's load could trip: on a busy
	// machine a request may take longer than the page's 5 s, and the test
	// would then wait for a result the page never shows.
	srv, err := New(Config{Addr: ts.Listener.Addr().String(), Limits: Limits{Timeout: time.Hour, QueueWait: time.Hour}})
	if err != nil {
		t.Fatal(err)
	}
	ts.Config.Handler = srv
	ts.Start()
	t.Cleanup(ts.Close)
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox, // root needs it
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1400, 720),
	)
	ctx, cancel := chromedp.NewContext(alloc)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	// Every page records what the CSP blocked and what threw, and the
	// test fails on any of it.
	do(t, ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: watchProblems})
		return err
	}))
	t.Cleanup(func() {
		if problems := eval[[]string](t, ctx, `window.__problems || []`); len(problems) > 0 {
			t.Errorf("the page had problems:\n%s", strings.Join(problems, "\n"))
		}
	})
	return ctx, ts.URL + "/"
}

const watchProblems = `window.__problems = [];
document.addEventListener("securitypolicyviolation", (e) => window.__problems.push("CSP blocked " + e.violatedDirective + " " + e.blockedURI));
window.addEventListener("error", (e) => window.__problems.push("error: " + e.message));
window.addEventListener("unhandledrejection", (e) => window.__problems.push("unhandled rejection: " + e.reason));`

// waitFor polls a JavaScript expression until it is true. There is no
// time limit here: go test's own -timeout ends a test that hangs.
func waitFor(expr string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(0))(ctx, t)
		return err
	})
}

// practiceStarted fails the test with the page's message when a practice
// session did not start (the page shows an error instead of a question),
// rather than waiting for a question that will not come.
func practiceStarted(t *testing.T, ctx context.Context) {
	t.Helper()
	if msg := eval[string](t, ctx, `document.querySelector("#practice .err")?.textContent ?? ""`); msg != "" {
		t.Fatalf("practice did not start: %s", msg)
	}
}

func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
	return v
}

func do(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

// script runs JavaScript in the page for its effect.
func script(js string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := chromedp.Evaluate[any](js+"; null")(ctx, t)
		return err
	})
}

// typeScript replaces the editor's text by typing script into it.
func typeScript(text string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(
		chromedp.WaitVisible(chromedp.ID("editor")),
		waitFor(`document.body.dataset.pending === "0"`),
		script(`document.getElementById("editor").value = ""`),
		chromedp.SendKeys(chromedp.ID("editor"), text),
		waitFor(`document.body.dataset.pending === "0"`),
	)
}

// rowText is the result shown beside a line.
func rowText(line int) string {
	return `(document.querySelector('#results .row[data-line="` + strconv.Itoa(line) + `"]') || {}).textContent`
}

func TestBrowserResultsBesideEachLineAndWorking(t *testing.T) {
	ctx, url := browser(t)
	do(t, ctx, chromedp.Navigate(url),
		typeScript("qps = 10M users * 5 / day\npeak = qps * 3\n# a comment\nstorage = 300M * 2/day * 280 bytes * 365 days -> TB"),
		waitFor(rowText(4)+` === "61.32 TB"`))
	for line, want := range map[int]string{1: "578.7 /s", 2: "1,736.1 /s", 3: ""} {
		if got := eval[string](t, ctx, rowText(line)); got != want {
			t.Errorf("line %d shows %q, want %q", line, got, want)
		}
	}
	// Clicking a result puts the cursor on its line and shows its working.
	do(t, ctx, chromedp.Click(chromedp.CSS(`#results .row[data-line="1"]`)),
		waitFor(`document.getElementById("working-line").textContent === "(line 1)"`))
	steps := eval[string](t, ctx, `document.getElementById("steps").textContent`)
	want := "qps = 10M users × 5 / day\n    = 10M users × 5 / 86,400 s\n    = 50M / 86,400 s\n    ≈ 578.7 /s  [1/time]\n"
	if steps != want {
		t.Errorf("working:\n%s\nwant:\n%s", steps, want)
	}
}

func TestBrowserErrorIsPlaced(t *testing.T) {
	ctx, url := browser(t)
	do(t, ctx, chromedp.Navigate(url),
		typeScript("a = 5 GB\nb = 5 dya\nc = b * 2"),
		waitFor(`document.querySelector('#backdrop mark.err[data-line="2"]') !== null`))
	if got := eval[string](t, ctx, `document.querySelector('#backdrop mark.err[data-line="2"]').textContent`); got != "dya" {
		t.Errorf("the mark covers %q, want dya", got)
	}
	if got := eval[string](t, ctx, rowText(2)); got != `⚠ unknown unit "dya"` {
		t.Errorf("line 2 shows %q", got)
	}
	if got := eval[string](t, ctx, rowText(3)); !strings.Contains(got, "line 2") {
		t.Errorf("line 3, which uses the failed b, shows %q; want it to name line 2", got)
	}
	do(t, ctx, chromedp.Click(chromedp.CSS(`#results .row[data-line="2"]`)), waitFor(`document.getElementById("error") !== null`))
	got := eval[string](t, ctx, `document.getElementById("error").textContent`)
	want := "error: 2:7: unknown unit \"dya\"\n    b = 5 dya\n          ^^^\nhint: did you mean \"day\"? (to count things called dya, quote it: \"dya\")"
	if got != want {
		t.Errorf("error panel:\n%s\nwant:\n%s", got, want)
	}
}

func TestBrowserRangeHistogram(t *testing.T) {
	ctx, url := browser(t)
	do(t, ctx, chromedp.Navigate(url),
		typeScript("dau = 100M to 300M users   # daily active users\nposts = 1 to 5 / day        # per user\nqps = dau * posts\n"+
			"peak_qps = qps * (2 to 4)\nstorage = dau * posts * 280 bytes * 5 years * 3 -> TB\nread = dc_rtt * 2 + ssd_random_read * 3"),
		waitFor(rowText(3)+`.startsWith("4.49K /s [1.69K to 11.9K /s]")`),
		chromedp.Click(chromedp.CSS(`#results .row[data-line="3"]`)),
		waitFor(`document.querySelector("#plots svg.histogram") !== null`))
	bars := eval[int](t, ctx, `document.querySelectorAll("#plots svg.histogram rect.bar").length`)
	if bars != histBins {
		t.Errorf("%d bars, want %d", bars, histBins)
	}
	label := eval[string](t, ctx, `document.querySelector("#plots svg.histogram").getAttribute("aria-label")`)
	if label != "qps: histogram, 90% interval 1.69K to 11.9K /s" {
		t.Errorf("histogram label %q", label)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll("#plots svg.histogram .interval, #plots svg.histogram line.p5, #plots svg.histogram line.p95").length`); n != 3 {
		t.Errorf("the 90%% interval is not marked: %d of its 3 marks", n)
	}
	why := eval[string](t, ctx, `document.querySelector("#plots svg.why").getAttribute("aria-label")`)
	if why != "why it is wide: posts 68.1%, dau 31.9%" {
		t.Errorf("why chart: %q", why)
	}
	if *update {
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join("testdata", "page.png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestBrowserSharedLinkReopensTheEstimate(t *testing.T) {
	ctx, url := browser(t)
	script := "dau = 200M users\nwrite_qps = dau * 2 / day\nstorage = write_qps * 300 bytes * 5 years * 3 -> TB"
	do(t, ctx, chromedp.Navigate(url), typeScript(script),
		waitFor(rowText(3)+` === "657 TB"`),
		chromedp.Click(chromedp.ID("share")),
		waitFor(`document.getElementById("share-link").value !== ""`))
	link := eval[string](t, ctx, `document.getElementById("share-link").value`)
	if !strings.HasPrefix(link, url+"#s=") {
		t.Fatalf("link %q", link)
	}
	// A fresh tab, as someone opening the link would.
	tab, cancel := chromedp.NewContext(ctx)
	defer cancel()
	do(t, tab, chromedp.Navigate(link), waitFor(rowText(3)+` === "657 TB"`))
	if got := eval[string](t, tab, `document.getElementById("editor").value`); got != script {
		t.Errorf("the link reopened %q, want %q", got, script)
	}
	if got := eval[string](t, tab, rowText(2)); got != "4,629.6 /s" {
		t.Errorf("line 2 shows %q", got)
	}
}

func TestBrowserHoverShowsReferenceConstant(t *testing.T) {
	ctx, url := browser(t)
	do(t, ctx, chromedp.Navigate(url), typeScript("dc_rtt * 2"), waitFor(rowText(1)+` === "1 ms"`))
	// Move the mouse over the middle of "dc_rtt".
	x := eval[float64](t, ctx, `document.getElementById("editor").getBoundingClientRect().left + 10 + 3 * document.getElementById("editor").dataset.charWidth`)
	y := eval[float64](t, ctx, `document.getElementById("editor").getBoundingClientRect().top + 10 + 11`)
	do(t, ctx, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, x, y), waitFor(`!document.getElementById("tooltip").hidden`))
	tip := eval[string](t, ctx, `document.getElementById("tooltip").textContent`)
	for _, want := range []string{"dc_rtt", "500 µs", "source: ", "20"} {
		if !strings.Contains(tip, want) {
			t.Errorf("tooltip %q lacks %q", tip, want)
		}
	}
}

func TestBrowserPracticeQuestion(t *testing.T) {
	ctx, url := browser(t)
	do(t, ctx, chromedp.Navigate(url),
		waitFor(`document.querySelectorAll("#practice-preset option").length > 1`),
		chromedp.Click(chromedp.CSS("#practice-pane summary")),
		chromedp.SetValue(chromedp.ID("practice-preset"), "url_shortener"),
		chromedp.Click(chromedp.ID("practice-start")),
		waitFor(`document.getElementById("practice-answer") !== null || document.querySelector("#practice .err") !== null`))
	practiceStarted(t, ctx)
	question := eval[string](t, ctx, `document.querySelector("#practice-steps .question").textContent`)
	if !strings.HasPrefix(question, "1/") {
		t.Errorf("question %q", question)
	}
	do(t, ctx, chromedp.SendKeys(chromedp.ID("practice-answer"), "1k/s\r"),
		waitFor(`document.querySelector("#practice-feedback .grade") !== null`))
	grade := eval[string](t, ctx, `document.querySelector("#practice-feedback .grade").textContent`)
	if !strings.HasPrefix(grade, "good: 1,000 /s is within 2x of napkin's 1,157.4 /s (1.16x)") {
		t.Errorf("grade %q", grade)
	}
	if w := eval[string](t, ctx, `document.querySelector("#practice-feedback pre").textContent`); !strings.Contains(w, "1,157.4 /s") {
		t.Errorf("napkin's working %q", w)
	}
}

func TestBrowserLatencyChart(t *testing.T) {
	ctx, url := browser(t)
	do(t, ctx, chromedp.Navigate(url),
		chromedp.Click(chromedp.CSS("#latency-pane summary")),
		waitFor(`document.querySelector("#latency-chart svg.latency") !== null`))
	rows := eval[int](t, ctx, `document.querySelectorAll("#latency-chart svg.latency g.row").length`)
	if rows < 10 {
		t.Errorf("%d latencies drawn", rows)
	}
	// On a log scale a disk seek (10 ms) is drawn 5 decades right of a
	// main memory reference (100 ns) would be from 1 ns: check the order.
	widths := eval[[]float64](t, ctx, `Array.from(document.querySelectorAll("#latency-chart svg.latency g.row rect")).map((r) => +r.getAttribute("width"))`)
	for i := 1; i < len(widths); i++ {
		if widths[i] < widths[0] {
			t.Errorf("bar %d (%v) is shorter than the first, the fastest (%v)", i, widths[i], widths[0])
		}
	}
	do(t, ctx, chromedp.SetValue(chromedp.ID("latency-set"), "dean2007"),
		waitFor(`document.getElementById("latency-source").textContent.includes("2007")`))
}

func TestBrowserPresetAndMarkdownNote(t *testing.T) {
	ctx, url := browser(t)
	do(t, ctx, chromedp.Navigate(url),
		waitFor(`document.querySelectorAll("#preset option").length > 1`),
		chromedp.SetValue(chromedp.ID("preset"), "url_shortener"),
		waitFor(`document.getElementById("editor").value.includes("#@ title:")`),
		waitFor(`document.body.dataset.pending === "0"`))
	results := eval[int](t, ctx, `Array.from(document.querySelectorAll("#results .row")).filter((r) => r.textContent !== "").length`)
	errors := eval[int](t, ctx, `document.querySelectorAll("#results .row.err").length`)
	if results < 20 || errors != 0 {
		t.Errorf("the preset shows %d results and %d errors", results, errors)
	}
	// Change an assumption in the editor: every figure that depends on it
	// follows.
	before := eval[string](t, ctx, `Array.from(document.querySelectorAll("#results .row")).map((r) => r.textContent).join("|")`)
	do(t, ctx, script(`const e = document.getElementById("editor"); e.value = e.value.replace("100M /day", "1B /day"); e.dispatchEvent(new Event("input"))`),
		waitFor(`document.body.dataset.pending === "0"`))
	after := eval[string](t, ctx, `Array.from(document.querySelectorAll("#results .row")).map((r) => r.textContent).join("|")`)
	if after == before || !strings.Contains(after, "11,574 /s") {
		t.Errorf("changing new_urls changed nothing, or not to 11,574 /s writes:\n%s", after)
	}
	do(t, ctx, chromedp.Click(chromedp.ID("copy-note")), waitFor(`document.getElementById("note-text").value !== ""`))
	note := eval[string](t, ctx, `document.getElementById("note-text").value`)
	if !strings.HasPrefix(note, "```napkin\n") || !regexp.MustCompile(`\nnew_urls +?= 1B /day .*# => 11,574 /s\n`).MatchString(note) {
		t.Errorf("note:\n%s", note)
	}
}

func TestBrowserPracticeWithOtherAssumptions(t *testing.T) {
	ctx, url := browser(t)
	do(t, ctx, chromedp.Navigate(url),
		waitFor(`document.querySelectorAll("#practice-preset option").length > 1`),
		chromedp.Click(chromedp.CSS("#practice-pane summary")),
		chromedp.SetValue(chromedp.ID("practice-preset"), "url_shortener"),
		chromedp.SetValue(chromedp.ID("practice-set"), "new_urls = 200M /day; "),
		chromedp.Click(chromedp.ID("practice-start")),
		waitFor(`document.getElementById("practice-answer") !== null || document.querySelector("#practice .err") !== null`))
	practiceStarted(t, ctx)
	if row := eval[string](t, ctx, `[...document.querySelectorAll("#practice tr")].map((r) => r.textContent).join("|")`); !strings.Contains(row, "set here; the preset says") {
		t.Errorf("assumptions %q", row)
	}
	do(t, ctx, chromedp.SendKeys(chromedp.ID("practice-answer"), "1k/s\r"),
		waitFor(`document.querySelector("#practice-feedback .grade") !== null`))
	if w := eval[string](t, ctx, `document.querySelector("#practice-feedback pre").textContent`); strings.Contains(w, "1,157.4 /s") {
		t.Errorf("graded against the preset's own figure: %q", w)
	}
}
