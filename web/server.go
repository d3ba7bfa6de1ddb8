package web

import (
	"embed"
	"fmt"
	"io"
	"net"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/napkin-calc/napkin/estimate"
	"github.com/napkin-calc/napkin/frontend"
	"github.com/napkin-calc/napkin/presets"
)

//go:embed assets
var assetFS embed.FS

// Limits of one server. The zero value of each field means its default.
type Limits struct {
	// MaxBody is the largest request body accepted, in bytes.
	MaxBody int64
	// MaxLines is the most lines a script may have.
	MaxLines int
	// MaxSteps is the work budget of each line (estimate.Options.MaxSteps).
	MaxSteps int
	// MaxRanges is the most lines of a script whose results are ranges:
	// each holds its samples (800 KB at the default 100,000) until the
	// request ends.
	MaxRanges int
	// Timeout ends an evaluation that runs longer (Session.Interrupt).
	Timeout time.Duration
	// MaxConcurrent is how many evaluations run at once; more wait.
	MaxConcurrent int
	// QueueWait is how long a request waits for its turn before it is
	// told the server is busy.
	QueueWait time.Duration
}

// The default limits: far above any real estimate, far below what would
// let one request hold the machine.
const (
	DefaultMaxBody   = 256 << 10
	DefaultMaxLines  = 5000
	DefaultMaxRanges = 100
	// DefaultMaxSteps is a fifth of the command line's budget: a line of
	// 200 operations on ranges, where a real estimate has a handful; it
	// bounds the memory a line holds as well as its time.
	DefaultMaxSteps  = estimate.DefaultMaxSteps / 5
	DefaultTimeout   = 5 * time.Second
	DefaultQueueWait = 30 * time.Second
)

func (l Limits) withDefaults() Limits {
	if l.MaxBody <= 0 {
		l.MaxBody = DefaultMaxBody
	}
	if l.MaxLines <= 0 {
		l.MaxLines = DefaultMaxLines
	}
	if l.MaxSteps <= 0 {
		l.MaxSteps = DefaultMaxSteps
	}
	if l.MaxRanges <= 0 {
		l.MaxRanges = DefaultMaxRanges
	}
	if l.Timeout <= 0 {
		l.Timeout = DefaultTimeout
	}
	if l.MaxConcurrent <= 0 {
		l.MaxConcurrent = max(2, runtime.NumCPU())
	}
	if l.QueueWait <= 0 {
		l.QueueWait = DefaultQueueWait
	}
	return l
}

// Config sets up a server.
type Config struct {
	// Addr is the address the server is reached at, host:port, as
	// listened on (after a port of 0 is resolved). Requests whose Host
	// header names another host or port are refused.
	Addr string
	// Session chooses how scripts are evaluated (digits, latency set,
	// seed, samples), as the command line's flags do.
	Session frontend.SessionOptions
	// Presets are the presets the page offers: the built-in ones and the
	// user's (presets.All). Nil means the built-in ones.
	Presets []*presets.Preset
	Limits  Limits
	// Log, when set, gets one line per request.
	Log io.Writer
}

// Server is napkin serve's handler.
type Server struct {
	cfg     Config
	limits  Limits
	host    hostCheck
	csrf    *http.CrossOriginProtection
	mux     *http.ServeMux
	sem     chan struct{}
	logMu   sync.Mutex
	presets []*presets.Preset
}

// New makes the handler of a server.
func New(cfg Config) (*Server, error) {
	hc, err := newHostCheck(cfg.Addr)
	if err != nil {
		return nil, err
	}
	if _, err := frontend.NewSession(cfg.Session); err != nil {
		return nil, err
	}
	s := &Server{cfg: cfg, limits: cfg.Limits.withDefaults(), host: hc, csrf: http.NewCrossOriginProtection(), mux: http.NewServeMux()}
	s.sem = make(chan struct{}, s.limits.MaxConcurrent)
	s.presets = cfg.Presets
	if s.presets == nil {
		s.presets = presets.Builtin()
	}
	for _, a := range assetTypes {
		pattern := a[0]
		if pattern == "/" {
			pattern = "/{$}"
		}
		s.mux.Handle(pattern, assetHandler(a[0], a[1]))
	}
	s.mux.HandleFunc("POST /api/eval", s.handleEval)
	s.mux.HandleFunc("POST /api/note", s.handleNote)
	s.mux.HandleFunc("GET /api/presets", s.handlePresets)
	s.mux.HandleFunc("GET /api/presets/{name}", s.handlePreset)
	s.mux.HandleFunc("GET /api/practice/{name}", s.handlePractice)
	s.mux.HandleFunc("POST /api/practice/{name}/grade", s.handleGrade)
	s.mux.HandleFunc("GET /api/latency", s.handleLatency)
	for path, method := range map[string]string{"/api/eval": "POST", "/api/note": "POST", "/api/presets": "GET, HEAD",
		"/api/presets/{name}": "GET, HEAD", "/api/practice/{name}": "GET, HEAD", "/api/practice/{name}/grade": "POST", "/api/latency": "GET, HEAD"} {
		s.mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) { methodNotAllowed(w, r, method) })
	}
	s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "no such page: "+r.Method+" "+r.URL.Path, "the page is at /; the API is POST /api/eval")
	})
	return s, nil
}

