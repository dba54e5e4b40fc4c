/* vocab.h — the words of the genre, for the benchmark generator.
 *
 * Agencies, provinces, people, subjects, tasks and document kinds as they
 * appear in Vietnamese meeting notices, all NFC. A deterministic random
 * source picks among them, so a seed always yields the same database.
 */
#ifndef BIENBAN_BENCH_VOCAB_H
#define BIENBAN_BENCH_VOCAB_H

#include <stddef.h>
#include <stdint.h>

/* splitmix64: small, fast, and the same on every machine. */
struct rng {
	uint64_t state;
};

uint64_t rng_next(struct rng *r);
/* Uniform in [0, n) (n > 0). */
size_t rng_below(struct rng *r, size_t n);
/* Uniform in [lo, hi]. */
int rng_range(struct rng *r, int lo, int hi);
/* True with probability percent/100. */
int rng_percent(struct rng *r, int percent);
/* Skewed toward 0 (about a square law): a few popular entries, a long
 * tail, as owners and central documents are in real records. */
size_t rng_skewed(struct rng *r, size_t n);

struct word_list {
	const char *const *words;
	size_t count;
};

/* Picks one word of a list. */
const char *vocab_pick(struct rng *r, const struct word_list *l);
const char *vocab_pick_skewed(struct rng *r, const struct word_list *l);

extern const struct word_list vocab_provinces;
extern const struct word_list vocab_districts;
extern const struct word_list vocab_family_names;
extern const struct word_list vocab_middle_names;
extern const struct word_list vocab_given_names;
extern const struct word_list vocab_positions;	/* "Bí thư Tỉnh ủy" */
extern const struct word_list vocab_places;	/* "Hội trường Tỉnh ủy" */
extern const struct word_list vocab_owners;	/* "Sở Tài chính" */
extern const struct word_list vocab_verbs;	/* "rà soát" */
extern const struct word_list vocab_objects;	/* "nguồn vốn đầu tư công" */
extern const struct word_list vocab_qualifiers;	/* ", báo cáo Ủy ban …" */
extern const struct word_list vocab_topics;	/* what a document is about */
extern const struct word_list vocab_subjects;	/* a sentence's subject */
extern const struct word_list vocab_good;	/* what went well */
extern const struct word_list vocab_bad;	/* what did not */
extern const struct word_list vocab_purposes;	/* why the meeting met */

/* The kinds of body that hold meetings. */
enum body_kind {
	BODY_PARTY_PROVINCE,	/* Ban Chấp hành Đảng bộ tỉnh X khóa XI */
	BODY_PARTY_DISTRICT,	/* Ban Chấp hành Đảng bộ huyện Y khóa XV */
	BODY_PEOPLE_COMMITTEE,	/* Ủy ban nhân dân tỉnh X */
	BODY_COUNCIL,		/* Hội đồng nhân dân tỉnh X khóa X */
	BODY_KINDS
};

/* A document kind: its name, its code's shape and its usual issuer. */
struct doc_kind {
	const char *name;	/* "Nghị quyết" */
	const char *code_fmt;	/* printf with the number and the year */
	const char *issuer;
};

extern const struct doc_kind vocab_doc_kinds[];
extern const size_t vocab_ndoc_kinds;

/* Roman numerals 1–20 ("XI"), for terms (khóa) and quarters (quý). */
const char *vocab_roman(int n);

#endif
