namespace SocialFunctions.Core.Series;

/// <summary>Small numeric helpers of the detector: medians, a robust spread and the normal distribution.</summary>
internal static class SeriesStatistics
{
    /// <summary>1 / Φ⁻¹(0.75): scales a median absolute deviation to a normal standard deviation.</summary>
    private const double MadToSigma = 1.4826;

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

    /// <summary>Standard deviation estimated from the median absolute deviation: a viral post does not inflate it.</summary>
    public static double RobustSigma(IReadOnlyCollection<double> values)
    {
        var median = Median(values);
        return MadToSigma * Median(values.Select(v => Math.Abs(v - median)));
    }

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
