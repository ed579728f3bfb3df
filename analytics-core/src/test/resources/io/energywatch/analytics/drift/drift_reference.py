"""Independent reference values for the drift statistics unit tests (DriftStatisticsTest).

Run: python3 drift_reference.py   (scipy 1.17.1, numpy 2.4.6)
- KS statistic: scipy.stats.ks_2samp(...).statistic.
- KS exact p-value without ties: scipy.stats.ks_2samp(method="exact").
- KS exact p-value with ties: brute-force enumeration of every split of the pooled sample (the permutation
  distribution conditional on the ties), since scipy's exact method ignores ties.
- KS asymptotic p-value: scipy.special.kolmogorov at (sqrt(ne) + 0.12 + 0.11/sqrt(ne)) * D.
- PSI: bins from the reference as FeatureProfile builds them (inner edges sorted[floor(i*n/bins)], a value goes to
  the first bin whose upper edge is >= it), empty shares replaced by 1e-4.
- Chi-square: scipy.stats.chi2_contingency(correction=False), scipy.stats.chi2.sf.
"""
import itertools
import math
from bisect import bisect_left

import numpy as np
from scipy import special, stats


def series(count, mult, mod, scale, shift):
    return [((i * mult) % mod) / scale + shift for i in range(count)]


def brute_force_p(a, b):
    pooled = sorted(a + b)
    n = len(a)
    d_obs = stats.ks_2samp(a, b).statistic
    hits = total = 0
    for chosen in itertools.combinations(range(len(pooled)), n):
        chosen_set = set(chosen)
        x = [pooled[i] for i in chosen]
        y = [pooled[i] for i in range(len(pooled)) if i not in chosen_set]
        total += 1
        if stats.ks_2samp(x, y).statistic >= d_obs - 1e-12:
            hits += 1
    return hits / total


def asymptotic_p(d, n, m):
    ne = n * m / (n + m)
    return float(special.kolmogorov((math.sqrt(ne) + 0.12 + 0.11 / math.sqrt(ne)) * d))


def psi(reference, current, bins=10, eps=1e-4):
    ref = sorted(reference)
    edges = [ref[min(len(ref) - 1, math.floor(i * len(ref) / bins))] for i in range(1, bins)]
    r = [0] * bins
    c = [0] * bins
    for v in reference:
        r[bisect_left(edges, v)] += 1
    for v in current:
        c[bisect_left(edges, v)] += 1
    total = 0.0
    for ri, ci in zip(r, c):
        rs = ri / len(reference) if ri else eps
        cs = ci / len(current) if ci else eps
        total += (cs - rs) * math.log(cs / rs)
    return total, r, c


TINY_A = [1.2, 3.4, 0.5]
TINY_B = [2.2, 4.1, 5.0, 3.9]
UNEQUAL_A = series(25, 37, 101, 50.0, -1.0)
UNEQUAL_B = series(17, 53, 89, 44.0, -0.61)
TIES_A = [1, 2, 2, 3, 3, 3, 4]
TIES_B = [2, 3, 3, 4, 4, 5, 5, 6]
TIES2_A = [0.5, 0.5, 1.0, 1.5, 2.0, 2.0]
TIES2_B = [1.0, 1.0, 1.5, 2.5, 2.5, 0.5, 3.0]
MEDIUM_A = series(60, 7919, 1009, 1009.0, 0.0)
MEDIUM_B = series(45, 104729, 997, 997.0, 0.12)
LARGE_A = series(2000, 7919, 1000, 1000.0, 0.0)
LARGE_B = series(1500, 104729, 997, 997.0, 0.03)

print("// KS")
for name, a, b in [("tiny", TINY_A, TINY_B), ("unequal", UNEQUAL_A, UNEQUAL_B), ("medium", MEDIUM_A, MEDIUM_B)]:
    r = stats.ks_2samp(a, b, method="exact")
    print(f"{name}: D={r.statistic!r} p_exact_scipy={r.pvalue!r}")
print(f"tiny brute force p={brute_force_p(TINY_A, TINY_B)!r}")
for name, a, b in [("ties", TIES_A, TIES_B), ("ties2", TIES2_A, TIES2_B)]:
    d = stats.ks_2samp(a, b).statistic
    print(f"{name}: D={d!r} p_conditional_exact={brute_force_p(a, b)!r}")
r = stats.ks_2samp(LARGE_A, LARGE_B)
print(f"large: D={r.statistic!r} p_asymptotic={asymptotic_p(r.statistic, 2000, 1500)!r}")
SHIFTED_B = series(1500, 104729, 997, 997.0, 0.09)
r = stats.ks_2samp(LARGE_A, SHIFTED_B)
print(f"large shifted: D={r.statistic!r} p_asymptotic={asymptotic_p(r.statistic, 2000, 1500)!r}")
for lam in [0.3, 0.5, 1.0, 1.18, 1.5, 2.0, 3.0]:
    print(f"Q({lam})={float(special.kolmogorov(lam))!r}")

print("// PSI")
PSI_REF = [round(v, 1) for v in series(200, 31, 97, 10.0, 0.0)]
PSI_CUR = [round(v, 1) for v in series(150, 17, 89, 8.0, 2.5)]
value, r, c = psi(PSI_REF, PSI_CUR)
print(f"psi={value!r} ref={r} cur={c}")
# Heavy ties: repeated edges leave reference bins empty, so both sides are smoothed.
PSI_TIED_REF = [0.0] * 40 + [1.0] * 40 + [round(v, 2) for v in series(120, 13, 61, 20.0, 2.0)]
PSI_TIED_CUR = [0.0] * 10 + [1.0] * 60 + [round(v, 2) for v in series(90, 11, 59, 15.0, 2.5)]
value, r, c = psi(PSI_TIED_REF, PSI_TIED_CUR)
print(f"psi_tied={value!r} ref={r} cur={c}")

print("// chi-square")
table = [[50, 30, 20, 0], [40, 45, 10, 5]]
chi2, p, dof, _ = stats.chi2_contingency(np.array(table), correction=False)
print(f"chi2={chi2!r} p={p!r} dof={dof}")
for x, df in [(3.2, 1), (10.5, 4), (0.5, 7), (250.0, 30)]:
    print(f"chi2.sf({x},{df})={float(stats.chi2.sf(x, df))!r}")
cat_psi = 0.0
for rc, cc in zip(table[0], table[1]):
    rs = rc / sum(table[0]) if rc else 1e-4
    cs = cc / sum(table[1]) if cc else 1e-4
    cat_psi += (cs - rs) * math.log(cs / rs)
print(f"categorical psi={cat_psi!r}")
