// Package presets holds the canonical system-design interview problems as
// worked, re-runnable estimates: Twitter, a URL shortener, Pastebin,
// Instagram, Dropbox, chat, video, typeahead, a rate limiter, a web
// crawler, a news feed, proximity search, ride sharing, ticketing and
// metrics.
//
// Each preset is a napkin script (data/*.napkin) in the interview's order:
// scope, then assumptions with a reason each (and a source where a public
// write-up gave the number), then traffic, storage, bandwidth, cache and
// servers. Assumptions that recur have the same names everywhere (dau,
// peak_factor, replication, index_overhead, retention, read_write_ratio,
// cache_ratio, utilisation), so a run with other assumptions (--set) is
// guessable. Lines marked "#?" are the questions of practice mode.
//
// Users add presets as *.napkin files in their presets directory; a user
// preset of a built-in's name replaces it. The package returns values and
// never prints.
package presets
