# statistics over ints, floats and fractions.
import statistics as st
from fractions import Fraction

data = [2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5]
ints = [1, 2, 2, 3, 4, 4, 4, 5, 9]
print(st.mean(data), st.mean(ints), st.fmean(ints), st.geometric_mean([1, 2, 4, 8]), st.harmonic_mean([40, 60]))
print(st.median(data), st.median(ints), st.median_low([1, 3, 5, 7]), st.median_high([1, 3, 5, 7]))
print(st.median_grouped([52, 52, 53, 54]), st.mode(ints), st.multimode("aabbbbccddddeeffffgg"))
print(st.pstdev(data), st.stdev(data), st.pvariance(ints), st.variance(ints))
print(st.quantiles(ints, n=4), st.quantiles(data, n=10, method="inclusive"))
print(st.mean([Fraction(1, 3), Fraction(2, 3), Fraction(5, 6)]), st.variance([Fraction(1, 2), Fraction(3, 4), Fraction(1, 4)]))
x = [1, 2, 3, 4, 5]
y = [2, 4, 5, 4, 5]
print(st.correlation(x, y), st.covariance(x, y), st.linear_regression(x, y))
n = st.NormalDist(100, 15)
print(n.mean, n.stdev, n.variance, round(n.cdf(115), 12), round(n.inv_cdf(0.975), 9), round(n.pdf(100), 12))
print(n + 10, n * 2, round(n.overlap(st.NormalDist(110, 15)), 12), round(n.zscore(130), 12))
print(st.NormalDist.from_samples([1, 2, 3, 4, 5]), n.quantiles(4))
for f, arg in [(st.mean, []), (st.stdev, [1]), (st.mode, []), (st.harmonic_mean, [-1]), (st.geometric_mean, [0, 1])]:
    try:
        f(arg)
    except st.StatisticsError as e:
        print(type(e).__name__, e)
