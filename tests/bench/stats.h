/* stats.h — samples and their order statistics, for the benchmark driver. */
#ifndef BIENBAN_BENCH_STATS_H
#define BIENBAN_BENCH_STATS_H

#include <stddef.h>

struct samples {
	double *v;
	size_t n, cap;
};

void samples_add(struct samples *s, double x);
void samples_free(struct samples *s);
/* The q-quantile (0 ≤ q ≤ 1) by nearest rank: 0.5 the median, 0.99 the
 * 99th percentile. NaN when there are no samples. */
double samples_quantile(const struct samples *s, double q);
double samples_min(const struct samples *s);
double samples_max(const struct samples *s);
double samples_mean(const struct samples *s);

/* Monotonic time in milliseconds. */
double bench_now_ms(void);

#endif
