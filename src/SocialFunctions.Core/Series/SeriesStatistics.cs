using System.Runtime.CompilerServices;

namespace SocialFunctions.Core.Series;

/// <summary>Small numeric helpers of the detector: medians, a robust spread and the normal distribution.</summary>
internal static class SeriesStatistics
{
    /// <summary>1 / Φ⁻¹(0.75): scales a median absolute deviation to a normal standard deviation.</summary>
    public const double MadToSigma = 1.4826;

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>
    /// Median of <paramref name="values"/> in expected linear time (Hoare's selection); reorders the span. NaN when empty.
    /// The detector calls it on scratch copies, several times per evaluated post, so it must not sort or allocate.
    /// </summary>
    public static double MedianInPlace(Span<double> values)
    {
        var n = values.Length;
        if (n == 0)
        {
            return double.NaN;
        }

        var upper = Select(values, n / 2);
        if (n % 2 == 1)
        {
            return upper;
        }

        // After selection every element left of n/2 is ≤ the upper middle: the lower middle is their maximum.
        var lower = double.NegativeInfinity;
        foreach (var v in values[..(n / 2)])
        {
            lower = Math.Max(lower, v);
        }

        return (lower + upper) / 2;
    }

    /// <summary>
    /// The k-th smallest value (0-based); partially orders the span around it (every value left of k is ≤ it). Quickselect
    /// with a median-of-three pivot and a branch-free partition: on noisy data a comparison's outcome is a coin toss, and a
    /// mispredicted branch per element cost more than the comparisons. Short ranges finish by insertion sort.
    /// </summary>
    private static double Select(Span<double> values, int k)
    {
        const int Short = 16;
        int lo = 0, hi = values.Length - 1;
        while (hi - lo > Short)
        {
            var pivot = MedianOfThree(values[lo], values[lo + ((hi - lo) / 2)], values[hi]);

            // [lo, store) < pivot ≤ [store, hi]; the pivot is one of the values, so the upper part is never empty.
            var store = Partition(values, lo, hi, pivot, orEqual: false);
            if (k < store)
            {
                hi = store - 1;
            }
            else if (store > lo)
            {
                lo = store;
            }
            else
            {
                // The pivot was the least value: split off its ties (constant runs, common in counts, stay linear).
                var ties = Partition(values, lo, hi, pivot, orEqual: true);
                if (k < ties)
                {
                    return pivot;
                }

                lo = ties;
            }
        }

        for (var i = lo + 1; i <= hi; i++)
        {
            var v = values[i];
            var j = i - 1;
            while (j >= lo && values[j] > v)
            {
                values[j + 1] = values[j];
                j--;
            }

            values[j + 1] = v;
        }

        return values[k];
    }

    /// <summary>
    /// Moves the values of [lo, hi] below <paramref name="pivot"/> (or ≤ it, <paramref name="orEqual"/>) to the front and
    /// returns where the rest begins: every element is swapped and the front grows by the comparison's 0 or 1, no branch.
    /// </summary>
    private static int Partition(Span<double> values, int lo, int hi, double pivot, bool orEqual)
    {
        var store = lo;
        for (var i = lo; i <= hi; i++)
        {
            var v = values[i];
            values[i] = values[store];
            values[store] = v;
            store += Unsafe.BitCast<bool, byte>(orEqual ? v <= pivot : v < pivot);
        }

        return store;
    }

    private static double MedianOfThree(double a, double b, double c) =>
        a < b ? (b < c ? b : Math.Max(a, c)) : (a < c ? a : Math.Max(b, c));

    /// <summary>Standard deviation estimated from the median absolute deviation: a viral post does not inflate it.</summary>
    public static double RobustSigma(IReadOnlyCollection<double> values)
    {
        var median = Median(values);
        return MadToSigma * Median(values.Select(v => Math.Abs(v - median)));
    }

    /// <summary>1 / (1 + e^−x): the probability of a hypothesis whose log odds are <paramref name="x"/>.</summary>
    public static double Logistic(double x) => 1 / (1 + Math.Exp(-x));

    /// <summary>Standard normal CDF Φ(x), via the complementary error function (|error| &lt; 1.2e-7).</summary>
    public static double NormalCdf(double x) => 0.5 * Erfc(-x / Math.Sqrt(2));

    /// <summary>Standard normal quantile Φ⁻¹(p) for 0 &lt; p &lt; 1 (bisection on <see cref="NormalCdf"/>: exact enough, called once per check).</summary>
    public static double NormalQuantile(double p)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(p, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(p, 1);
        double lo = -10, hi = 10;
        for (var i = 0; i < 100; i++)
        {
            var mid = (lo + hi) / 2;
            if (NormalCdf(mid) < p)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return (lo + hi) / 2;
    }

    // Chebyshev fit of erfc (Numerical Recipes' erfcc), fractional error < 1.2e-7 everywhere.
    private static readonly double[] ErfcCoefficients =
        [-1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587, -0.82215223, 0.17087277];

    private static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1.0 / (1.0 + (0.5 * z));
        var polynomial = 0.0;
        for (var i = ErfcCoefficients.Length - 1; i >= 0; i--)
        {
            polynomial = ErfcCoefficients[i] + (t * polynomial);
        }

        var r = t * Math.Exp((-z * z) + polynomial);
        return x >= 0 ? r : 2.0 - r;
    }
}
