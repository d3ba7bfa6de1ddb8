// Package notes evaluates the napkin blocks of a Markdown file and writes
// each requested result back in place, so that the numbers in a design doc
// are always the computed ones.
//
// A fenced block whose info string is napkin belongs to napkin; a line in
// it that ends in "# =>" asks for its result, and napkin owns exactly the
// text after "# =>" to the end of that line. Nothing else in the file
// changes, byte for byte: prose, other fences, indentation, tabs, CRLF line
// endings, a missing final newline. Variables flow from block to block
// down the file; "napkin fresh" starts an empty scope. Blocks are found
// as CommonMark finds them (see blocks): a fence indented 4 columns or
// more is an indented code block, list items and block quotes are
// followed, and a fence inside an HTML comment (<!-- … -->) is raw HTML;
// those are left alone.
//
// The package works on bytes and returns the new text with what changed;
// reading, writing (atomically) and printing are the command's job.
package notes
