#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "ingest.h"
#include "internal.h"

/* ---- reading the bytes ----------------------------------------------- */

static const char *name_or_dash(const char *name)
{
	return name && *name ? name : "-";
}

/* Refuses what is not a text notice before anything is parsed: the
 * line reported is the one a person opens in an editor to look.
 * Whether it is UTF-8 is learnt from normalizing it (see normalize). */
static enum bb_status check_bytes(const char *name, const char *data,
				  size_t len, struct bb_error *err)
{
	if (len == 0)
		return bb_fail(err, BB_ERROR, "%s:1: empty file", name);
	const char *nul = memchr(data, '\0', len);
	if (nul) {
		struct csv_pos at = ingest_pos_of(data, len, (size_t)(nul - data));
		return bb_fail(err, BB_ERROR, "%s:%zu:%zu: binary data (a NUL byte), not a text notice",
			       name, at.line, at.col);
	}
	return BB_OK;
}

static enum bb_status not_utf8(const char *name, const char *data, size_t len,
			       struct bb_error *err)
{
	size_t bad = ingest_first_bad_utf8(data, len);
	struct csv_pos at = ingest_pos_of(data, len, bad);
	return bb_fail(err, BB_ERROR,
		       "%s:%zu:%zu: not valid UTF-8 (byte 0x%02X); save the notice as UTF-8",
		       name, at.line, at.col, (unsigned)(unsigned char)data[bad]);
}

/* Every CR LF and lone CR of data[0..len) a LF, into out. */
static void lf_only(struct text_buf *out, const char *data, size_t len)
{
	for (size_t i = 0; i < len;) {
		const char *cr = memchr(data + i, '\r', len - i);
		size_t run = cr ? (size_t)(cr - data) - i : len - i;
		text_buf_add(out, data + i, run);
		i += run;
		if (!cr)
			break;
		text_buf_addc(out, '\n');
		i += i + 1 < len && data[i + 1] == '\n' ? 2 : 1;
	}
}

/* BOM off, every line end a LF, NFC: the text as stored, to which every
 * span points. NULL when data is not UTF-8: text_nfc checks that, and
 * neither the BOM nor the line ends change it (an ASCII byte between
 * two others, or in place of one, joins or splits no sequence), so the
 * text is checked once, not once here and once more before. */
static char *normalize(const char *data, size_t len, size_t *out_len,
		       bool *decomposed)
{
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		data += 3;
		len -= 3;
	}
	struct text_buf lf = { 0 }, nfc = { 0 };
	/* Most notices have LF line ends: nothing to copy. */
	if (memchr(data, '\r', len)) {
		lf_only(&lf, data, len);
		data = lf.data;
		len = lf.len;
	}
	bool valid = text_nfc(&nfc, len ? data : "", len);
	/* Composing changed it: how it was wrapped, if it was, is
	 * measured in the form it came in (see scan_paragraphs.c). */
	*decomposed = valid && len > 0 &&
		      (nfc.len != len || memcmp(nfc.data, data, len) != 0);
	text_buf_free(&lf);
	if (!valid) {
		text_buf_free(&nfc);
		return NULL;
	}
	if (!nfc.data)
		text_buf_addz(&nfc, "");
	return text_buf_take(&nfc, out_len);
}

/* ---- from sections to resolutions ------------------------------------ */

static void resolution_of(const struct scan *sc, const struct section *sec,
			  struct notice_resolution *r)
{
	memset(r, 0, sizeof *r);
	r->seq = sec->seq;
	r->title = section_title(sc, sec);
	r->span_start = sc->lines[sec->line].start;
	r->span_end = sc->lines[sec->line + sec->nlines - 1].end;
	r->text = ingest_strndup(sc->s + r->span_start, r->span_end - r->span_start);
	tasks_find(sc, sec, r);
}

static enum bb_status parse(const char *name, struct scan *sc,
			    struct notice *n, struct bb_error *err)
{
	if (sc->nlines == 0)
		return bb_fail(err, BB_ERROR, "%s:1: empty file (only blank lines)", name);
	struct section *secs;
	size_t nsec = sections_find(sc, 0, &secs);
	if (nsec == 0) {
		free(secs);
		return bb_fail(err, BB_ERROR,
			       "%s:1: no numbered section (\"1. …\"): not a meeting notice", name);
	}
	documents_find(sc, n);
	meeting_find(sc, secs[0].line, n);
	if (!n->title) {
		size_t line = ingest_pos_of(sc->s, sc->n, sc->lines[secs[0].line].start).line;
		free(secs);
		return bb_fail(err, BB_ERROR,
			       "%s:%zu: no meeting named before the first section "
			       "(\"Hội nghị …\", \"kỳ họp thứ …\", \"phiên họp …\")", name, line);
	}
	n->resolutions = ingest_xrealloc(NULL, nsec, sizeof *n->resolutions);
	for (size_t i = 0; i < nsec; i++)
		resolution_of(sc, &secs[i], &n->resolutions[n->nresolutions++]);
	documents_link(sc, n);
	free(secs);
	return BB_OK;
}

enum bb_status ingest_notice(const char *name, const char *data, size_t len,
			     struct notice *out, struct bb_error *err)
{
	memset(out, 0, sizeof *out);
	name = name_or_dash(name);
	enum bb_status st = check_bytes(name, data, len, err);
	if (st != BB_OK)
		return st;
	bool decomposed;
	out->source_text = normalize(data, len, &out->source_len, &decomposed);
	if (!out->source_text)
		return not_utf8(name, data, len, err);
	struct scan sc;
	scan_init(&sc, out->source_text, out->source_len, decomposed);
	st = parse(name, &sc, out, err);
	scan_free(&sc);
	if (st != BB_OK)
		ingest_notice_free(out);
	return st;
}

/* ---- freeing --------------------------------------------------------- */

static void free_resolution(struct notice_resolution *r)
{
	free(r->title);
	free(r->text);
	free(r->documents);
	for (size_t i = 0; i < r->ntasks; i++) {
		free(r->tasks[i].text);
		free(r->tasks[i].owner);
		free(r->tasks[i].due_on);
		free(r->tasks[i].due_text);
	}
	free(r->tasks);
}

void ingest_notice_free(struct notice *n)
{
	if (!n)
		return;
	free(n->title);
	free(n->body);
	free(n->session);
	free(n->held_on);
	free(n->place);
	free(n->chair);
	free(n->summary);
	free(n->source_text);
	for (size_t i = 0; i < n->nresolutions; i++)
		free_resolution(&n->resolutions[i]);
	free(n->resolutions);
	for (size_t i = 0; i < n->ndocuments; i++) {
		free(n->documents[i].code);
		free(n->documents[i].kind);
		free(n->documents[i].issued_on);
		free(n->documents[i].issuer);
		free(n->documents[i].title);
	}
	free(n->documents);
	memset(n, 0, sizeof *n);
}