// methodNotAllowed answers a request whose path takes other methods.
func methodNotAllowed(w http.ResponseWriter, r *http.Request, allow string) {
	w.Header().Set("Allow", allow)
	writeError(w, http.StatusMethodNotAllowed, fmt.Sprintf("%s takes %s, not %s", r.URL.Path, strings.ReplaceAll(allow, ", ", " or "), r.Method), "")
}

// securityHeaders go on every response (an array, not a map, so that
// building it costs nothing at start-up): nothing but the page's own
// scripts and styles runs, nothing frames it, nothing leaks a referrer.
var securityHeaders = [...][2]string{
	{"Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
		"connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"},
	{"X-Content-Type-Options", "nosniff"},
	{"X-Frame-Options", "DENY"},
	{"Referrer-Policy", "no-referrer"},
	{"Cross-Origin-Opener-Policy", "same-origin"},
	{"Cross-Origin-Resource-Policy", "same-origin"},
	{"Cache-Control", "no-store"},
}

// ServeHTTP checks every request (its Host, and for a POST its origin)
// before routing it, and logs it when asked to.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
	for _, h := range securityHeaders {
		rec.Header().Set(h[0], h[1])
	}
	defer func() {
		// No Go stack trace reaches a user, nor the terminal.
		if v := recover(); v != nil {
			if v == http.ErrAbortHandler {
				panic(v)
			}
			writeError(rec, http.StatusInternalServerError, fmt.Sprintf("internal error: %v", v),
				"please report this at the project's issue tracker, with the script that caused it")
		}
	}()
	switch {
	case !s.host.allowed(r.Host):
		writeError(rec, http.StatusMisdirectedRequest, fmt.Sprintf("this server answers to %s, not to host %q", s.host.canonical, r.Host),
			"open the address napkin serve printed; a page of another site cannot reach it (DNS rebinding)")
	case s.csrf.Check(r) != nil:
		writeError(rec, http.StatusForbidden, "cross-origin request refused",
			"only napkin serve's own page may send it requests")
	default:
		s.mux.ServeHTTP(rec, r)
	}
	if s.cfg.Log != nil {
		s.logMu.Lock()
		// The path is quoted: a newline in it (%0A) cannot forge a line.
		fmt.Fprintf(s.cfg.Log, "%s %s %q %d %dB %s\n", time.Now().Format("15:04:05"), r.Method, r.URL.Path, rec.status, rec.bytes,
			time.Since(start).Round(time.Microsecond))
		s.logMu.Unlock()
	}
}

type statusRecorder struct {
	http.ResponseWriter
	status int
	bytes  int
}

func (w *statusRecorder) WriteHeader(code int) {
	w.status = code
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusRecorder) Write(b []byte) (int, error) {
	n, err := w.ResponseWriter.Write(b)
	w.bytes += n
	return n, err
}

// hostCheck accepts the Host headers that name the server itself: its
// port with an IP address, localhost, or the host name it was given. A
// DNS-rebinding page reaches the server under its own domain name, which
// is refused.
type hostCheck struct {
	port      string
	name      string // the host of Addr, lowercase
	canonical string
}

func newHostCheck(addr string) (hostCheck, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return hostCheck{}, fmt.Errorf("address %q: %v", addr, err)
	}
	canon := addr
	if host == "" || net.ParseIP(host) != nil && net.ParseIP(host).IsUnspecified() {
		canon = net.JoinHostPort("localhost", port)
	}
	return hostCheck{port: port, name: strings.ToLower(host), canonical: canon}, nil
}

func (h hostCheck) allowed(hostHeader string) bool {
	host, port, err := net.SplitHostPort(hostHeader)
	if err != nil {
		host, port = hostHeader, "80" // a browser leaves out the default port
	}
	if port != h.port || host == "" {
		return false
	}
	host = strings.ToLower(host)
	return host == "localhost" || net.ParseIP(host) != nil || host == h.name
}
